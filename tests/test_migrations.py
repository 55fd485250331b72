"""Upgrading a database made by an older schema version keeps every record."""
from __future__ import annotations


from webapp import migrations
from webapp.db import open_database


def test_upgrade_from_version_1_keeps_every_record(blank_db_url):
    db = open_database(blank_db_url)
    assert migrations.upgrade(db, target=1) == [1]
    assert migrations.current_version(db) == 1
    db.execute_sql("INSERT INTO organisation (name, short_name, kind, head_name, created_at) "
                   "VALUES ('Школа', 'Ш', 'school', '', '2024-09-01 08:00:00')")
    db.execute_sql("INSERT INTO account (organisation_id, login, full_name, category, class_name, position, "
                   "subjects, password_hash, is_active, created_at) VALUES (1, 'old.user', 'Старый Пользователь', "
                   "'teacher', '', 'учитель', 'физика', 'hash', TRUE, '2024-09-01 08:00:00')")
    db.execute_sql("INSERT INTO user_role (user_id, role) VALUES (1, 'mentor')")
    db.close()

    db = open_database(blank_db_url)
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




def _stamp_as_before_the_renumbering(db):
    db.execute_sql("UPDATE schema_version SET version = version + 2 WHERE version IN (4, 5)")


def test_a_database_with_the_old_stamps_is_restamped_and_gets_every_later_migration(blank_db_url):
    db = open_database(blank_db_url)
    migrations.upgrade(db, target=5)
    _stamp_as_before_the_renumbering(db)
    rows = sorted(r[0] for r in db.execute_sql("SELECT version FROM schema_version").fetchall())
    assert rows == [1, 2, 3, 6, 7]

    migrations.upgrade(db)
    rows = sorted(r[0] for r in db.execute_sql("SELECT version FROM schema_version").fetchall())
    assert rows == [m.VERSION for m in migrations.available()]  # 4 and 5 back, and 6, 7, … applied
    db.close()


def test_the_old_stamps_no_longer_hide_a_migration_6(blank_db_url, monkeypatch):
    """Even before a real migration 6 exists: one added later is applied to an old-stamped database."""
    import types
    db = open_database(blank_db_url)
    migrations.upgrade(db, target=5)
    _stamp_as_before_the_renumbering(db)
    real = [m for m in migrations.available() if m.VERSION <= 5]
    later = types.SimpleNamespace(
        VERSION=6, upgrade=lambda db, migrator: db.execute_sql("CREATE TABLE later_table (id INTEGER)"))
    monkeypatch.setattr(migrations, "available", lambda: [*real, later])
    assert migrations.upgrade(db) == [6]
    assert db.table_exists("later_table")
    db.close()


def test_a_current_database_is_not_restamped(blank_db_url):
    db = open_database(blank_db_url)
    migrations.upgrade(db)
    assert migrations.restamp_legacy(db) is False
    db.close()


def test_upgrade_to_7_links_existing_orders_to_their_pairs(blank_db_url):
    """Orders made before version 7 named their pairs by number text: the upgrade links exactly the
    pairs carrying the order's number and date, sets the school year, and keeps every programme row."""
    db = open_database(blank_db_url)
    migrations.upgrade(db, target=5)
    for sql in (
        "INSERT INTO organisation (name, short_name, kind, head_name, created_at) "
        "VALUES ('Школа', 'Ш', 'school', 'Кравцова Людмила Николаевна', '2024-09-01 08:00:00')",
        "INSERT INTO mentoring_group (organisation_id, form, kind, stage, status, started_on, end_reason, "
        "order_number, order_date, created_at) VALUES (1, 'teacher_teacher', 'traditional', 1, 'ended', "
        "'2025-09-10', '', '5-н', '2025-09-15', '2025-09-10 08:00:00')",
        "INSERT INTO mentoring_group (organisation_id, form, kind, stage, status, started_on, end_reason, "
        "order_number, order_date, created_at) VALUES (1, 'teacher_teacher', 'traditional', 1, 'active', "
        "'2026-09-10', '', '5-н', '2026-09-15', '2026-09-10 08:00:00')",
        "INSERT INTO pairing_order (organisation_id, number, signed_on, basis, responsible_name, created_at) "
        "VALUES (1, '5-н', '2025-09-15', '', '', '2025-09-15 08:00:00')",
        "INSERT INTO programme (group_id, goals, tasks, expected_results, updated_at) "
        "VALUES (1, 'Цель', '', '', '2025-09-20 08:00:00')",
        "INSERT INTO plan_item (programme_id, position, name, responsible, result_doc, status) "
        "VALUES (1, 0, 'Встреча', '', '', 'planned')",
    ):
        db.execute_sql(sql)
    db.close()

    db = open_database(blank_db_url)
    assert 7 in migrations.upgrade(db)
    assert db.execute_sql("SELECT school_year FROM pairing_order").fetchall() == [(2025,)]
    assert db.execute_sql("SELECT order_id, group_id FROM order_group").fetchall() == [(1, 1)]
    assert db.execute_sql("SELECT goals, request FROM programme").fetchall() == [("Цель", "")]
    assert db.execute_sql("SELECT name FROM plan_item").fetchall() == [("Встреча",)]
    assert db.execute_sql("SELECT head_position, order_number_pattern, curator_id FROM organisation").fetchall() \
        == [("Директор", "{n}-о", None)]
    db.close()
