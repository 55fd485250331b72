"""Monitoring and evaluation of the mentoring programmes (Раздел VII).

``assigning`` gives the entry / mid / exit questionnaires to the members of a pair
(``assign_monitoring(group, stage)``), ``dataset`` reads submitted answers per pair, ``statistics``
computes rates, means, distributions and before/after changes (pure Python), ``charts`` draws them
as SVG, ``export`` writes XLSX and DOCX reports.
"""
