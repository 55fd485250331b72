"""What the coordinator's decisions teach: component weights learned from the suggestions they
accepted and rejected (matching.WeightLearner), and how the ranking would change with them."""
from __future__ import annotations

from dataclasses import dataclass, field

from matching.weights import COMPONENTS, DEFAULT_WEIGHTS
from webapp.models import MatchingRun, Suggestion, User
from webapp.models.pairing import ACCEPTED, REJECTED
from webapp.pairing import profiles_adapter as adapter
from webapp.pairing.scorer import new_scorer

MIN_DECISIONS = 4

LEARNING_MESSAGES = {
    "few": "Пока мало решений, чтобы подобрать веса: нужно не меньше %(n)s принятых и отклонённых предложений, "
           "и среди них хотя бы одно принятое и одно отклонённое (сейчас принято %(a)s, отклонено %(r)s).",
    "one_sided": "Среди решений, которые ещё можно оценить по правилам подбора, нет и принятых, и отклонённых "
                 "предложений.",
    "no_signal": "Решения куратора пока не указывают, какая составляющая важнее: веса остаются прежними.",
}


class NotEnoughDecisions(ValueError):
    """Too few, or one-sided, decisions to learn from: ``key`` of LEARNING_MESSAGES and its values."""

    def __init__(self, key: str, **values):
        super().__init__(LEARNING_MESSAGES[key] % values if values else LEARNING_MESSAGES[key])
        self.key, self.values = key, values


@dataclass
class LearnedWeights:
    weights: dict[str, float]
    current: dict[str, float]
    accepted: int
    rejected: int
    changes: list = field(default_factory=list)  # (mentee, old top mentor, new top mentor, old rank)


def _decisions(organisation) -> list[Suggestion]:
    return list(Suggestion.select().join(MatchingRun)
                .where((MatchingRun.organisation == organisation) & Suggestion.status.in_([ACCEPTED, REJECTED]))
                .order_by(Suggestion.id))


def learn(organisation, current: dict[str, float] | None = None) -> LearnedWeights:
    current = {k: float(v) for k, v in (current or DEFAULT_WEIGHTS).items()}
    decided = _decisions(organisation)
    accepted = sum(s.status == ACCEPTED for s in decided)
    rejected = len(decided) - accepted
    if len(decided) < MIN_DECISIONS or not accepted or not rejected:
        raise NotEnoughDecisions("few", n=MIN_DECISIONS, a=accepted, r=rejected)
    people = {u.id: u for u in User.select().where(
        User.id.in_({s.mentor_id for s in decided} | {s.mentee_id for s in decided}))}
    mentors = [people[i] for i in sorted({s.mentor_id for s in decided}) if i in people]
    mentees = [people[i] for i in sorted({s.mentee_id for s in decided}) if i in people]
    mentor_profiles, _ = adapter.mentor_profiles(mentors, organisation)
    mentee_profiles, _ = adapter.mentee_profiles(mentees, organisation)
    # capacities and fixed pairs do not matter here: only the component values of decided pairs
    for profile in mentor_profiles:
        profile.capacity = max(profile.capacity, 1)
    from matching import WeightLearner  # heavy: loaded when the page is asked for
    scorer = new_scorer(weights=current).fit(mentor_profiles, mentee_profiles)
    pairs = [(s.mentor_id, s.mentee_id, s.status == ACCEPTED) for s in decided
             if scorer.why_not(s.mentor_id, s.mentee_id) is None]
    if len({accepted for _, _, accepted in pairs}) < 2:
        raise NotEnoughDecisions("one_sided")
    try:
        learner = WeightLearner().fit(scorer, pairs)
    except ValueError as exc:
        raise NotEnoughDecisions("no_signal") from exc
    changes = [(people.get(c.mentee_id), people.get(c.old_top), people.get(c.new_top), c.old_rank_of_new_top)
               for c in learner.ranking_changes(scorer)]
    # the counts shown beside the weights are the decisions the weights come from
    return LearnedWeights({k: learner.weights_[k] for k in COMPONENTS}, current, learner.n_accepted_,
                          learner.n_rejected_, changes)
