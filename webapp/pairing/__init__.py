"""From suggestions to confirmed pairs: the coordinator's matching runs, review and decisions.

The matching itself is the :mod:`matching` package; this area loads profiles from the banks and
questionnaires, stores runs and suggestions, and turns accepted suggestions into mentoring pairs
and groups (:mod:`webapp.programmes` holds what happens to a pair afterwards).
"""
