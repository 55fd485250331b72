"""Word-level explanations of the text component (mixed into
:class:`matching.text.TextSimilarity`): which words are shared, of one root, synonyms of one
group of the domain thesaurus (with the group's code), or close in meaning by the word
vectors -- the same relations the score is computed from, never look-alike spellings. A pair
is named once, by the first relation that holds in that order."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from .term_relations import common_prefix

if TYPE_CHECKING:
    from .text import TextVectors

__all__ = ["WordExplanations"]


@dataclass(frozen=True)
class _Analysis:
    words: tuple[str, ...]          # written words, one per distinct term, in order
    terms: tuple[str, ...]          # their terms
    term_set: frozenset[str]


class WordExplanations:
    """Explanation helpers; need the fitted attributes of ``TextSimilarity``."""

    def explain_pairs(self, queries: TextVectors, q_idx, docs: TextVectors, d_idx,
                      top_shared: int = 5, top_pairs: int = 3):
        """Word-level explanations of many pairs at once.

        Returns four lists (one entry per pair): shared words of the query (rarest first),
        same-root pairs and close-in-meaning pairs ``(query word, document word)``, and
        thesaurus pairs ``(query word, document word, group code)``.
        """
        q_idx, d_idx = np.asarray(q_idx, dtype=np.int64), np.asarray(d_idx, dtype=np.int64)
        n = len(q_idx)
        words = self._words
        Q, D = queries.terms[q_idx], docs.terms[d_idx]
        # shared terms: the query's written word for each, rarest (highest idf) first
        X = queries.word_ids[q_idx].multiply(D).tocoo()
        rows, cols, wid = X.row, X.col, X.data.astype(np.int64) - 1
        order = np.lexsort((cols, -self.idf_[cols], rows))
        rows, wid = rows[order], wid[order]
        key = rows * (len(words) + 1) + wid
        _, first = np.unique(key, return_index=True)
        first = np.sort(first)
        rows, wid = rows[first], wid[first]
        starts = np.searchsorted(rows, np.arange(n))
        rank = np.arange(len(rows)) - starts[rows]
        keep = rank < top_shared
        shared: list[tuple] = [()] * n
        rows, wid = rows[keep], wid[keep]
        bounds = np.searchsorted(rows, np.arange(n + 1))
        wl = [words[w] for w in wid.tolist()]
        for k in np.flatnonzero(np.diff(bounds)).tolist():
            shared[k] = tuple(wl[bounds[k]:bounds[k + 1]])
        roots = self._related_pairs(Q, D, queries, q_idx, docs, d_idx, self.roots_,
                                    self.root_neighbours_, (), top_pairs)
        if float(self.semantic_weight) == 0.0:
            return shared, roots, [()] * n, [()] * n
        synonyms = self._related_pairs(Q, D, queries, q_idx, docs, d_idx, self.synonyms_,
                                       self.synonym_neighbours_, (self.root_neighbours_,),
                                       top_pairs, codes=self.synonym_groups_)
        close = self._related_pairs(Q, D, queries, q_idx, docs, d_idx, self.closeness_,
                                    self.neighbours_,
                                    (self.root_neighbours_, self.synonym_neighbours_), top_pairs)
        return shared, roots, close, synonyms

    def _related_pairs(self, Q, D, queries, q_idx, docs, d_idx, matrix, neighbours, skips,
                       top_n, codes=None):
        n = Q.shape[0]
        out: list[tuple] = [()] * n
        if not neighbours:
            return out
        off = sp.csr_matrix(matrix - sp.identity(matrix.shape[0], format="csr"))
        off.eliminate_zeros()
        # document terms related to some query term (checked pair by pair below)
        hit = sp.csr_matrix((Q @ off).multiply(D))
        hit.eliminate_zeros()
        if hit.nnz == 0:
            return out
        terms = list(self.vocabulary_)
        qw, dw = queries.word_ids, docs.word_ids
        q_ptr, q_ind, q_dat = qw.indptr, qw.indices.tolist(), qw.data.astype(np.int64).tolist()
        d_ptr, d_ind, d_dat = dw.indptr, dw.indices.tolist(), dw.data.astype(np.int64).tolist()
        words = self._words
        indptr, indices = hit.indptr, hit.indices
        for k in np.flatnonzero(np.diff(indptr)).tolist():
            qi, di = int(q_idx[k]), int(d_idx[k])
            a, b = int(q_ptr[qi]), int(q_ptr[qi + 1])
            q_terms = dict(zip(q_ind[a:b], q_dat[a:b]))
            a, b = int(d_ptr[di]), int(d_ptr[di + 1])
            d_terms = dict(zip(d_ind[a:b], d_dat[a:b]))
            found = []
            for u in indices[indptr[k]:indptr[k + 1]].tolist():
                tu = terms[u]
                for t, wid in q_terms.items():
                    if t in d_terms:
                        continue
                    tt = terms[t]
                    v = neighbours.get(tt, {}).get(tu)
                    if v is None or any(tu in skip.get(tt, {}) for skip in skips):
                        continue
                    found.append((-v, -common_prefix(tt, tu), -self.idf_[u], words[wid - 1],
                                  words[d_terms[u] - 1], tt, tu))
            found.sort()
            pairs, used = [], set()
            for *_, a, b, tt, tu in found:
                if a in used or a == b:
                    continue
                used.add(a)
                pairs.append((a, b) if codes is None else (a, b, codes[tt][tu]))
                if len(pairs) == top_n:
                    break
            out[k] = tuple(pairs)
        return out

    def _analysis(self, text: str) -> _Analysis:
        key = ("analysis", text)
        hit = self._cache.get(key)
        if hit is None:
            first: dict[str, str] = {}
            for word, _, term in self._pieces(text or ""):
                first.setdefault(term, word)
            hit = _Analysis(tuple(first.values()), tuple(first), frozenset(first))
            self._cache[key] = hit
        return hit

    def has_words(self, text: str) -> bool:
        """Whether ``text`` has any content word (after stop words)."""
        return bool(self._analysis(text or "").terms)

    def shared_words(self, a_text: str, b_text: str, top_n: int = 5) -> list[str]:
        """Words of ``a_text`` whose stem (or lemma) also occurs in ``b_text``, rarest first."""
        self._check_fitted()
        return self._shared_words(a_text or "", b_text or "", top_n)

    def _shared_words(self, a_text: str, b_text: str, top_n: int) -> list[str]:
        a, b = self._analysis(a_text), self._analysis(b_text)
        if not (a.term_set & b.term_set):
            return []
        idf = self.idf_by_term_
        top = max(self.idf_, default=1.0)
        shared = [(w, t) for w, t in zip(a.words, a.terms) if t in b.term_set]
        shared.sort(key=lambda wt: (-idf.get(wt[1], top), wt[0]))
        out: list[str] = []
        for w, _ in shared:
            if w not in out:
                out.append(w)
        return out[:top_n]

    def root_words(self, a_text: str, b_text: str, top_n: int = 3) -> list[tuple[str, str]]:
        """(word of ``a_text``, word of ``b_text``) pairs of one root but different stems
        («ошибиться» ~ «ошибки»: one stem begins the other, or a long common beginning)."""
        self._check_fitted()
        return self._pairs(a_text or "", b_text or "", self.root_neighbours_, top_n)

    def synonym_words(self, a_text: str, b_text: str, top_n: int = 3
                      ) -> list[tuple[str, str, str]]:
        """(word of ``a_text``, word of ``b_text``, group code) for pairs of one group of the
        domain thesaurus (:mod:`matching.thesaurus`) with no stem or root in common."""
        self._check_fitted()
        if float(self.semantic_weight) == 0.0:
            return []
        pairs = self._pairs(a_text or "", b_text or "", self.synonym_neighbours_, top_n,
                            skip=self.root_neighbours_, terms=True)
        return [(a, b, self.synonym_groups_[ta][tb]) for a, b, ta, tb in pairs]

    def close_words(self, a_text: str, b_text: str, top_n: int = 3) -> list[tuple[str, str]]:
        """(word of ``a_text``, word of ``b_text``) pairs close in meaning by the embeddings
        (cosine >= ``semantic_threshold``), with no stem or root in common and not of one
        thesaurus group (those are :meth:`synonym_words`), closest first."""
        self._check_fitted()
        return self._close_words(a_text or "", b_text or "", top_n)

    def _root_words(self, a_text: str, b_text: str, top_n: int) -> list[tuple[str, str]]:
        return self._pairs(a_text, b_text, self.root_neighbours_, top_n)

    def _close_words(self, a_text: str, b_text: str, top_n: int) -> list[tuple[str, str]]:
        if float(self.semantic_weight) == 0.0:
            return []
        return self._pairs(a_text, b_text, self.neighbours_, top_n, skip=self.root_neighbours_,
                           skip_also=self.synonym_neighbours_)

    def _pairs(self, a_text, b_text, neighbours, top_n, skip=None, skip_also=None,
               terms=False) -> list[tuple]:
        if not neighbours:
            return []
        a, b = self._analysis(a_text), self._analysis(b_text)
        b_word = dict(zip(b.terms, b.words))
        idf = self.idf_by_term_
        pairs = []
        for w, t in zip(a.words, a.terms):
            near = neighbours.get(t)
            if not near or t in b.term_set:
                continue
            rooted = skip.get(t, {}) if skip else {}
            other = skip_also.get(t, {}) if skip_also else {}
            # the closest pair; among equal values the one most alike in form, then the rarest
            best = max(((v, common_prefix(t, u), idf.get(u, 0.0), u) for u, v in near.items()
                        if u in b_word and u not in rooted and u not in other), default=None)
            if best is not None:
                pairs.append((-best[0], w, b_word[best[3]], t, best[3]))
        pairs.sort()
        out: list[tuple] = []
        seen: set[tuple[str, str]] = set()
        for _, w, u, t, v in pairs:
            if (w, u) not in seen and w != u:
                seen.add((w, u))
                out.append((w, u, t, v) if terms else (w, u))
        return out[:top_n]


