#!/bin/sh
# subset-fonts.sh [SRCDIR [OUTDIR]]: makes fonts/AmokitSans-*.ttf from Noto Sans.
#
# Noto Sans (SIL OFL 1.1, Debian fonts-noto-core) is cut down to exactly the
# characters amokit's code pages can print (src/codepage.c: CP1252, CP1250,
# CP1257, CP1254, ISO8859-3, ISO8859-14, ISO8859-16 as libharu 2.3.0 defines
# them, less the code points libharu cannot name in /Differences). The
# family is renamed "Amokit Sans": Noto is a Reserved Font Name under the
# OFL, and a modified version must not carry it. TrueType outlines, cmap
# format 4, hmtx and post glyph names are kept; hinting and OpenType layout
# tables are dropped (libharu uses neither). tests/test_font.c checks that
# every character cp_printable() accepts has a glyph in all four files.
# Needs python3-fonttools. The output is committed; rerun only to change it.
set -eu
SRC=${1:-/usr/share/fonts/truetype/noto}
OUT=${2:-fonts}
PY=${PYTHON:-python3}

UNICODES="U+0020-007E,U+00A0-0113,U+0116-0127,U+012A-012B,U+012E-0131,\
U+0134-0137,U+0139-013E,U+0141-0148,U+014C-014D,U+0150-0165,U+016A-017E,\
U+0192,U+0218-0219,U+02C6-02C7,U+02D8-02D9,U+02DB-02DD,U+1E80-1E85,\
U+1EF2-1EF3,U+2013-2014,U+2018-201A,U+201C-201E,U+2020-2022,U+2026,U+2030,\
U+2039-203A,U+20AC,U+2122"

mkdir -p "$OUT"
for style in Regular Bold Italic BoldItalic; do
	in="$SRC/NotoSans-$style.ttf"
	tmp="$OUT/.AmokitSans-$style.tmp.ttf"
	"$PY" -m fontTools.subset "$in" --output-file="$tmp" \
		--unicodes="$UNICODES" --no-hinting --layout-features='' \
		--drop-tables+=GSUB,GPOS,GDEF,BASE,JSTF,DSIG,kern,gasp,STAT \
		--glyph-names --name-IDs='*' --name-languages='*' \
		--no-notdef-outline --recalc-bounds --recalc-timestamp=false
	"$PY" - "$tmp" "$OUT/AmokitSans-$style.ttf" <<'PYEOF'
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1], recalcTimestamp=False)
f['head'].modified = f['head'].created      # reproducible output
names = f['name']
for rec in names.names:
    s = rec.toUnicode()
    if rec.nameID == 7:
        continue                              # keep the trademark notice
    s = s.replace('Noto Sans', 'Amokit Sans').replace('NotoSans', 'AmokitSans')
    if rec.nameID == 3:
        s = s.replace('GOOG', 'AMOKIT')
    if rec.nameID == 5:
        s = s.split(';')[0] + '; subset of Noto Sans for amokit'
    rec.string = s
f.save(sys.argv[2])
PYEOF
	rm -f "$tmp"
done
