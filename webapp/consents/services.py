"""The rules of consents: who is in a bank, marking signed forms received, revoking.

A person is *in the bank* for a role when they hold the role, their account is active, and both
consents (personal data and participation) are received and not revoked. Revoking withdraws every
consent of the person at once; a newly received consent brings them back.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flask_babel import gettext as _

from webapp.db import database
from webapp.models import AuditEvent, Consent, User, UserRole
from webapp.models.consent import CONSENT_KINDS, PARTICIPATION, PERSONAL_DATA, REPRESENTATIVE, SELF
from webapp.user_errors import UserError

# consent status of a person
NONE, PARTIAL, COMPLETE, REVOKED = "none", "partial", "complete", "revoked"
CONSENT_STATUSES = (NONE, PARTIAL, COMPLETE, REVOKED)

NAME_MAX, RELATION_MAX, REASON_MAX = 200, 100, 1000
# The stored values are these Russian words; the labels translate them on the page.
RELATION_LABELS = {"мать": "мать", "отец": "отец", "опекун": "опекун", "попечитель": "попечитель",
                   "приёмный родитель": "приёмный родитель"}
RELATIONS = tuple(RELATION_LABELS)
OLDEST_SIGNATURE = dt.date(2000, 1, 1)


class ConsentError(UserError):
    """A rule of consents was broken; the message is for the user."""


def is_minor(user: User) -> bool:
    """School students are treated as minors: their consents are given by a legal representative."""
    return user.category == "student"


# --- queries ---------------------------------------------------------------
def _valid_ids(kind: str):
    return Consent.valid().select(Consent.user).where(Consent.kind == kind)


def _revoked_ids():
    return Consent.select(Consent.user).where(Consent.revoked_at.is_null(False))


def complete_condition():
    """A peewee expression: the user's both consents are received and not revoked."""
    return User.id.in_(_valid_ids(PERSONAL_DATA)) & User.id.in_(_valid_ids(PARTICIPATION))


def status_condition(status: str):
    """A peewee expression selecting users whose consent status is ``status``."""
    complete = complete_condition()
    if status == COMPLETE:
        return complete
    revoked = User.id.in_(_revoked_ids())
    if status == REVOKED:
        return ~complete & revoked
    any_valid = User.id.in_(Consent.valid().select(Consent.user))
    if status == PARTIAL:
        return ~complete & ~revoked & any_valid
    return ~complete & ~revoked & ~any_valid


def bank_members(organisation, role: str):
    """People of ``organisation`` holding ``role`` (mentor | mentee) who are in the bank.

    A peewee query of :class:`User`; matching and pairing build on it.
    """
    return (User.select().where(
        (User.organisation == organisation) & (User.is_active == True)  # noqa: E712
        & User.id.in_(UserRole.select(UserRole.user).where(UserRole.role == role))
        & complete_condition()).order_by(User.full_name, User.id))


def answers_hidden_ids(organisation=None):
    """A query of the ids of people whose answers are hidden everywhere: their consent is revoked."""
    query = User.select(User.id).where(status_condition(REVOKED))
    if organisation is not None:
        query = query.where(User.organisation == organisation)
    return query


def answers_hidden(user) -> bool:
    return state_of(user).answers_hidden


def in_bank(user: User, role: str | None = None) -> bool:
    """True when the person may be matched and paired: active, both consents valid (and the role)."""
    if user is None or not user.is_active:
        return False
    if role is not None and not user.has_role(role):
        return False
    kinds = {c.kind for c in Consent.valid().where(Consent.user == user)}
    return set(CONSENT_KINDS) <= kinds


@dataclass
class ConsentState:
    """What is known about one person's consents."""
    current: dict = field(default_factory=dict)  # kind -> latest Consent row (or missing)
    revoked: list = field(default_factory=list)

    @property
    def status(self) -> str:
        valid = {k for k, c in self.current.items() if c.is_valid}
        if valid >= set(CONSENT_KINDS):
            return COMPLETE
        if self.revoked:
            return REVOKED
        return PARTIAL if valid else NONE

    @property
    def answers_hidden(self) -> bool:
        return self.status == REVOKED

    def latest_representative(self):
        for consent in sorted(self.current.values(), key=lambda c: c.id, reverse=True):
            if consent.given_by == REPRESENTATIVE and consent.representative_name:
                return consent
        for consent in sorted(self.revoked, key=lambda c: c.id, reverse=True):
            if consent.given_by == REPRESENTATIVE and consent.representative_name:
                return consent
        return None


