"""Default questionnaires: files parse, load into every organisation, idempotently."""
from __future__ import annotations

import pytest

from matching.catalogue import AVAILABILITY_SLOTS, FORMATS, STUDENT_PROBLEMS, TEACHER_PROBLEMS
from webapp.models import Question, Questionnaire, QuestionnaireVersion
from webapp.models.questionnaire import PUBLISHED, PURPOSES
from webapp.questionnaires import loader
from tests.questionnaires.conftest import question, questionnaire


def test_every_file_parses_and_covers_every_purpose():
    specs = loader.default_specs()
    assert {s.purpose for s in specs} == set(PURPOSES)
    assert {(s.purpose, s.role) for s in specs} >= {("monitoring_entry", "mentor"), ("monitoring_entry", "mentee"),
                                                     ("monitoring_exit", "mentor"), ("monitoring_exit", "mentee"),
                                                     ("monitoring_mid", "mentor"), ("monitoring_mid", "mentee")}


def test_entry_and_exit_share_the_scale_keys():
    specs = {s.key: s for s in loader.default_specs()}
    for role in ("mentor", "mentee"):
        entry = {q.key for q in specs[f"monitoring_entry_{role}"].questions if q.qtype == "scale"}
        exit_ = {q.key for q in specs[f"monitoring_exit_{role}"].questions if q.qtype == "scale"}
        assert entry == exit_ == {"comfort", "usefulness", "support", "satisfaction", "expectations"}
        assert all(not q.feature for q in specs[f"monitoring_exit_{role}"].questions if q.qtype == "scale")
    exit_mentee = {q.key: q.qtype for q in specs["monitoring_exit_mentee"].questions}
    assert exit_mentee["would_continue"] == exit_mentee["become_mentor"] == "yesno"


def test_loading_creates_published_versions_for_the_organisation(installed):
    org = installed["org"]
    mentor = questionnaire(org, "mentor_profile")
    version = mentor.published_version()
    assert version.number == 1 and version.status == PUBLISHED
    competences = question(version, "competences_teacher")
    assert [o.value for o in competences.ordered_options()] == list(TEACHER_PROBLEMS)
    assert competences.feature == "competences" and competences.category_list == ["teacher"]
    assert [o.value for o in question(version, "competences_student").ordered_options()] == list(STUDENT_PROBLEMS)
    assert [o.value for o in question(version, "availability").ordered_options()] == list(AVAILABILITY_SLOTS)
    assert [o.value for o in question(version, "format").ordered_options()] == list(FORMATS)
    capacity = question(version, "capacity")
    assert (capacity.qtype, capacity.min_value, capacity.max_value, capacity.feature) == ("number", 1, 10, "capacity")
    request = questionnaire(org, "mentee_request").published_version()
    assert question(request, "requests_student").qtype == "ranked"
    assert question(request, "requests_student").feature == "requests"


def test_loading_stores_every_question_and_option_as_the_file_has_them(installed):
    """The questions go in a few statements at once: each question keeps its own fields and options."""
    from webapp.questionnaires.editor import specs_of
    for spec in loader.default_specs():
        version = questionnaire(installed["org"], spec.key).published_version()
        assert specs_of(version) == list(enumerate(spec.questions)), spec.key


def test_loading_is_idempotent_and_per_organisation(installed):
    count = Questionnaire.select().count()
    questions = Question.select().count()
    assert loader.ensure_default_questionnaires(installed["org"]) == []
    assert (Questionnaire.select().count(), Question.select().count()) == (count, questions)
    per_org = Questionnaire.select().where(Questionnaire.organisation == installed["other_org"]).count()
    assert per_org == len(loader.default_specs()) and count == 2 * per_org


def test_loading_keeps_the_coordinators_versions(installed):
    mentor = questionnaire(installed["org"], "mentor_profile")
    QuestionnaireVersion.create(questionnaire=mentor, number=2, status="draft")
    loader.ensure_default_questionnaires(installed["org"])
    assert mentor.versions.count() == 2


def test_a_broken_file_names_the_problem(tmp_path):
    (tmp_path / "bad.toml").write_text('key = "x"\ntitle = "X"\npurpose = "mentor_profile"\nrole = "mentor"\n'
                                       '[[questions]]\nkey = "a"\ntext = "A"\ntype = "slider"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown question type"):
        loader.default_specs(tmp_path)
    (tmp_path / "bad.toml").write_text('key = "x"\ntitle = "X"\npurpose = "mentor_profile"\nrole = "mentor"\n'
                                       '[[questions]]\nkey = "a"\ntext = "A"\ntype = "single"\noptions_from = "nope"\n',
                                       encoding="utf-8")
    with pytest.raises(ValueError, match="unknown option list"):
        loader.default_specs(tmp_path)


def test_create_admin_installs_the_questionnaires(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-admin", "--login", "boss", "--name", "Главный Админ", "--organisation", "Гимназия 5",
                                 "--password", "long-password-1"])
    assert result.exit_code == 0, result.output
    from webapp.models import Organisation
    org = Organisation.get(Organisation.short_name == "Гимназия 5")
    assert Questionnaire.select().where(Questionnaire.organisation == org).count() == len(loader.default_specs())
