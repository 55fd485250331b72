"""Russian names of the stored keys (roles, categories), translatable."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

ROLE_LABELS = {
    "admin": _l("администратор"),
    "coordinator": _l("куратор"),
    "mentor": _l("наставник"),
    "mentee": _l("наставляемый"),
    "regional_admin": _l("региональный администратор"),
    "regional_method": _l("методист регионального наставнического центра"),
}

CATEGORY_LABELS = {
    "teacher": _l("педагог"),
    "student": _l("обучающийся"),
    "university_student": _l("студент"),
    "employer": _l("представитель работодателя"),
}

# Words people type in an import file, mapped to category keys.
CATEGORY_ALIASES = {
    "педагог": "teacher", "учитель": "teacher", "teacher": "teacher",
    "обучающийся": "student", "ученик": "student", "школьник": "student", "student": "student",
    "студент": "university_student", "university_student": "university_student",
    "представитель работодателя": "employer", "работодатель": "employer", "employer": "employer",
}