def states_for(users) -> dict[int, ConsentState]:
    """Consent states of many people in one query."""
    ids = [u.id for u in users]
    states = {i: ConsentState() for i in ids}
    if not ids:
        return states
    for consent in Consent.select().where(Consent.user.in_(ids)).order_by(Consent.id):
        state = states[consent.user_id]
        if consent.revoked_at is not None:
            state.revoked.append(consent)
        previous = state.current.get(consent.kind)
        # the latest valid row of a kind wins; otherwise the latest row
        if previous is None or consent.is_valid or not previous.is_valid:
            state.current[consent.kind] = consent
    return states


def state_of(user) -> ConsentState:
    return states_for([user])[user.id]


# --- changes ---------------------------------------------------------------
@dataclass
class Receipt:
    kinds: list
    signed_on: dt.date | None
    given_by: str = SELF
    representative_name: str = ""
    representative_relation: str = ""


def validate_receipt(user: User, receipt: Receipt, today: dt.date | None = None) -> list[str]:
    """Russian messages for every problem of a receipt; empty when it may be recorded."""
    today = today or dt.date.today()
    errors = []
    kinds = [k for k in receipt.kinds if k in CONSENT_KINDS]
    if not kinds or len(kinds) != len(receipt.kinds):
        errors.append("Выберите, какое согласие получено.")
    if receipt.signed_on is None:
        errors.append("Укажите дату подписания в формате ДД.ММ.ГГГГ.")
    elif receipt.signed_on > today:
        errors.append("Дата подписания не может быть в будущем.")
    elif receipt.signed_on < OLDEST_SIGNATURE:
        errors.append("Дата подписания слишком давняя. Проверьте год.")
    if receipt.given_by not in (SELF, REPRESENTATIVE):
        errors.append("Укажите, кто подписал согласие.")
    if is_minor(user) and receipt.given_by != REPRESENTATIVE:
        errors.append("За несовершеннолетнего обучающегося согласие даёт законный представитель.")
    name = receipt.representative_name.strip()
    relation = receipt.representative_relation.strip()
    if receipt.given_by == REPRESENTATIVE:
        if not name:
            errors.append("Укажите ФИО законного представителя.")
        if not relation:
            errors.append("Укажите, кем представитель приходится участнику (мать, отец, опекун…).")
    if len(name) > NAME_MAX:
        errors.append(_("ФИО представителя — не длиннее %(limit)s символов.", limit=NAME_MAX))
    if len(relation) > RELATION_MAX:
        errors.append(_("Степень родства — не длиннее %(limit)s символов.", limit=RELATION_MAX))
    return errors


def record_received(user: User, receipt: Receipt, *, actor: User) -> list[Consent]:
    """Mark signed consents received. Raises ConsentError with the first problem."""
    errors = validate_receipt(user, receipt)
    if errors:
        raise ConsentError(errors[0])
    state = state_of(user)
    already = [k for k in receipt.kinds if k in state.current and state.current[k].is_valid]
    if already:
        raise ConsentError("Это согласие уже отмечено как полученное. Чтобы заменить его, сначала отзовите.")
    now = dt.datetime.now()
    representative = receipt.given_by == REPRESENTATIVE
    created = []
    with database.atomic():
        for kind in receipt.kinds:
            created.append(Consent.create(
                organisation=user.organisation_id, user=user, kind=kind, given_by=receipt.given_by,
                representative_name=receipt.representative_name.strip() if representative else "",
                representative_relation=receipt.representative_relation.strip() if representative else "",
                signed_on=receipt.signed_on, received_at=now, recorded_by=actor))
        AuditEvent.record("consent_received", actor=actor, organisation=user.organisation_id,
                          target=user.login, details=", ".join(receipt.kinds))
    return created


