"""Upgrading a database made by an older schema version keeps every record."""
from __future__ import annotations


from webapp import migrations
from webapp.db import open_database


def test_upgrade_from_version_1_keeps_every_record(db_url):
    db = open_database(db_url)
    assert migrations.upgrade(db, target=1) == [1]
    assert migrations.current_version(db) == 1
    db.execute_sql("INSERT INTO organisation (name, short_name, kind, head_name, created_at) "
                   "VALUES ('Школа', 'Ш', 'school', '', '2024-09-01 08:00:00')")
    db.execute_sql("INSERT INTO account (organisation_id, login, full_name, category, class_name, position, "
                   "subjects, password_hash, is_active, created_at) VALUES (1, 'old.user', 'Старый Пользователь', "
                   "'teacher', '', 'учитель', 'физика', 'hash', TRUE, '2024-09-01 08:00:00')")
    db.execute_sql("INSERT INTO user_role (user_id, role) VALUES (1, 'mentor')")
    db.close()

    db = open_database(db_url)
    applied = migrations.upgrade(db)
    assert applied[0] == 2 and applied[-1] == migrations.latest_version()
    row = db.execute_sql("SELECT login, full_name, subjects, password_hash, locale FROM account").fetchall()
    assert row == [("old.user", "Старый Пользователь", "физика", "hash", None)]
    assert db.execute_sql("SELECT role FROM user_role").fetchall() == [("mentor",)]
    assert migrations.upgrade(db) == []  # idempotent
    db.close()


def test_live_models_match_the_migrated_schema(app, school):
    """Every column of every live model exists after migrating (catches a forgotten migration)."""
    from webapp.db import database
    from webapp.models import ALL_MODELS
    for model in ALL_MODELS:
        columns = {c.name for c in database.get_columns(model._meta.table_name)}
        fields = {f.column_name for f in model._meta.sorted_fields}
        assert fields <= columns, (model.__name__, fields - columns)
        model.select().count()


def test_versions_are_unique_and_ordered():
    versions = [m.VERSION for m in migrations.available()]
    # unique and oldest first; gaps are allowed (branches are given numbers in advance)
    assert versions == sorted(set(versions)) and versions[0] == 1


