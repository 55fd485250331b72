"""Authoring the built-in Word templates with python-docx: an A4 page in the usual official layout
(ГОСТ Р 7.0.97-2016): Times New Roman 14 (12 in tables), margins 30/20/15/20 mm (left, top, right,
bottom), 1.25 cm first-line indent, justified text, page numbers from the second page centred at
the top. The margins, fonts and wording live in the template, so a school changes them in Word.

python-docx is imported where it is used: the document registry imports the built-in templates'
modules at app start, while a template is authored only when a document is first made."""
from __future__ import annotations

from io import BytesIO

FONT = "Times New Roman"
TEXT_SIZE, TABLE_SIZE = 14, 12


def _fonts(rpr_owner, size: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt
    rpr_owner.font.name = FONT
    rpr_owner.font.size = Pt(size)
    rpr = rpr_owner.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _page_number(header) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


class Sheet:
    """A document being authored: paragraphs in the house layout."""

    def __init__(self, landscape: bool = False):
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm, Pt
        self.doc = Document()
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
        section.left_margin, section.top_margin = Mm(30), Mm(20)
        section.right_margin, section.bottom_margin = Mm(15), Mm(20)
        section.header_distance = Mm(10)
        section.different_first_page_header_footer = True
        _page_number(section.header)
        normal = self.doc.styles["Normal"]
        _fonts(normal, TEXT_SIZE)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.line_spacing = 1.0
        table_style = self.doc.styles["Table Grid"]
        _fonts(table_style, TABLE_SIZE)

    # --- paragraphs --------------------------------------------------------
    def para(self, text: str = "", *, align: str = "justify", bold: bool = False, indent: bool = True,
             size: int | None = None, space_after: int = 0, keep_next: bool = False):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                               "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
        if indent and align == "justify":
            paragraph.paragraph_format.first_line_indent = Cm(1.25)
        if space_after:
            paragraph.paragraph_format.space_after = Pt(space_after)
        paragraph.paragraph_format.keep_with_next = keep_next
        if text:
            run = paragraph.add_run(text)
            run.bold = bold
            if size:
                run.font.size = Pt(size)
        return paragraph

    def runs(self, *parts, align: str = "justify", indent: bool = True):
        """A paragraph of (text, bold) parts."""
        paragraph = self.para(align=align, indent=indent)
        for text, bold in parts:
            paragraph.add_run(text).bold = bold
        return paragraph

    def tag(self, statement: str):
        """A paragraph holding only a docxtpl paragraph tag: ``{%p for … %}``; it vanishes when rendered."""
        return self.para("{%p " + statement + " %}", align="left", indent=False)

    def title(self, *lines: str):
        for index, line in enumerate(lines):
            self.para(line, align="center", bold=index == 0, indent=False, keep_next=True)

    def blank(self):
        return self.para(indent=False)

    def page_break(self):
        from docx.enum.text import WD_BREAK
        paragraph = self.para(indent=False)
        paragraph.add_run().add_break(WD_BREAK.PAGE)
        return paragraph

    def page_break_between(self):
        """Inside a ``{%p for %}``: a page break before every item but the first."""
        self.tag("if not loop.first")
        self.page_break()
        self.tag("endif")

    def stamp(self, lines: list[str]):
        """An approval block at the top right (УТВЕРЖДАЮ / УТВЕРЖДЕНО приказом …)."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Cm, Pt
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.RIGHT
        table.autofit = False
        left, right = table.rows[0].cells
        left.width, right.width = Cm(8), Cm(8.5)
        right.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            right.add_paragraph(line)
        for paragraph in right.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(TEXT_SIZE)
        self.blank()
        return table

    def table(self, header: list[str], row_cells: list[str], *, loop: str, widths: list[float] | None = None):
        """A grid table: a bold header row and one templated row repeated by ``{%tr for … %}``."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt
        table = self.doc.add_table(rows=4, cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, header):
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        table.rows[1].cells[0].paragraphs[0].add_run("{%tr " + loop + " %}")
        for cell, text in zip(table.rows[2].cells, row_cells):
            cell.paragraphs[0].add_run(text)
        table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
        if widths:
            for row in table.rows:
                for cell, width in zip(row.cells, widths):
                    cell.width = Cm(width)
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(TABLE_SIZE)
        return table

    def tabbed(self, text: str, stops_cm: tuple[float, ...], *, last_right: bool = False):
        """A left-aligned line whose tab characters go to the stops (cm from the margin); with
        ``last_right`` the last stop aligns the text after it to the right (a date against a number)."""
        from docx.enum.text import WD_TAB_ALIGNMENT
        from docx.shared import Cm
        paragraph = self.para(align="left", indent=False)
        for k, stop in enumerate(stops_cm):
            right = last_right and k == len(stops_cm) - 1
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                Cm(stop), alignment=WD_TAB_ALIGNMENT.RIGHT if right else WD_TAB_ALIGNMENT.LEFT)
        paragraph.add_run(text)
        return paragraph

    def signature(self, position: str, name: str):
        """«Директор ____________ Л.Н. Кравцова»: position left, initials and surname right."""
        self.blank()
        return self.tabbed(f"{position}\t____________\t{name}", (9, 16.5), last_right=True)

    def bytes(self) -> bytes:
        out = BytesIO()
        self.doc.save(out)
        return out.getvalue()
