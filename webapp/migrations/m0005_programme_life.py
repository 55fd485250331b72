"""Roadmap, best practices with files, recognitions, training courses, news (schema as of v5)."""
import datetime as dt

import peewee as pw

from webapp.migrations.frozen import FrozenModel as _Base, Organisation, User

VERSION = 5
PLANNED, PROPOSED = "planned", "proposed"


class RoadmapItem(_Base):
    """One row of the school's roadmap (дорожная карта): an event, its deadline, who, what document."""
    organisation = pw.ForeignKeyField(Organisation, backref="roadmap_items", on_delete="CASCADE")
    step = pw.IntegerField(default=1)  # the roadmap's step 1–7
    position = pw.IntegerField(default=0)
    title = pw.TextField()
    due_on = pw.DateField(null=True)
    period = pw.CharField(max_length=100, default="")  # free deadline text: «в течение учебного года»
    responsible = pw.CharField(max_length=300, default="")
    result_document = pw.CharField(max_length=300, default="")
    document_url = pw.CharField(max_length=500, default="")
    status = pw.CharField(max_length=20, default=PLANNED)
    created_at = pw.DateTimeField(default=dt.datetime.now)
    updated_at = pw.DateTimeField(default=dt.datetime.now)


class Practice(_Base):
    """An entry of the methodical collection (методическая копилка)."""
    organisation = pw.ForeignKeyField(Organisation, backref="practices", on_delete="CASCADE")
    title = pw.CharField(max_length=200)
    description = pw.TextField(default="")
    form = pw.CharField(max_length=40, default="")  # matching.catalogue.FORMS key, "" = any
    authors_text = pw.CharField(max_length=300, default="")
    tags = pw.CharField(max_length=300, default="")  # comma-separated, lower case
    status = pw.CharField(max_length=20, default=PROPOSED)
    proposed_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    reviewed_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    reviewed_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=dt.datetime.now)


class PracticeAuthor(_Base):
    practice = pw.ForeignKeyField(Practice, backref="author_links", on_delete="CASCADE")
    user = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE")

    class Meta:
        indexes = ((("practice", "user"), True),)


class PracticeFile(_Base):
    practice = pw.ForeignKeyField(Practice, backref="files", on_delete="CASCADE")
    original_name = pw.CharField(max_length=255)
    stored_name = pw.CharField(max_length=80, unique=True)
    content_type = pw.CharField(max_length=120)
    size = pw.IntegerField()
    uploaded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    uploaded_at = pw.DateTimeField(default=dt.datetime.now)


class Award(_Base):
    """A recognition of a mentor: грамота, благодарность, знак, звание, участие в конкурсе…"""
    organisation = pw.ForeignKeyField(Organisation, backref="awards", on_delete="CASCADE")
    user = pw.ForeignKeyField(User, backref="awards", on_delete="CASCADE")
    kind = pw.CharField(max_length=32)
    title = pw.CharField(max_length=300)
    awarded_on = pw.DateField()
    issued_by = pw.CharField(max_length=300, default="")
    note = pw.TextField(default="")
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField(default=dt.datetime.now)


class TrainingCourse(_Base):
    """A professional development course a mentor has taken."""
    organisation = pw.ForeignKeyField(Organisation, backref="training_courses", on_delete="CASCADE")
    user = pw.ForeignKeyField(User, backref="training_courses", on_delete="CASCADE")
    name = pw.CharField(max_length=300)
    organiser = pw.CharField(max_length=300, default="")
    started_on = pw.DateField()
    ended_on = pw.DateField()
    hours = pw.IntegerField(null=True)
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField(default=dt.datetime.now)


class NewsItem(_Base):
    """News about roadmap events, shown in the school and in the public Atom feed when published."""
    organisation = pw.ForeignKeyField(Organisation, backref="news", on_delete="CASCADE")
    title = pw.CharField(max_length=200)
    body = pw.TextField(default="")
    roadmap_item = pw.ForeignKeyField(RoadmapItem, null=True, on_delete="SET NULL", backref="news")
    published = pw.BooleanField(default=False)
    published_at = pw.DateTimeField(null=True)
    author = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    created_at = pw.DateTimeField(default=dt.datetime.now)
    updated_at = pw.DateTimeField(default=dt.datetime.now)


MODELS = [RoadmapItem, Practice, PracticeAuthor, PracticeFile, Award, TrainingCourse, NewsItem]


def upgrade(db, migrator):
    with db.bind_ctx(MODELS + [Organisation, User]):
        db.create_tables(MODELS)
