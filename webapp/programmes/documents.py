"""Documents of pairs, made through the document layer: the order assigning pairs and groups and
the personalised programme. Here the data becomes the context a Word template is filled from."""
from __future__ import annotations

import datetime as dt

from matching.catalogue import FORM_LABELS, PROBLEMS, TYPES
from webapp.consents.services import is_minor, states_for
from webapp.documents import templates
from webapp.documents.requisites import MissingRequisites, org_context, person_context
from webapp.models import PersonDetails, User
from webapp.models.questionnaire import MENTEE_REQUEST
from webapp.questionnaires.features import profile_features
from webapp.russian import count, initials_surname
from webapp.russian.names import gender_of, Name
from webapp.russian.numbers import class_genitive, class_label, long_date, short_date

ORDER_NEEDS = ("name", "short_name", "head_position", "head_name", "curator")
PROGRAMME_NEEDS = ("short_name", "head_position", "head_name", "curator")


def _person_in_row(user) -> str:
    if user.class_name:
        return f"{user.full_name}, {class_label(user.class_name)}"
    return user.full_name


def _term(group) -> str:
    return f"с {short_date(group.started_on)} по {short_date(group.planned_end_on)}" if group.planned_end_on \
        else f"с {short_date(group.started_on)}"


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def curator_of(organisation, order=None) -> User:
    curator = (order.curator if order is not None and order.curator_id else None) or organisation.curator
    if curator is None:
        raise MissingRequisites(["curator"])
    return curator


def _acquainted(curator, rows) -> list[dict]:
    """One line per person: the куратор, each mentor once, adult mentees, and for a minor their
    legal representative (named when known)."""
    lines, seen = [{"who": "Куратор", "name": initials_surname(curator.full_name)}], {curator.id}
    people = []
    for row in rows:
        people += [(u, "Наставник") for u in row.mentors] + [(u, "Наставляемый") for u in row.mentees]
    minors = [u for u, _role in people if is_minor(u)]
    details = {d.user_id: d for d in PersonDetails.select().where(PersonDetails.user.in_([u.id for u in minors]))} \
        if minors else {}
    states = states_for(minors) if minors else {}
    for user, role in people:
        if user.id in seen:
            continue
        seen.add(user.id)
        if not is_minor(user):
            lines.append({"who": role, "name": initials_surname(user.full_name)})
            continue
        representative = ""
        if user.id in details and details[user.id].representative_name:
            representative = details[user.id].representative_name
        else:
            consent = states[user.id].latest_representative()
            representative = consent.representative_name if consent else ""
        pupil = "обучающейся" if gender_of(Name.parse(user.full_name)) == "female" else "обучающегося"
        klass = f" {class_genitive(user.class_name)}" if user.class_name else ""
        lines.append({"who": f"Законный представитель {pupil}{klass} {initials_surname(user.full_name, 'gent')}",
                      "name": initials_surname(representative) if representative else ""})
    return lines


def order_context(organisation, order, rows) -> dict:
    curator = curator_of(organisation, order)
    due = order.signed_on + dt.timedelta(days=30)
    return {
        "org": org_context(organisation, order.signed_on, need=ORDER_NEEDS[:-1]),
        "curator": person_context(curator),
        "order": {"number": order.number, "date": short_date(order.signed_on), "date_long": long_date(order.signed_on),
                  "basis": order.basis, "programmes_due": short_date(due), "kind": order.kind,
                  "groups_count": count(len(rows), "пара или группа", "пары или группы", "пар или групп")},
        "rows": [{"n": i, "mentors": ", ".join(map(_person_in_row, r.mentors)),
                  "mentees": ", ".join(map(_person_in_row, r.mentees)),
                  "form": FORM_LABELS.get(r.group.form, r.group.form), "kind": _lower(TYPES.get(r.group.kind, r.group.kind)),
                  "term": _term(r.group)} for i, r in enumerate(rows, start=1)],
        "acquainted": _acquainted(curator, rows),
    }


def order_docx(organisation, order, rows) -> bytes:
    return templates.render(organisation, "pairing_order", order_context(organisation, order, rows))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def mentee_request(mentees) -> tuple[list[str], list[str]]:
    """(request lines, problem labels) from the mentees' submitted request questionnaires; the
    answers of a person who revoked their consent are left out (they are hidden everywhere)."""
    from webapp.consents.services import states_for
    states = states_for(list(mentees)) if mentees else {}
    mentees = [u for u in mentees if not states[u.id].answers_hidden]
    features = profile_features(list(mentees), MENTEE_REQUEST) if mentees else {}
    request, problems = [], []
    for user in mentees:
        f = features.get(user.id, {})
        text = " ".join(str(f.get(k) or "").strip() for k in ("about", "goals")).strip()
        if text:
            request.append(f"{user.full_name}: {text}" if len(mentees) > 1 else text)
        keys = f.get("requests") or []
        for key in keys if isinstance(keys, list) else [keys]:
            label = PROBLEMS.get(key)
            if label and label not in problems:
                problems.append(label)
    return request, problems


def programme_context(organisation, row, programme, plan_items, order=None) -> dict:
    group = row.group
    curator = curator_of(organisation, order)
    asked, asked_problems = mentee_request(row.mentees)
    problems = _lines(programme.problems) or asked_problems
    signatures = ([{"role": "Наставник", "name": initials_surname(u.full_name)} for u in row.mentors]
                  + [{"role": "Наставляемый", "name": initials_surname(u.full_name)} for u in row.mentees]
                  + [{"role": "Куратор", "name": initials_surname(curator.full_name)}])
    return {
        "org": org_context(organisation, group.started_on, need=PROGRAMME_NEEDS[:-1]),
        "curator": person_context(curator),
        "p": {"mentors": ", ".join(map(_person_in_row, row.mentors)),
              "mentees": ", ".join(map(_person_in_row, row.mentees)),
              "form": FORM_LABELS.get(group.form, group.form), "kind": _lower(TYPES.get(group.kind, group.kind)),
              "start": short_date(group.started_on),
              "end": short_date(group.planned_end_on or organisation.school_year_end(group.started_on)),
              "order_date": short_date(order.signed_on) if order else short_date(group.order_date),
              "order_number": order.number if order else group.order_number,
              "request": _lines(programme.request) or asked, "problems": problems,
              "goals": _lines(programme.goals), "tasks": _lines(programme.tasks),
              "results": _lines(programme.expected_results)},
        "plan": [{"n": i, "name": item.name, "deadline": short_date(item.deadline), "responsible": item.responsible,
                  "result": item.result_doc} for i, item in enumerate(plan_items, start=1)],
        "signatures": signatures,
    }


def programme_docx(organisation, row, programme, plan_items, order=None) -> bytes:
    return templates.render(organisation, "programme",
                            programme_context(organisation, row, programme, plan_items, order))
