"""The built-in Word templates, authored in code with python-docx (see webapp.documents.layout).

Each module holds ``build() -> Sheet`` (the template, with docxtpl tags) and ``SAMPLE`` (a
context of the same shape as the real one: it fills previews and defines the fields a school's
edited template may use)."""
