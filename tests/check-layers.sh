#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# check-layers.sh TOP: each external library's headers may be included only
# in the folders STYLE L2 allows; prints every violation and fails on any.
set -u
top=${1:-.}
cd "$top" || exit 2
bad=0
check() {
    pattern=$1
    allowed=$2
    git ls-files '*.c' '*.h' '*.cu' | grep -v -E "$allowed" |
        xargs -r grep -l -E "#include *<($pattern)" 2>/dev/null | while read -r f; do
            echo "layers: $f includes <$pattern> outside $allowed"
        done
}
out=$(
    check 'lua\.h|lauxlib\.h|lualib\.h' '^interp/(lstate|lbind|complete|report|lpar|interp_int|l[a-z_]*)\.[ch]$|^interp/[a-z_]*_int\.h$|^tests/'
    check 'readline/' '^shell/(repl|complete)\.c$'
    check 'mpi\.h' '^parallel/(par_mpi|parout)\.c$|^tests/'
    check 'hdf5\.h' '^models/io/hdf5_file\.c$|^parallel/parout\.c$|^tests/'
    check 'tk\.h|tcl\.h|X11/' '^models/graphics/tk/'
    check 'cuda_runtime\.h|cuda\.h' '^models/solver/cuda/'
)
if [ -n "$out" ]; then
    echo "$out"
    exit 1
fi
echo "layers: ok"
