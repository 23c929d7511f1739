#!/bin/sh
# circles.sh: no include circle between modules (tools/include_circles.py
# over the sources' #include lines), and no call circle between the
# modules of amokit or of amokit-ics (issue 23): tools/circles.py over the
# objects each program links, the library's ($BUILD/obj) and the command
# line's ($BUILD/obj/cli), from nm's defined and used symbols; the files of
# one module that recurse into each other by design are named in the tool.
# Only the objects of sources that exist: a build directory keeps the
# objects of files since renamed.
BUILD=${BUILD:-build}
command -v nm > /dev/null || { echo "nm not found"; exit 1; }
# $1: the folder below obj/ and src/; prints the objects that have a source.
existing() {
	for o in "$BUILD/obj$1"/*.o; do
		[ -f "src$1/$(basename "$o" .o).c" ] && echo "$o"
	done
}
lib=$(existing "")
cli=$(existing /cli)
[ -n "$lib" ] || { echo "no objects in $BUILD/obj"; exit 1; }
[ -n "$cli" ] || { echo "no objects in $BUILD/obj/cli"; exit 1; }
# The files of the command line only one program links (the Makefile's
# AMOKIT_OBJ and AMOKIT_ICS_OBJ); every other one both link. A file
# missing here that defines what the other program's file does is
# reported by circles.py as defined twice.
own_amokit="main commands cmd_ics"
own_ics="main commands_ics ics_helper"
# $@: the own files of this program; prints the objects it links.
program() {
	echo "$lib"
	for o in $cli; do
		n=$(basename "$o" .o)
		case " $own_amokit $own_ics " in
		*" $n "*) case " $* " in *" $n "*) echo "$o" ;; esac ;;
		*) echo "$o" ;;
		esac
	done
}
rc=0
# No include circle either (the sources' #include lines).
python3 tools/include_circles.py || rc=1
for p in amokit ics; do
	eval own=\$own_$p
	echo "$p:"
	python3 tools/circles.py $(program $own) || rc=1
done
exit $rc
