#!/usr/bin/env python3
"""Writes a minimal XLSX (standard library only: a zip of hand-written XML, inline strings) with a
header row and N project rows in the layout assumed for the project-bank import:

    code | bpin | name | sector | description | cost | currency | beneficiaries (codes separated by ;) | stage

Usage: make_xlsx.py OUT.xlsx ROWS UNIT[,UNIT...]   (beneficiaries are taken from the given units)
"""
import sys
import zipfile
from xml.sax.saxutils import escape

HEADER = ["code", "bpin", "name", "sector", "description", "cost", "currency", "beneficiaries", "stage"]
SECTORS = ["TRANSPORT", "WATER_SANITATION", "HOUSING", "ENERGY", "AGRICULTURE", "ENVIRONMENT", "EDUCATION",
           "HEALTH", "TOURISM", "ICT", "INSTITUTIONAL", "PEACE"]
STAGES = ["IDEA", "PROFILE", "PRE_INVESTMENT", "FORMULATED", "VIABLE", "APPROVED"]


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(ref, value):
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def main():
    out, rows, units = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
    lines = []
    for r in range(rows + 1):
        if r == 0:
            values = HEADER
        else:
            b = ";".join(units[(r + k) % len(units)] for k in (0, 7, 13))
            values = [f"IMP-{r:06d}", f"2025{r:09d}", f"Proyecto importado {r}", SECTORS[r % len(SECTORS)],
                      "Importado para la prueba de carga", 100000000 + (r % 97) * 1000000, "COP", b,
                      STAGES[r % len(STAGES)]]
        cells = "".join(cell(f"{col(i)}{r + 1}", v) for i, v in enumerate(values))
        lines.append(f'<row r="{r + 1}">{cells}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(lines) + "</sheetData></worksheet>")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="Proyectos" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)


if __name__ == "__main__":
    main()
