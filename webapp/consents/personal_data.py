"""Everything stored about one person, as a machine-readable JSON document (ст. 14 № 152-ФЗ)."""
from __future__ import annotations

import datetime as dt
import json

from webapp.banks.answers import responses_for
from webapp.consents.services import state_of
from webapp.models import AuditEvent, Consent, GroupMember, MentoringGroup

FORMAT_VERSION = 1


def _when(value):
    return value.isoformat() if value is not None else None


def personal_data(user, *, hide_revoked_answers: bool = False) -> dict:
    """Everything about ``user``. The coordinator's copy leaves out answers hidden by a revoked consent."""
    consents = [{
        "kind": c.kind, "given_by": c.given_by, "representative_name": c.representative_name,
        "representative_relation": c.representative_relation, "signed_on": _when(c.signed_on),
        "received_at": _when(c.received_at), "revoked_at": _when(c.revoked_at),
        "revoke_reason": c.revoke_reason, "created_at": _when(c.created_at),
    } for c in Consent.select().where(Consent.user == user).order_by(Consent.id)]
    responses = []
    hidden = hide_revoked_answers and state_of(user).answers_hidden
    for view in ([] if hidden else responses_for([user.id])[user.id]):
        r = view.response
        responses.append({
            "questionnaire": view.questionnaire.title, "purpose": view.questionnaire.purpose,
            "version": r.version.number, "status": r.status, "started_at": _when(r.started_at),
            "updated_at": _when(r.updated_at), "submitted_at": _when(r.submitted_at),
            "answers": [{"question": a.question.text, "key": a.question.key, "type": a.question.qtype,
                         "answer": a.items if (a.ordered or len(a.items) != 1) else a.items[0]}
                        for a in view.answers],
        })
    groups = [{
        "group_id": m.group.id, "role": m.role, "form": m.group.form, "kind": m.group.kind,
        "stage": m.group.stage, "status": m.group.status, "started_on": _when(m.group.started_on),
        "ended_on": _when(m.group.ended_on), "order_number": m.group.order_number,
    } for m in GroupMember.select(GroupMember, MentoringGroup).join(MentoringGroup)
        .where(GroupMember.user == user).order_by(MentoringGroup.id)]
    events = [{"at": _when(e.at), "action": e.action, "details": e.details,
               "by_self": e.actor_id == user.id}
              for e in AuditEvent.select().where((AuditEvent.organisation == user.organisation_id)
                                                 & ((AuditEvent.target == user.login)
                                                    | (AuditEvent.actor == user)))
              .order_by(AuditEvent.at, AuditEvent.id)]
    return {
        "format": "nastavnik.personal-data", "format_version": FORMAT_VERSION,
        "exported_at": dt.datetime.now().replace(microsecond=0).isoformat(),
        "operator": {"name": user.organisation.name, "short_name": user.organisation.short_name},
        "account": {"login": user.login, "full_name": user.full_name, "email": user.email,
                    "category": user.category, "class_name": user.class_name, "position": user.position,
                    "subjects": user.subject_list, "is_active": user.is_active,
                    "locale": user.locale, "created_at": _when(user.created_at),
                    "last_login_at": _when(user.last_login_at)},
        "roles": sorted(user.role_set),
        "consents": consents,
        "questionnaire_responses": responses,
        "answers_hidden": hidden,
        "group_memberships": groups,
        "audit_events": events,
    }


def personal_data_json(user, *, hide_revoked_answers: bool = False) -> bytes:
    data = personal_data(user, hide_revoked_answers=hide_revoked_answers)
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
