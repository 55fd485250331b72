"""Relations between the terms of a fitted vocabulary, as sparse matrices.

* :func:`root_matrix`: identity plus ``weight`` between different terms of one root (one stem
  begins the other, or they share a beginning of at least :data:`ROOT_PREFIX` letters);
* :func:`closeness_matrix`: identity plus, between different terms, the cosine of their word
  vectors where it reaches the threshold (navec embeddings, :mod:`matching.embeddings`);
* :func:`synonym_matrix`: identity plus ``weight`` between different terms of one group of
  the domain thesaurus (:mod:`matching.thesaurus`).
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp

__all__ = ["ROOT_PREFIX", "root_matrix", "closeness_matrix", "synonym_matrix",
           "neighbours"]

#: Common beginning (letters) that makes two different stems one root.
ROOT_PREFIX = 7
_S_BLOCK = 2048


def _eye(n: int) -> sp.csr_matrix:
    return sp.identity(max(n, 1), dtype=np.float64, format="csr")[:n, :n]


def root_matrix(terms: list[str], weight: float) -> sp.csr_matrix:
    """``L``: identity plus ``weight`` between different terms of one root."""
    n = len(terms)
    eye = _eye(n)
    if n == 0 or weight == 0.0:
        return eye
    order = sorted(range(n), key=lambda k: terms[k])
    rows, cols = [], []
    for a_pos, a in enumerate(order):
        ta = terms[a]
        if len(ta) < 4 or not ta.isalpha():
            continue
        for b in order[a_pos + 1:]:
            tb = terms[b]
            if not tb.startswith(ta[:4]):
                break
            common = len(ta) if tb.startswith(ta) else common_prefix(ta, tb)
            if common == len(ta) or common >= ROOT_PREFIX:
                rows += [a, b]
                cols += [b, a]
    if not rows:
        return eye
    off = sp.csr_matrix((np.full(len(rows), weight), (rows, cols)), shape=(n, n))
    return (eye + off).tocsr()


def closeness_matrix(terms: list[str], forms: dict, normaliser: str, threshold: float,
                     embeddings_path: str | None, pos_filter: bool = True
                     ) -> tuple[sp.csr_matrix, bool]:
    """(``S``, whether the embeddings were available): identity plus close-in-meaning
    pairs of different terms (cosine >= ``threshold``); with ``pos_filter`` only terms of
    the parts of speech in :data:`matching.terms.MEANING_POS` (nouns) take part."""
    from .embeddings import load_word_vectors
    from .terms import lemma_of, meaning_group
    n = len(terms)
    eye = _eye(n)
    wv = load_word_vectors(embeddings_path)
    if wv is None:
        return eye, False
    # a term's vector: the lemma's own vector, else the mean of its written forms' lemma
    # vectors (a stem is not a word: «лет» as a stem of «лето» is not the word «лет»)
    E = np.zeros((n, wv.dim), dtype=np.float32)
    found = np.zeros(n, dtype=bool)
    group = np.ones(n, dtype=np.int8)
    for k, t in enumerate(terms):
        written = forms.get(t, ())
        if pos_filter:
            group[k] = max((meaning_group(f) for f in written), default=0)
            if group[k] == 0:
                continue
        if normaliser == "lemma" and t in wv:
            cand = [t]
        else:
            cand = list(dict.fromkeys(lemma_of(f) for f in written))
        vec, ok = wv.vectors(cand)
        if ok.any():
            v = vec[ok].mean(axis=0)
            norm = float(np.linalg.norm(v))
            if norm > 0:
                E[k], found[k] = v / norm, True
    idx = np.flatnonzero(found)
    rows, cols, vals = [], [], []
    Ef = E[idx]
    for s in range(0, len(idx), _S_BLOCK):
        G = Ef[s:s + _S_BLOCK] @ Ef.T
        r, c = np.nonzero(G >= threshold)
        keep = ((r + s) != c) & (group[idx[r + s]] == group[idx[c]])
        rows.append(idx[r[keep] + s])
        cols.append(idx[c[keep]])
        vals.append(G[r[keep], c[keep]].astype(np.float64))
    if not rows:
        return eye, True
    off = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                        shape=(n, n))
    return (eye + off).tocsr(), True


def neighbours(terms: list[str], M: sp.csr_matrix) -> dict[str, dict[str, float]]:
    """``{term: {related term: value}}`` for the off-diagonal entries of ``M``."""
    S = M.tocoo()
    out: dict[str, dict[str, float]] = {}
    for i, j, v in zip(S.row.tolist(), S.col.tolist(), S.data.tolist()):
        if i != j:
            out.setdefault(terms[i], {})[terms[j]] = v
    return out


def common_prefix(a: str, b: str) -> int:
    """Length of the common beginning of two strings."""
    k = 0
    for x, y in zip(a, b):
        if x != y:
            break
        k += 1
    return k



def synonym_matrix(terms: list[str], forms: dict, term_of, weight: float
                   ) -> tuple[sp.csr_matrix, dict[str, dict[str, str]]]:
    """(``T``, ``{term: {synonym term: group code}}``): identity plus ``weight`` between
    different terms of one group of :data:`matching.thesaurus.SYNONYM_GROUPS`.

    A vocabulary term belongs to a group when it equals the term (``term_of``) of one of the
    group's words, or when the pymorphy3 lemma of one of its written forms (``forms``) is
    one of the group's words: «выгорела» -> «выгореть», never «профилактика» -> «профиль»."""
    from .terms import lemma_of
    from .thesaurus import SYNONYM_GROUPS
    n = len(terms)
    eye = _eye(n)
    if n == 0 or weight == 0.0:
        return eye, {}
    by_word: dict[str, list[str]] = {}
    for code, words in SYNONYM_GROUPS.items():
        for w in words:
            by_word.setdefault(w, []).append(code)
            t = term_of(w)
            if t and t != w:
                by_word.setdefault(t, []).append(code)
    members: dict[str, set[int]] = {}
    for k, t in enumerate(terms):
        codes = set(by_word.get(t, ()))
        for f in forms.get(t, ()):
            codes.update(by_word.get(lemma_of(f), ()))
        for code in codes:
            members.setdefault(code, set()).add(k)
    rows, cols, group_of = [], [], {}
    for code in SYNONYM_GROUPS:  # catalogue order: the first group names a pair
        ks = sorted(members.get(code, ()))
        for a in ks:
            near = group_of.setdefault(terms[a], {})
            for b in ks:
                if a == b or terms[b] in near:
                    continue
                near[terms[b]] = code
                rows.append(a)
                cols.append(b)
    group_of = {t: near for t, near in group_of.items() if near}
    if not rows:
        return eye, {}
    off = sp.csr_matrix((np.full(len(rows), weight), (rows, cols)), shape=(n, n))
    return (eye + off).tocsr(), group_of
