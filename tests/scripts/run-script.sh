#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# run-script.sh CASE.g|CASE.lua: runs one script test and compares its
# stdout with CASE.out and its stderr with CASE.err (absent: must be empty),
# exactly. The case runs in a temp dir as `gensh -batch -nox -strict CASE`,
# with SIMPATH set to its folder (and its data/ folder) and stdin from
# CASE.in when present. Directives in the first lines of the case:
#   // test-options: ...   options used instead of -strict
#   // test-status: N      expected exit status (default 0, or 1 with a .err)
#   // test-requires: mpi  skip (77) when the build lacks it
# Exit: 0 pass, 1 fail, 77 skip.
case_path=$1
. "${GS_TOP_SRCDIR:-$(dirname "$0")/../..}/tests/setup.sh"
dir=$(cd "$(dirname "$case_path")" && pwd)
name=$(basename "$case_path")
stem=${name%.*}
directive() {
    sed -n -e "1,10s#^\(//\|--\) *test-$1: *##p" "$dir/$name" | head -n 1
}
req=$(directive requires)
if [ "$req" = mpi ] && [ "${HAVE_MPI:-no}" != yes ]; then
    echo "SKIP: needs MPI"; exit 77
fi
opts=$(directive options)
[ -n "$opts" ] || opts=-strict
want_status=$(directive status)
if [ -z "$want_status" ]; then
    if [ -f "$dir/$stem.err" ]; then want_status=1; else want_status=0; fi
fi
cp "$dir/$name" "$GS_TMP/$name"
[ -d "$dir/data" ] && cp -r "$dir/data/." "$GS_TMP/"
input=/dev/null
[ -f "$dir/$stem.in" ] && input="$dir/$stem.in"
cd "$GS_TMP"
status=0
# shellcheck disable=SC2086
SIMPATH="$dir:$dir/data" $GENSH_RUN -batch -nox $opts "$name" <"$input" >stdout 2>stderr || status=$?
sed -e "s|$dir/||g" -e "s|$GS_TMP/||g" stderr >stderr.n
fail=0
if [ -f "$dir/$stem.out" ]; then
    diff -u "$dir/$stem.out" stdout || fail=1
elif [ -s stdout ]; then
    echo "no $stem.out, but stdout was:"; cat stdout; fail=1
fi
if [ -f "$dir/$stem.err" ]; then
    diff -u "$dir/$stem.err" stderr.n || fail=1
elif [ -s stderr.n ]; then
    echo "unexpected stderr:"; cat stderr.n; fail=1
fi
if [ "$status" != "$want_status" ]; then
    echo "exit status $status, expected $want_status"; fail=1
fi
exit $fail
