"""Questionnaires: versioned question sets loaded from data files, filled in by participants.

Modules: ``catalogue_options`` (option lists the data files name), ``loader`` (data files ->
database, ``ensure_default_questionnaires``), ``validation`` (one answer, one rule set),
``responses`` (drafts, autosave, submit, reopen), ``features`` (what other areas read:
``answers_for``, ``profile_features``), ``assigning`` (who must fill what, status lists),
``editor`` (versions and questions), ``steps`` (dashboard reminders), ``demo_answers``.
"""
