#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# genesis-corpus-spikes.sh: runs one of the GENESIS tutorial networks
# (VAnet2-batch.g, ACnet2-batch.g: batch scripts that make /Ex_layer and
# /Inh_layer and end with an `if(batch)` block that steps the model) in
# real GENESIS 2.4 and in gensh, unmodified but for two things, and
# compares the spike totals of the two populations:
#
#   tests/tools/genesis-corpus-spikes.sh [-k DIR] [-s] NXGENESIS GENSH FOLDER SCRIPT [NAME=VALUE ...]
#
#   NXGENESIS  an nxgenesis installed by `make nxinstall` (its .simrc beside it)
#   GENSH      the gensh to compare (run with GENSH_DATADIR set by the caller
#              when it is not installed)
#   FOLDER     the tutorial's folder (e.g. .../networks/VAnet2); it is copied
#   SCRIPT     the main script in it
#   NAME=VALUE sets the script's own global (`int hflag = 1` -> hflag=0),
#              the same in both runs
#   -k DIR     keep the two run folders (genesis/, gensh/) in DIR
#   -s         skip GENESIS: reuse DIR/genesis from an earlier -k run
#
# The two changes: every NAME=VALUE rewrites the first `TYPE NAME = ...`
# line, and a file that records every cell's spikes (one spikehistory per
# layer, on /Ex_layer/{Ex_cell_name}[]/soma/spike and the Inh one) is
# included just before the script's `if(batch)` line, after the network
# is made and connected. Both use the script's own generator (SPRNG for
# these scripts, which gensh draws as GENESIS does), so the networks are
# the same. Prints each population's totals, the relative difference, the
# wall times and the load, and exits 1 when a total differs by more than
# 5%.
set -eu
export LC_ALL=C
keep='' skip=0
while [ $# -gt 0 ]; do
    case $1 in
    -k) keep=$2; shift 2 ;;
    -s) skip=1; shift ;;
    *) break ;;
    esac
done
[ $# -ge 4 ] || { sed -n 's/^#   tests/usage: tests/p' "$0" >&2; exit 2; }
abspath() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
genesis=$(abspath "$1"); gensh=$(abspath "$2"); folder=$3; script=$4
shift 4
[ -f "$folder/$script" ] || { echo "genesis-corpus-spikes.sh: no $folder/$script" >&2; exit 2; }
[ -x "$gensh" ] || { echo "genesis-corpus-spikes.sh: no gensh at $gensh" >&2; exit 2; }
[ "$skip" = 1 ] && [ -z "$keep" ] && { echo "genesis-corpus-spikes.sh: -s needs -k DIR" >&2; exit 2; }
if [ "$skip" = 0 ]; then
    [ -x "$genesis" ] || { echo "genesis-corpus-spikes.sh: no nxgenesis at $genesis" >&2; exit 2; }
    [ -f "$(dirname "$genesis")/.simrc" ] ||
        { echo "genesis-corpus-spikes.sh: no .simrc next to $genesis" >&2; exit 2; }
fi
if [ -n "$keep" ]; then
    mkdir -p "$keep"; work=$(cd "$keep" && pwd)
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/corpus-spikes.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi

# prepare DIR: the tutorial with the NAME=VALUE settings and the recorder
prepare() {
    dir=$1; shift
    rm -rf "$dir"; cp -r "$folder" "$dir"
    for nv in "$@"; do
        name=${nv%%=*} value=${nv#*=}
        grep -q -E "^(int|float|str)[[:space:]]+${name}[[:space:]]*=" "$dir/$script" ||
            { echo "genesis-corpus-spikes.sh: $script sets no global '$name'" >&2; exit 2; }
        sed -i -E "0,/^(int|float|str)([[:space:]]+${name}[[:space:]]*=)[^/]*/s//\\1\\2 $value /" "$dir/$script"
    done
    grep -q '^if(batch)' "$dir/$script" ||
        { echo "genesis-corpus-spikes.sh: $script has no 'if(batch)' line" >&2; exit 2; }
    sed -i '/^if(batch)/i include corpus_spikes.g' "$dir/$script"
    cat >"$dir/corpus_spikes.g" <<'EOF'
// added by genesis-corpus-spikes.sh: every cell's spikes, one file per layer
create neutral /corpus_spikes
create spikehistory /corpus_spikes/Ex
setfield /corpus_spikes/Ex filename spikes_Ex.txt ident_toggle 0 leave_open 1
addmsg /Ex_layer/{Ex_cell_name}[]/soma/spike /corpus_spikes/Ex SPIKESAVE
create spikehistory /corpus_spikes/Inh
setfield /corpus_spikes/Inh filename spikes_Inh.txt ident_toggle 0 leave_open 1
addmsg /Inh_layer/{Inh_cell_name}[]/soma/spike /corpus_spikes/Inh SPIKESAVE
EOF
}

# run NAME COMMAND...: in $work/NAME, timed, output to log.txt
run() {
    d=$1; shift
    start=$(date +%s)
    (cd "$work/$d" && "$@" >log.txt 2>&1) || { echo "$d: exit status $?" >&2; tail -n 5 "$work/$d/log.txt" >&2; }
    echo $(($(date +%s) - start)) >"$work/$d/wall.txt"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$skip" = 0 ]; then
    prepare "$work/genesis" "$@"
    run genesis "$genesis" -nox -notty -batch -altsimrc "$(dirname "$genesis")/.simrc" "$script"
fi
prepare "$work/gensh" "$@"
run gensh "$gensh" -batch -nox "$script"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

count() { [ -f "$1" ] && awk 'NF >= 2 && $NF ~ /^[0-9.]+$/ { n++ } END { print n + 0 }' "$1" || echo 0; }
status=0
printf '%-10s %10s %10s %9s\n' population GENESIS gensh difference
for pop in Ex Inh; do
    g=$(count "$work/genesis/spikes_$pop.txt") s=$(count "$work/gensh/spikes_$pop.txt")
    d=$(awk -v g="$g" -v s="$s" 'BEGIN { printf "%+.2f%%", g ? 100 * (s - g) / g : (s ? 100 : 0) }')
    printf '%-10s %10d %10d %9s\n' "$pop" "$g" "$s" "$d"
    awk -v g="$g" -v s="$s" 'BEGIN { exit !(g > 0 && (s - g) / g <= 0.05 && (g - s) / g <= 0.05) }' ||
        status=1
done
echo "wall seconds: GENESIS $(cat "$work/genesis/wall.txt" 2>/dev/null || echo ?), gensh $(cat "$work/gensh/wall.txt")"
echo "errors: GENESIS $(grep -c -i error "$work/genesis/log.txt" 2>/dev/null || true), gensh $(grep -c '^gensh: .*:[0-9]*: ' "$work/gensh/log.txt" || true)"
exit $status
