"""The flask commands, and the README documenting every one of them."""
from __future__ import annotations

import re
from pathlib import Path

from webapp.models import Organisation, User, UserRole

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def test_init_db_reports_the_version(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0 and "уже в актуальной версии" in result.output
    result = runner.invoke(args=["db-version"])
    version = result.output.strip().split(" / ")
    assert version[0] == version[1]


def test_create_admin(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-admin", "--login", "Boss", "--name", "Главный Админ",
                                 "--organisation", "Гимназия № 3"], input="long-password\nlong-password\n")
    assert result.exit_code == 0, result.output
    user = User.get(User.login == "boss")
    assert user.check_password("long-password") and user.role_set == {"admin", "coordinator"}
    assert user.organisation.short_name == "Гимназия № 3"
    again = runner.invoke(args=["create-admin", "--login", "boss", "--name", "X"], input="long-password\nlong-password\n")
    assert again.exit_code != 0 and "уже занят" in again.output
    short = runner.invoke(args=["create-admin", "--login", "x2", "--name", "X"], input="short\nshort\n")
    assert short.exit_code != 0 and "не короче 8" in short.output


def test_load_demo_makes_a_living_school(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["load-demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    org = Organisation.get()
    mentors = UserRole.select().join(User).where((User.organisation == org) & (UserRole.role == "mentor")).count()
    mentees = UserRole.select().join(User).where((User.organisation == org) & (UserRole.role == "mentee")).count()
    assert mentors >= 30 and mentees >= 90
    # numbers agree with nouns in the CLI (33 наставника, 92 наставляемых)
    assert f"{mentors} наставника," in result.output or f"{mentors} наставников," in result.output
    from webapp.russian import agree
    assert f"{mentors} {agree(mentors, 'наставник', 'наставника', 'наставников')}," in result.output
    from webapp.models import MentoringGroup
    active = MentoringGroup.active_in(org).count()
    assert active >= 5 and f"; {active} {agree(active, 'действующая пара', 'действующие пары', 'действующих пар')} (" \
        in result.output
    assert not any(f"стаж {n} лет" in u.position for u in User.select() for n in (1, 21, 22, 23, 24, 31, 32, 33, 34))
    assert org.curator_id == User.get(User.login == "kurator").id and org.address
    categories = {u.category for u in User.select()}
    assert categories == {"teacher", "student", "university_student", "employer"}
    assert len({u.class_name for u in User.select() if u.category == "student"}) >= 5
    assert User.get(User.login == "kurator").check_password("demo2026")
    result = runner.invoke(args=["load-demo", "--if-empty"])
    assert "не загружалась" in result.output
    assert Organisation.select().count() == 1


def test_readme_documents_every_command_and_setting(app):
    commands = {name for name in app.cli.list_commands(app.app_context()) if name not in ("routes", "run", "shell")}
    for name in commands:
        assert f"`{name}" in README, f"README does not document the command {name}"
    assert README.startswith("# Наставник")
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert "make run" in first_block and "make test" in first_block
    for setting in ("DATABASE_URL", "SECRET_KEY", "TEST_DATABASE_URL"):
        assert setting in README


def test_serve_lists_the_demo_log_ins_whose_password_is_still_the_demo_one(demo_app):
    from webapp.cli import demo_logins
    with demo_app.app_context():
        assert [login for login, _role in demo_logins()] == ["admin", "kurator", "mentor", "mentee", "novichok"]
        kurator = User.get(User.login == "kurator")
        kurator.set_password("a-password-of-her-own")
        kurator.save()
        # the others still share the demo's hash, checked once; hers is checked on its own
        assert [login for login, _role in demo_logins()] == ["admin", "mentor", "mentee", "novichok"]
