"""The region above the schools: the regional mentoring centre, its pool of remote mentors, the
regional collection of best practices and its contests.

Regional people (the regional administrator and the regional methodologist) are accounts of the
region's centre, an :class:`Organisation` of kind ``regional_centre``: they belong to no school, so
every school-scoped getter keeps finding nothing of a school for them.
"""
from __future__ import annotations

import datetime as dt

import peewee as pw

from webapp.db import BaseModel
from webapp.models.mentoring import MentoringGroup
from webapp.models.organisation import Organisation
from webapp.models.programme_life import Practice
from webapp.models.user import User

# regional practice states
SUBMITTED, PUBLISHED, RETURNED = "submitted", "published", "returned"
# contest states
CONTEST_OPEN, CONTEST_CLOSED = "open", "closed"
SCORE_RANGE = range(0, 11)


class Region(BaseModel):
    name = pw.CharField(max_length=200, unique=True)
    created_at = pw.DateTimeField(default=dt.datetime.now)

    def __str__(self) -> str:
        return self.name


class PoolMember(BaseModel):
    """A mentor who agreed to mentor remotely for other schools of the region (the consent line)."""
    user = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
    region = pw.ForeignKeyField(Region, backref="+", on_delete="CASCADE")
    joined_at = pw.DateTimeField(default=dt.datetime.now)
    left_at = pw.DateTimeField(null=True)


class RemoteConsent(BaseModel):
    """A mentee (or their representative, recorded by the coordinator) accepts remote mentoring by a
    mentor of another school of the region."""
    user = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE", unique=True)
    consented_at = pw.DateTimeField(default=dt.datetime.now)
    recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    withdrawn_at = pw.DateTimeField(null=True)


class RemotePair(BaseModel):
    """A pair of the mentee's school whose mentor comes from the regional pool (another school)."""
    group = pw.ForeignKeyField(MentoringGroup, backref="+", on_delete="CASCADE", unique=True)
    mentor = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    mentee = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    mentee_organisation = pw.ForeignKeyField(Organisation, backref="+", on_delete="CASCADE")
    mentor_organisation = pw.ForeignKeyField(Organisation, backref="+", on_delete="CASCADE")
    confirmed_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    confirmed_at = pw.DateTimeField(default=dt.datetime.now)


class RegionalPractice(BaseModel):
    """A school's approved practice proposed to the region; a snapshot, so later edits in the school
    do not change what the region reviewed and published."""
    practice = pw.ForeignKeyField(Practice, backref="+", on_delete="CASCADE", unique=True)
    region = pw.ForeignKeyField(Region, backref="+", on_delete="CASCADE")
    organisation = pw.ForeignKeyField(Organisation, backref="+", on_delete="CASCADE")
    title = pw.CharField(max_length=200)
    description = pw.TextField(default="")
    form = pw.CharField(max_length=40, default="")
    tags = pw.CharField(max_length=300, default="")
    status = pw.CharField(max_length=20, default=SUBMITTED)
    review_note = pw.CharField(max_length=500, default="")
    submitted_at = pw.DateTimeField(default=dt.datetime.now)
    reviewed_at = pw.DateTimeField(null=True)

    class Meta:
        indexes = ((("region", "status"), False),)


class Contest(BaseModel):
    region = pw.ForeignKeyField(Region, backref="+", on_delete="CASCADE")
    title = pw.CharField(max_length=200)
    status = pw.CharField(max_length=20, default=CONTEST_OPEN)
    created_at = pw.DateTimeField(default=dt.datetime.now)


class Nomination(BaseModel):
    contest = pw.ForeignKeyField(Contest, backref="nominations", on_delete="CASCADE")
    title = pw.CharField(max_length=200)


class ContestEntry(BaseModel):
    nomination = pw.ForeignKeyField(Nomination, backref="entries", on_delete="CASCADE")
    practice = pw.ForeignKeyField(RegionalPractice, backref="+", on_delete="CASCADE")

    class Meta:
        indexes = ((("nomination", "practice"), True),)


class ContestScore(BaseModel):
    entry = pw.ForeignKeyField(ContestEntry, backref="scores", on_delete="CASCADE")
    expert = pw.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    score = pw.IntegerField()
    scored_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("entry", "expert"), True),)


class RegionSnapshot(BaseModel):
    """The regional table of a school year as last built (JSON), shared by every server: the dashboard
    shows it, and a worker rebuilds it when the data it was built from (``fingerprint``) has moved."""
    region = pw.ForeignKeyField(Region, backref="+", on_delete="CASCADE")
    start_year = pw.IntegerField()
    fingerprint = pw.TextField()
    data = pw.TextField()
    built_at = pw.DateTimeField(default=dt.datetime.now)

    class Meta:
        indexes = ((("region", "start_year"), True),)


REGION_MODELS = [Region, PoolMember, RemoteConsent, RemotePair, RegionalPractice, Contest, Nomination,
                 ContestEntry, ContestScore, RegionSnapshot]
