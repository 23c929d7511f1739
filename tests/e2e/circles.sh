#!/bin/sh
# circles.sh: no call circle between the library's modules (issue 23):
# tools/circles.py over the objects of $BUILD/obj (nm's defined and used
# symbols); the files of one module that recurse into each other by design
# are named in the tool.
BUILD=${BUILD:-build}
command -v nm > /dev/null || { echo "nm not found"; exit 1; }
python3 tools/circles.py "$BUILD"/obj/*.o
