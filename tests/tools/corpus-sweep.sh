#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# corpus-sweep.sh: runs every main script of a folder tree of GENESIS
# scripts under gensh, in batch with graphics off, and prints one line per
# script: its exit status, the number of error and warning lines, the wall
# time and the first error line. A main script is a .g file that no other
# .g file of its folder includes. Scripts of a folder that calls paron run
# on the ranks they ask for (paron -nodes N, or n_nodes = N in the script),
# else on NODES (default 4). Each runs in a copy of its folder, with a time
# limit.
#
#   tests/tools/corpus-sweep.sh [-g GENSH] [-n NODES] [-t SECONDS] DIR...
#
# The GENESIS corpus (genesis-sim/genesis-2.4's Scripts and pgenesis
# Scripts, dbeeman/genesis-2.4beta-files' tutorial networks) is not part
# of gensh; fetch it yourself. GENSH defaults to ./gensh.
set -eu
export LC_ALL=C
gensh=./gensh nodes=4 limit=300
while [ $# -gt 0 ]; do
    case $1 in
        -g) gensh=$2; shift 2 ;;
        -n) nodes=$2; shift 2 ;;
        -t) limit=$2; shift 2 ;;
        *) break ;;
    esac
done
[ $# -ge 1 ] || { echo "usage: $0 [-g GENSH] [-n NODES] [-t SECONDS] DIR..." >&2; exit 2; }
case $gensh in /*) ;; *) gensh=$(pwd)/$gensh ;; esac
[ -x "$gensh" ] || { echo "corpus-sweep.sh: no gensh at $gensh (give -g PATH)" >&2; exit 2; }
if [ "$(id -u)" = 0 ]; then
    export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/corpus-sweep.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# main_scripts DIR: the .g files of DIR that no .g file of DIR includes
main_scripts() {
    for f in "$1"/*.g; do
        [ -f "$f" ] || continue
        b=$(basename "$f" .g)
        if ! grep -l -E "^[[:space:]]*include[[:space:]]+\"?$b(\.g)?\"?([[:space:]]|$)" "$1"/*.g 2>/dev/null |
            grep -v -x -F "$f" | grep -q .; then
            echo "$f"
        fi
    done
}

printf '%-60s %6s %6s %6s %7s  %s\n' script status errors warns wall_s "first error"
find "$@" -type d | sort | while read -r dir; do
    for script in $(main_scripts "$dir"); do
        rm -rf "$tmp/run" && cp -r "$dir" "$tmp/run"
        name=$(basename "$script")
        np=
        if grep -q -E '^[[:space:]]*paron' "$dir"/*.g; then
            # the count the script asks for: paron -nodes N, or n_nodes = N
            want=$(sed -n -E -e 's/^[[:space:]]*paron.*-nodes[[:space:]]+([0-9]+).*/\1/p' \
                -e 's/^[[:space:]]*int[[:space:]]+n_nodes[[:space:]]*=[[:space:]]*([0-9]+).*/\1/p' \
                "$script" | head -n 1)
            np="-nodes ${want:-$nodes}"
        fi
        start=$(date +%s.%N)
        status=0
        # shellcheck disable=SC2086
        (cd "$tmp/run" && timeout "$limit" "$gensh" $np -batch -nox "$name" </dev/null \
            >out.txt 2>err.txt) || status=$?
        wall=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
        errs=$(grep -c -v -E 'warning:|^gensh(\[[0-9]+\])?: [^:]*: [0-9]+ errors?$|: note:' "$tmp/run/err.txt" || true)
        warns=$(grep -c 'warning:' "$tmp/run/err.txt" || true)
        first=$(grep -v -E 'warning:|: note:' "$tmp/run/err.txt" | head -n 1 | cut -c1-110)
        printf '%-60s %6s %6s %6s %7s  %s\n' "$script" "$status" "$errs" "$warns" "$wall" "$first"
    done
done
