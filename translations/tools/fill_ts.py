#!/usr/bin/env python3
"""Fills translations/motcua_vi.ts from vi_dictionary.py; fails listing any source left untranslated."""
import os, re, sys
from xml.sax.saxutils import escape, unescape
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from vi_dictionary import VI
path = os.path.join(here, '..', 'motcua_vi.ts')
text = open(path, encoding='utf-8').read()
# The administration screens' strings are translated in motcua_admin_vi.ts; lupdate over ui/ lists
# them here too, so they are filled from there (the dictionary wins where both have one).
admin = open(os.path.join(here, '..', 'motcua_admin_vi.ts'), encoding='utf-8').read()
for src, body in re.findall(r'<source>(.*?)</source>\s*<translation(?: type="[^"]*")?>(.*?)</translation>', admin, flags=re.S):
    forms = re.findall(r'<numerusform>(.*?)</numerusform>', body, flags=re.S)
    tr = (forms[0] if forms else body).strip()
    key = unescape(src, {'&apos;': "'", '&quot;': '"'})
    if key not in VI and tr:
        VI[key] = unescape(tr, {'&apos;': "'", '&quot;': '"'})
missing = []
def fill(m):
    head, src, numerus = m.group(1), m.group(2), 'numerus="yes"' in m.group(1)
    plain = unescape(src, {'&apos;': "'", '&quot;': '"'})
    vi = VI.get(plain)
    if vi is None:
        missing.append(plain)
        return m.group(0)
    body = escape(vi, {'"': '&quot;', "'": '&apos;'})
    tr = '<translation><numerusform>%s</numerusform></translation>' % body if numerus else '<translation>%s</translation>' % body
    return '%s<source>%s</source>\n        %s' % (head, src, tr)
text = re.sub(r'(<message[^>]*>\s*)<source>(.*?)</source>\s*<translation[^>]*?(?:/>|>.*?</translation>)', fill, text, flags=re.S)
open(path, 'w', encoding='utf-8').write(text)
if missing:
    print('untranslated:', *missing, sep='\n  ')
    sys.exit(1)
