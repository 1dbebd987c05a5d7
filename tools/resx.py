#!/usr/bin/env python3
"""Writes Resources/SharedResource(.en).resx from Resources/strings.tsv (key, Vietnamese, English).

The TSV is the one place to edit UI strings side by side; the .resx files are generated and committed.
"""
import csv, sys, pathlib
from xml.sax.saxutils import escape

root = pathlib.Path(__file__).resolve().parent.parent / "src" / "Sen.Web" / "Resources"
rows = [r for r in csv.reader(open(root / "strings.tsv", encoding="utf-8"), delimiter="\t") if r and not r[0].startswith("#")]
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for suffix, col in (("", 1), (".en", 2)):
    out = [head]
    seen = set()
    for r in rows:
        if r[0] in seen:
            sys.exit(f"duplicate key {r[0]}")
        seen.add(r[0])
        out.append(f'  <data name="{escape(r[0])}" xml:space="preserve"><value>{escape(r[col])}</value></data>\n')
    out.append("</root>\n")
    (root / f"SharedResource{suffix}.resx").write_text("".join(out), encoding="utf-8")
print(f"{len(rows)} strings")
