"""Documents a school signs and files (schema as of v7): the organisation's requisites and settings,
orders as records with their pairs by reference, the details a consent must carry (ч. 4 ст. 9
152-ФЗ), the programme's request and problems, and the school's own Word templates."""
import datetime as dt

import peewee as pw
from playhouse.migrate import migrate

from webapp.migrations.frozen import FrozenModel as _Base, MentoringGroup, Organisation, User

VERSION = 7


class PairingOrder(_Base):
    class Meta:
        table_name = "pairing_order"


class OrderGroup(_Base):
    order = pw.ForeignKeyField(PairingOrder, on_delete="CASCADE", backref="+")
    group = pw.ForeignKeyField(MentoringGroup, on_delete="CASCADE", backref="+")

    class Meta:
        indexes = ((("order", "group"), True),)


class PersonDetails(_Base):
    user = pw.ForeignKeyField(User, on_delete="CASCADE", unique=True, backref="+")
    birth_date = pw.DateField(null=True)
    address = pw.CharField(max_length=300, default="")
    document = pw.CharField(max_length=100, default="")
    document_issued_on = pw.DateField(null=True)
    document_issuer = pw.CharField(max_length=300, default="")
    representative_name = pw.CharField(max_length=200, default="")
    representative_relation = pw.CharField(max_length=100, default="")
    representative_address = pw.CharField(max_length=300, default="")
    representative_document = pw.CharField(max_length=100, default="")
    representative_document_issued_on = pw.DateField(null=True)
    representative_document_issuer = pw.CharField(max_length=300, default="")
    authority_document = pw.CharField(max_length=300, default="")
    updated_at = pw.DateTimeField(default=dt.datetime.now)


class DocumentTemplate(_Base):
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE", backref="+")
    code = pw.CharField(max_length=40)
    content = pw.BlobField()
    filename = pw.CharField(max_length=200, default="")
    uploaded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    uploaded_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("organisation", "code"), True),)


class NormativeDocument(_Base):
    organisation = pw.ForeignKeyField(Organisation, on_delete="CASCADE", backref="+")
    code = pw.CharField(max_length=40)
    school_year = pw.IntegerField()
    status = pw.CharField(max_length=20, default="draft")
    number = pw.CharField(max_length=40, default="")
    signed_on = pw.DateField(null=True)
    scan = pw.BlobField(null=True)
    scan_name = pw.CharField(max_length=200, default="")
    scan_type = pw.CharField(max_length=100, default="")
    updated_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    updated_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("organisation", "code", "school_year"), True),)


MODELS = [OrderGroup, PersonDetails, DocumentTemplate, NormativeDocument]


def upgrade(db, migrator):
    # The added columns are nullable with a default: SQLite would otherwise rebuild the table to set
    # NOT NULL, and dropping a parent table (organisation, programme) cascades to its children.
    with db.bind_ctx(MODELS + [Organisation, User, MentoringGroup, PairingOrder]):
        db.create_tables(MODELS)
    migrate(
        migrator.add_column("organisation", "address", pw.CharField(max_length=300, default="", null=True)),
        migrator.add_column("organisation", "head_position", pw.CharField(max_length=200, default="Директор", null=True)),
        migrator.add_column("organisation", "inn", pw.CharField(max_length=12, default="", null=True)),
        migrator.add_column("organisation", "ogrn", pw.CharField(max_length=15, default="", null=True)),
        migrator.add_column("organisation", "year_start_month", pw.IntegerField(default=9, null=True)),
        migrator.add_column("organisation", "year_start_day", pw.IntegerField(default=1, null=True)),
        migrator.add_column("organisation", "year_end_month", pw.IntegerField(default=5, null=True)),
        migrator.add_column("organisation", "year_end_day", pw.IntegerField(default=31, null=True)),
        migrator.add_column("organisation", "order_number_pattern", pw.CharField(max_length=40, default="{n}-о", null=True)),
        migrator.add_column("organisation", "minor_own_consent_age", pw.IntegerField(default=0, null=True)),
        migrator.add_column("organisation", "curator_id", pw.ForeignKeyField(
            User, field=User.id, null=True, on_delete="SET NULL")),
        migrator.add_column("pairing_order", "kind", pw.CharField(max_length=40, default="pairs", null=True)),
        migrator.add_column("pairing_order", "school_year", pw.IntegerField(null=True)),
        migrator.add_column("pairing_order", "sequence", pw.IntegerField(null=True)),
        migrator.add_column("pairing_order", "curator_id", pw.ForeignKeyField(
            User, field=User.id, null=True, on_delete="SET NULL")),
        migrator.add_column("programme", "request", pw.TextField(default="", null=True)),
        migrator.add_column("programme", "problems", pw.TextField(default="", null=True)),
    )
    _fill_defaults(db)
    _link_existing_orders(db)
    # numbers restart every school year: a number is unique within the organisation's school year
    migrate(
        migrator.drop_index("pairing_order", "pairing_order_organisation_id_number"),
        migrator.add_index("pairing_order", ("organisation_id", "school_year", "number"), True),
    )


DEFAULTS = (("organisation", "address", ""), ("organisation", "head_position", "Директор"),
            ("organisation", "inn", ""), ("organisation", "ogrn", ""), ("organisation", "year_start_month", 9),
            ("organisation", "year_start_day", 1), ("organisation", "year_end_month", 5),
            ("organisation", "year_end_day", 31), ("organisation", "order_number_pattern", "{n}-о"),
            ("organisation", "minor_own_consent_age", 0), ("pairing_order", "kind", "pairs"),
            ("programme", "request", ""), ("programme", "problems", ""))


def _fill_defaults(db):
    """Rows that existed before get the new columns' defaults (peewee's defaults live in Python)."""
    for table, column, value in DEFAULTS:
        db.execute_sql(f"UPDATE {table} SET {column} = {db.param} WHERE {column} IS NULL", (value,))


def _link_existing_orders(db):
    """Orders made before v7 named their pairs only by number text: link the pairs that carry the
    order's number and date, and set the school year (starting 1 September) from the date."""
    rows = db.execute_sql("SELECT id, organisation_id, number, signed_on FROM pairing_order").fetchall()
    for order_id, org_id, number, signed_on in rows:
        if isinstance(signed_on, str):
            signed_on = dt.date.fromisoformat(signed_on[:10])
        year = signed_on.year if signed_on.month >= 9 else signed_on.year - 1
        db.execute_sql("UPDATE pairing_order SET school_year = %s WHERE id = %s" % (int(year), int(order_id)))
        groups = db.execute_sql(
            "SELECT id FROM mentoring_group WHERE organisation_id = %s AND order_number = %s AND "
            "(order_date IS NULL OR order_date = %s)".replace("%s", db.param), (org_id, number, signed_on)).fetchall()
        for (group_id,) in groups:
            db.execute_sql("INSERT INTO order_group (order_id, group_id) VALUES (%s, %s)".replace("%s", db.param),
                           (order_id, group_id))
