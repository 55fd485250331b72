"""Shared pieces of the frozen schemas in migrations: the base class and references to tables
that an earlier migration made (only their names matter to a foreign key)."""
import peewee as pw


class FrozenModel(pw.Model):
    class Meta:
        legacy_table_names = False


class Organisation(FrozenModel):
    class Meta:
        table_name = "organisation"


class User(FrozenModel):
    class Meta:
        table_name = "account"


class MentoringGroup(FrozenModel):
    class Meta:
        table_name = "mentoring_group"
