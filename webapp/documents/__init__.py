"""The document layer: every DOCX the product makes is a Word template (docxtpl) filled from data.

- ``layout``: authoring the built-in templates (A4, official Russian layout) with python-docx;
- ``builtin``: the built-in templates and a sample context of each;
- ``registry``: document codes;
- ``templates``: a school's own templates (check, save, restore) and rendering;
- ``requisites``: the organisation's part of every context, and what is missing from it;
- ``views``: the administrator's pages.
"""
