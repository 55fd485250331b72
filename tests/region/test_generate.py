"""`flask generate-region`: a valid region that the pages can show, on SQLite and PostgreSQL."""
from __future__ import annotations

from webapp.models import Consent, GroupMember, MentoringGroup, Organisation, Response, User, UserRole


def test_a_small_generated_region_is_valid_for_the_pages(app):
    result = app.test_cli_runner().invoke(args=["generate-region", "--schools", "3", "--people", "240",
                                                "--name", "Тестовый регион"])
    assert result.exit_code == 0, result.output
    assert "школ 3, людей 240" in result.output
    with app.app_context():
        schools = list(Organisation.select().where(Organisation.kind == "school"))
        assert len(schools) == 3 and all(s.region_id and s.municipality and s.address for s in schools)
        assert User.select().count() == 242  # and the two regional log-ins
        assert UserRole.select().count() == 242
        assert Consent.select().count() == 480
        pairs = MentoringGroup.select().count()
        assert pairs > 0 and GroupMember.select().count() > pairs
        assert Response.select().where(Response.status == "submitted").count() > 0
        # every member of a pair is a person of the pair's school
        for member in GroupMember.select(GroupMember, MentoringGroup, User).join(MentoringGroup).switch(GroupMember).join(User):
            assert member.user.organisation_id == member.group.organisation_id
        # ids continue after the bulk inserts (explicit ids; PostgreSQL sequences moved on)
        extra = MentoringGroup.create(organisation=schools[0], form="teacher_teacher")
        assert extra.id > pairs
    for login, pages in (("region.method", ["/region?year=2025", "/region", "/region/report.xlsx", "/region/report.docx"]),
                         ("region.admin", ["/region/schools"]),
                         ("kurator.s001", ["/dashboard", "/banks/mentors", "/banks/mentees", "/pairs", "/monitoring",
                                           "/pool", "/users"])):
        client = app.test_client()
        assert client.post("/login", data={"login": login, "password": "demo2026"}).status_code == 302, login
        for page in pages:
            assert client.get(page).status_code == 200, (login, page)


def test_bad_parameters_are_refused_in_russian(app):
    runner = app.test_cli_runner()
    for args, message in ((["--schools", "0"], "от 1 до 1000"), (["--schools", "5", "--people", "20"],
                                                                 "хотя бы по 10 на школу"),
                          (["--years", "9"], "от 1 до 5")):
        result = runner.invoke(args=["generate-region", *args])
        assert result.exit_code != 0 and message in result.output, (args, result.output)
    runner.invoke(args=["generate-region", "--schools", "1", "--people", "10", "--name", "Один"])
    again = runner.invoke(args=["generate-region", "--schools", "1", "--people", "10", "--name", "Один"])
    assert again.exit_code != 0 and "уже есть в базе" in again.output