def given_by_representative(user: User) -> list[Consent]:
    """The person's consents in force that their legal representative gave."""
    return list(Consent.select().where((Consent.user == user) & Consent.revoked_at.is_null(True)
                                       & (Consent.given_by == REPRESENTATIVE)))


def why_not_revoke_own(user: User) -> ConsentError | None:
    """Why ``user`` may not withdraw their own consents (a minor whose legal representative gave
    them: only the representative may, by a written statement to the coordinator), or None."""
    if not is_minor(user):
        return None
    given = given_by_representative(user)
    if not given:
        return None
    names = sorted({c.representative_name for c in given if c.representative_name})
    if names:
        return ConsentError("Согласие дал(а) ваш законный представитель (%(name)s). Отозвать его может только "
                            "он(а): письменным заявлением куратору программы. Если что-то не так, поговорите "
                            "с родителями или с куратором.", name=", ".join(names))
    return ConsentError("Согласие дал ваш законный представитель. Отозвать его может только он: письменным "
                        "заявлением куратору программы. Если что-то не так, поговорите с родителями или "
                        "с куратором.")


def revoke(user: User, *, actor: User, reason: str = "") -> int:
    """Withdraw every consent of ``user``: they leave the banks and matching. Returns rows revoked.
    A minor cannot withdraw what their legal representative gave (the coordinator records the
    representative's statement instead)."""
    if actor.id == user.id:
        refusal = why_not_revoke_own(user)
        if refusal is not None:
            raise refusal
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX:
        raise ConsentError("Причина — не длиннее %(limit)s символов.", limit=REASON_MAX)
    with database.atomic():
        count = (Consent.update(revoked_at=dt.datetime.now(), revoke_reason=reason)
                 .where((Consent.user == user) & Consent.revoked_at.is_null(True)).execute())
        if count == 0:
            raise ConsentError("Действующих согласий нет — отзывать нечего.")
        by_self = actor.id == user.id
        details = ("отозвано самим участником" if by_self else "отозвано куратором от имени участника")
        if reason:
            details += f"; причина: {reason}"
        AuditEvent.record("consent_revoked", actor=actor, organisation=user.organisation_id,
                          target=user.login, details=details)
        flag_active_pairs(user, actor=actor, reason=reason)
    return count


def flag_active_pairs(user: User, *, actor: User, reason: str) -> int:
    """Tell every coordinator about the person's active pairs: they decide whether each one ends.

    The pair pages show the flag for as long as the consent stays revoked (GroupRow.consent_revoked).
    """
    from webapp.models import GroupMember, MentoringGroup, UserRole
    from webapp.models.mentoring import ACTIVE
    from webapp.pairing.notifications import N_, notify
    groups = list(MentoringGroup.select().join(GroupMember).where(
        (GroupMember.user == user) & (MentoringGroup.status == ACTIVE)).distinct())
    if not groups:
        return 0
    coordinators = (User.select().join(UserRole).where(
        (User.organisation == user.organisation_id) & (UserRole.role == "coordinator")
        & (User.is_active == True)).distinct())  # noqa: E712
    for group in groups:
        for coordinator in coordinators:
            if reason:
                notify(coordinator, N_("%(name)s отозвал(а) согласие на участие. Пара № %(pair)s продолжается только "
                                       "после решения куратора: завершите её досрочно или дождитесь нового согласия. "
                                       "Причина: %(reason)s."),
                       f"/pairs/{group.id}", name=user.full_name, pair=group.id, reason=reason)
            else:
                notify(coordinator, N_("%(name)s отозвал(а) согласие на участие. Пара № %(pair)s продолжается только "
                                       "после решения куратора: завершите её досрочно или дождитесь нового согласия. "
                                       "Причина не указана."),
                       f"/pairs/{group.id}", name=user.full_name, pair=group.id)
        AuditEvent.record("pair_flagged_consent_revoked", actor=actor, organisation=user.organisation_id,
                          target=user.login, details=f"пара {group.id}" + (f"; причина: {reason}" if reason else ""))
    return len(groups)
