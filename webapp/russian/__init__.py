"""Correct official Russian for documents and messages: names and phrases in a case, initials,
number agreement, dates, classes and decimals. Pure functions; no Flask, no database."""
from webapp.russian.names import Name, decline_name, gender_of, initials_surname
from webapp.russian.numbers import agree, count, decimal, long_date, plural_category, short_date, class_genitive
from webapp.russian.phrases import decline_phrase

__all__ = ["Name", "decline_name", "gender_of", "initials_surname", "agree", "count", "decimal", "long_date",
           "plural_category", "short_date", "class_genitive", "decline_phrase"]
