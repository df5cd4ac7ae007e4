# SPDX-License-Identifier: GPL-2.0-or-later
# setup.sh: sourced by the shell-driven tests: strict shell, C locale, a
# private temp dir removed on exit, and $GENSH (optionally under valgrind
# when GS_VALGRIND=1).
set -eu
export LC_ALL=C
: "${GENSH:?GENSH must name the gensh binary (make check sets it)}"
: "${GS_TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
GS_TMP=$(mktemp -d "${TMPDIR:-/tmp}/gensh-test.XXXXXX")
trap 'rm -rf "$GS_TMP"' EXIT
export HOME="$GS_TMP/home"
mkdir -p "$HOME"
if [ "${GS_VALGRIND:-0}" = 1 ]; then
    GENSH_RUN="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite $GENSH"
else
    GENSH_RUN=$GENSH
fi
