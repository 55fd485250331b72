"""Consents to the processing of personal data (152-ФЗ) and to taking part in the programme.

Other areas call :func:`webapp.consents.services.in_bank` and
:func:`webapp.consents.services.bank_members` to keep people without valid consents out of
matching and pairing.
"""
