#!/bin/sh
# subset-fonts.sh [SRCDIR [OUTDIR]]: makes fonts/AmokitSans-*.ttf from Noto.
#
# Amokit Sans is Noto Sans (SIL OFL 1.1, Debian fonts-noto-core) cut down to
# the scripts a Danish workplace's names and texts use, with a few symbols
# Noto Sans lacks merged in from two other Noto fonts under the same licence:
#
#   Noto Sans (the style's own file)  Latin-1, Latin Extended-A, -B and
#       Additional (Romanian ș ț, Vietnamese), IPA and spacing modifiers
#       (ʼ ˈ), combining diacritical marks, Greek (monotonic), Cyrillic and
#       its supplement (Ukrainian ґ є і ї), general punctuation, currency
#       signs, letterlike symbols (№ ™), number forms (⅓), ligatures (ﬁ ﬂ)
#       and U+FFFD, the replacement character.
#   Noto Sans Math Regular            arrows (← → ⇒ ...) and the operators
#       people type: − ∓ ∕ ∙ √ ∞ ≈ ≠ ≡ ≤ ≥ ∆ ∑. Its glyphs share Noto Sans's
#       metrics (its < = + are Noto Sans's), so they sit on the same axis.
#   Noto Sans Symbols 2 Regular       ✓ ✔ ✗ ✘ ⚠ ☐ ☑ ☒ ★ ☆ and the
#       geometric shapes ■ □ ▪ ▫ ● ○ ◆ ◇ ▲ ▼ ► ◄ ▶ ◀.
#
# The merged symbols exist in one weight only, so all four styles carry the
# same upright outlines of them (as typesetters do with operators).
#
# Every composite glyph is decomposed into a simple one, so a glyph never
# refers to another: a PDF subsetter may copy glyphs one by one. Hinting,
# the OpenType layout tables (GSUB, GPOS, GDEF) and glyph names (post
# format 3) are dropped; amokit draws one glyph per character and uses none
# of them. The family is renamed "Amokit Sans": Noto is a Reserved Font Name
# under the OFL, and a modified version must not carry it.
#
# Needs python3-fonttools (set PYTHON=/usr/bin/python3 when python3 on the
# PATH is not Debian's). The output is committed and reproducible byte for
# byte; rerun only to change it. tests/test_font.c checks the coverage.
set -eu
SRC=${1:-/usr/share/fonts/truetype/noto}
OUT=${2:-fonts}
PY=${PYTHON:-python3}

# From Noto Sans itself.
UNICODES="U+0020-007E,U+00A0-024F,U+0250-02FF,U+0300-036F,U+0370-03FF,\
U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2150-218F,\
U+25CC,U+FB00-FB06,U+FFFD"
# Merged in: Noto Sans Math, then Noto Sans Symbols 2.
MATH="2190-2199,21D0-21D5,2206,2211,2212,2213,2215,2219,221A,221E,2248,2260,2261,2264,2265"
SYMBOLS="2713-2718,26A0,2610-2612,2605,2606,25A0-25A1,25AA-25AB,25B2,25B6,25BA,\
25BC,25C0,25C4,25C6,25C7,25CB,25CF"

mkdir -p "$OUT"
for style in Regular Bold Italic BoldItalic; do
	in="$SRC/NotoSans-$style.ttf"
	tmp="$OUT/.AmokitSans-$style.tmp.ttf"
	"$PY" -m fontTools.subset "$in" --output-file="$tmp" \
		--unicodes="$UNICODES" --no-hinting --layout-features='' \
		--drop-tables+=GSUB,GPOS,GDEF,BASE,JSTF,DSIG,kern,gasp,STAT \
		--name-IDs='*' --name-languages='*' \
		--notdef-outline --recalc-bounds --recalc-timestamp=false
	"$PY" - "$tmp" "$OUT/AmokitSans-$style.ttf" "$SRC" "$MATH" "$SYMBOLS" <<'PYEOF'
import sys
from fontTools.ttLib import TTFont
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

path, out, src, math, symbols = sys.argv[1:6]
f = TTFont(path, recalcTimestamp=False)

def code_points(spec):
    for part in spec.split(','):
        a, _, b = part.partition('-')
        yield from range(int(a, 16), int(b or a, 16) + 1)

def simple(font, name):
    """The glyph name of font as a simple glyph (components drawn in)."""
    gs = font.getGlyphSet()
    rec = DecomposingRecordingPen(gs)
    gs[name].draw(rec)
    pen = TTGlyphPen(None)
    rec.replay(pen)
    return pen.glyph()

glyf, hmtx = f['glyf'], f['hmtx']
# Every composite glyph becomes a simple one.
for name in f.getGlyphOrder():
    if glyf[name].isComposite():
        glyf[name] = simple(f, name)

# The merged symbols, named after their code points.
order = list(f.getGlyphOrder())
cmaps = [t for t in f['cmap'].tables if t.isUnicode()]
for file, spec in (('NotoSansMath-Regular.ttf', math), ('NotoSansSymbols2-Regular.ttf', symbols)):
    donor = TTFont(src + '/' + file)
    dcmap = donor.getBestCmap()
    for cp in code_points(spec):
        if cp not in dcmap:
            sys.exit('%s has no U+%04X' % (file, cp))
        if cp in f.getBestCmap():
            continue
        name = 'uni%04X' % cp
        glyf[name] = simple(donor, dcmap[cp])
        glyf[name].recalcBounds(glyf)
        hmtx[name] = (donor['hmtx'][dcmap[cp]][0], getattr(glyf[name], 'xMin', 0))
        order.append(name)
        for t in cmaps:
            t.cmap[cp] = name
f.setGlyphOrder(order)
glyf.glyphOrder = order
for name in order:                       # left side bearings from the outlines
    g = glyf[name]
    g.recalcBounds(glyf)
    hmtx[name] = (hmtx[name][0], getattr(g, 'xMin', 0))

f['post'].formatType = 3.0               # no glyph names
f['post'].extraNames = []
f['post'].mapping = {}
f['OS/2'].recalcUnicodeRanges(f)
f['head'].modified = f['head'].created   # reproducible output
for rec in f['name'].names:
    s = rec.toUnicode()
    if rec.nameID == 7:
        continue                          # keep the trademark notice
    s = s.replace('Noto Sans', 'Amokit Sans').replace('NotoSans', 'AmokitSans')
    if rec.nameID == 0:                   # the donors' notices join Noto Sans's
        s = s.rstrip('.') + ('. Symbols from Noto Sans Math, Copyright 2018 Google LLC,'
                             ' and Noto Sans Symbols 2, Copyright 2017 Google Inc.')
    if rec.nameID == 3:
        s = s.replace('GOOG', 'AMOKIT')
    if rec.nameID == 5:
        s = s.split(';')[0] + '; subset of Noto Sans with symbols of Noto Sans Math and Symbols 2, for amokit'
    rec.string = s
f.save(out)
PYEOF
	rm -f "$tmp"
done
