#!/bin/sh
# circles.sh: no call circle between the library's modules (issue 23):
# tools/circles.py over the objects of $BUILD/obj (nm's defined and used
# symbols); the files of one module that recurse into each other by design
# are named in the tool. Only the objects of sources that exist: a build
# directory keeps the objects of files since renamed.
BUILD=${BUILD:-build}
command -v nm > /dev/null || { echo "nm not found"; exit 1; }
objs=
for o in "$BUILD"/obj/*.o; do
	n=$(basename "$o" .o)
	[ -f "src/$n.c" ] && objs="$objs $o"
done
[ -n "$objs" ] || { echo "no objects in $BUILD/obj"; exit 1; }
python3 tools/circles.py $objs
