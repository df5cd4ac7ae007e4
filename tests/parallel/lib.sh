# SPDX-License-Identifier: GPL-2.0-or-later
# lib.sh: sourced by the parallel tests (tests/parallel/*.test). Each test
# runs .g scripts of data/ on 1, 2 and 4 ranks under
# `mpiexec --oversubscribe -n N` (or, in a build without MPI, on one rank
# with plain gensh), always under `timeout` so that a hang is a failure,
# and compares what came out with the expected text, exactly. Output of
# several ranks arrives in no fixed order, so checks say whether they
# compare node 0's lines or the sorted lines of all.
. "${GS_TOP_SRCDIR:-$(dirname "$0")/../..}/tests/setup.sh"
PAR_SRC="$GS_TOP_SRCDIR/tests/parallel/data"
: "${GS_TOP_BUILDDIR:=$(dirname "$GENSH")}"
if grep -q '^#define HAVE_MPI 1' "$GS_TOP_BUILDDIR/config.h" 2>/dev/null; then
    PAR_MPI=yes
    PAR_MPIEXEC=$(sed -n 's/^#define GS_MPIEXEC "\(.*\)"$/\1/p' "$GS_TOP_BUILDDIR/config.h")
    : "${PAR_MPIEXEC:=mpiexec}"
else
    PAR_MPI=no
fi
if [ "$(id -u)" = 0 ]; then
    # Open MPI refuses to run as root unless told twice.
    export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi
# Open MPI's plugins leak at exit and are unloaded before LeakSanitizer
# looks, so their leaks cannot be suppressed by name: leak checking is off
# for MPI runs (the same gensh code is leak-checked by the serial tests).
# AddressSanitizer's other checks stay on.
if [ "$PAR_MPI" = yes ]; then
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
fi
# The launcher's own marks must not leak in from a parallel make check.
unset GENSH_LAUNCHED GENSH_STATUS_FILE GENSH_STDIN_TTY OMPI_COMM_WORLD_SIZE PMI_RANK PMIX_RANK
PAR_TIMEOUT=${PAR_TIMEOUT:-120}
if [ "${GS_VALGRIND:-0}" = 1 ]; then
    # Open MPI's own leaks and padding bytes (tests/supp/openmpi.supp); ranks
    # under valgrind are slow, so waits get more time.
    GENSH_RUN="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --num-callers=40 --suppressions=$GS_TOP_SRCDIR/tests/supp/openmpi.supp $GENSH"
    PAR_TIMEOUT=600
fi
cd "$GS_TMP"
n=0
fails=0

# The rank counts to try: 1, 2 and 4 with MPI, 1 without.
par_counts() {
    if [ "$PAR_MPI" = yes ]; then echo "1 2 4"; else echo 1; fi
}

need_mpi() {
    if [ "$PAR_MPI" != yes ]; then
        echo "1..0 # SKIP needs MPI" # (the TAP driver reads the skip from the plan)
        exit 0
    fi
}

# prun N ARGS...: runs gensh ARGS on N ranks in $GS_TMP; stdout in out,
# stderr in err, the exit status in $status.
prun() {
    pn=$1
    shift
    status=0
    if [ "$PAR_MPI" = yes ]; then
        timeout "$PAR_TIMEOUT" "$PAR_MPIEXEC" --oversubscribe -n "$pn" $GENSH_RUN -nosimrc -nox \
            "$@" <"${PAR_STDIN:-/dev/null}" >out 2>err || status=$?
    else
        timeout "$PAR_TIMEOUT" $GENSH_RUN -nosimrc -nox "$@" <"${PAR_STDIN:-/dev/null}" \
            >out 2>err || status=$?
    fi
}

# copy NAME...: puts scripts (and inputs) of data/ into the work dir.
copy() {
    for f in "$@"; do cp "$PAR_SRC/$f" .; done
}

result() { # result NAME OK
    n=$((n + 1))
    if [ "$2" = 0 ]; then
        echo "ok $n - $1"
    else
        echo "not ok $n - $1"
        fails=$((fails + 1))
    fi
}

skip_result() { # skip_result NAME WHY
    n=$((n + 1))
    echo "ok $n - $1 # SKIP $2"
}

# same NAME FILE: FILE equals the expected text on stdin.
same() {
    cat >want
    if diff -u want "$2" >diff.out; then
        result "$1" 0
    else
        result "$1" 1
        sed 's/^/#   /' diff.out
    fi
}

# same_sorted NAME FILE: the lines of FILE, sorted, equal the expected
# (sorted) lines on stdin.
same_sorted() {
    LC_ALL=C sort >want
    LC_ALL=C sort "$2" >sorted.out
    if diff -u want sorted.out >diff.out; then
        result "$1" 0
    else
        result "$1" 1
        sed 's/^/#   /' diff.out
    fi
}

# status_is NAME WANT: the last run's exit status.
status_is() {
    if [ "$status" = "$2" ]; then
        result "$1 (status $2)" 0
    else
        result "$1 (status $status, wanted $2)" 1
        sed 's/^/#   err: /' err | head -20
    fi
}

# has NAME REGEX FILE: some line of FILE matches.
has() {
    if grep -q -- "$2" "$3"; then
        result "$1" 0
    else
        result "$1" 1
        sed 's/^/#   /' "$3" | head -20
    fi
}

# errors FILE: FILE without the MPI launcher's own notices (the boxes of
# dashes Open MPI prints when a rank exits non-zero), the summary line, and
# the notes of a barrier kept waiting (a loaded machine's, not the test's).
errors() {
    awk '/^-------------------------------------/ { box = !box; next } !box' "$1" \
        | grep -v -e '^gensh: [^ ]*: [0-9]* errors\?$' \
            -e '^gensh\[[0-9]*\]: note: barrier [0-9]*: waiting [0-9.]* s for ' || true
}

# node0 FILE: the lines node 0 printed (no "[node K] " prefix).
node0() {
    grep -v '^\[node [0-9]*\] ' "$1" || true
}

finish() {
    echo "1..$n"
    [ "$fails" = 0 ]
}
