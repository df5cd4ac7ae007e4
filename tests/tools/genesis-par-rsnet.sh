#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# genesis-par-rsnet.sh: runs GENESIS's own par-RSnet tutorial script under
# gensh, the way the shared reference ran it under PGENESIS 2.4, and
# compares the Vm.dat files it writes: across slice counts, and with
# PGENESIS's Vm.dat (tests/validation/data/par-rsnet_Vm.dat.xz).
#
#   tests/tools/genesis-par-rsnet.sh [-g GENSH] DIR [N...]
#
# DIR holds the GENESIS tutorial files: par-RSnet.g and what it includes
# (RScell.p, protodefs.g and the channel files). They are not part of
# gensh (their licence is GENESIS's); fetch them yourself. For each slice
# count N (default 1 2 4) the script copies DIR to a temporary directory,
# edits par-RSnet.g as the reference runs did (graphics 0, output 1,
# batch 1, n_slices N, and `setfield /injectpulse level1 1.0` after the
# set_inj_params call in make_injection: without the GUI's toggle the
# pulse stays at 0), runs `gensh -nodes N+1 -batch par-RSnet.g`, and
# checks that it wrote no error. GENSH defaults to ./gensh (run it from the
# build directory). Exit status 0 when every run was clean and every
# Vm.dat is the same.
set -eu
export LC_ALL=C
top=$(cd "$(dirname "$0")/../.." && pwd)
gensh=./gensh
if [ "${1:-}" = -g ]; then gensh=$2; shift 2; fi
[ $# -ge 1 ] || { echo "usage: $0 [-g GENSH] DIR [N...]" >&2; exit 2; }
dir=$(cd "$1" && pwd)
shift
[ $# -gt 0 ] || set -- 1 2 4
case $gensh in /*) ;; *) gensh=$(pwd)/$gensh ;; esac
[ -x "$gensh" ] || { echo "genesis-par-rsnet.sh: no gensh at $gensh (give -g PATH)" >&2; exit 2; }
[ -f "$dir/par-RSnet.g" ] || { echo "genesis-par-rsnet.sh: no par-RSnet.g in $dir" >&2; exit 2; }
if [ "$(id -u)" = 0 ]; then
    export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/genesis-par-rsnet.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
xz -dc "$top/tests/validation/data/par-rsnet_Vm.dat.xz" >"$tmp/pgenesis_Vm.dat"

bad=0
first=""
for n in "$@"; do
    w="$tmp/slices$n"
    mkdir "$w"
    cp -R "$dir"/. "$w"/
    # The edits, each checked: a line that is not there is an error here,
    # never a silently different run.
    sed -e 's/^int graphics = 1/int graphics = 0/' \
        -e 's/^int output = 0/int output = 1/' \
        -e 's/^int batch = 0/int batch = 1/' \
        -e "s/^int n_slices = [0-9]*/int n_slices = $n/" \
        -e '/^function make_injection/,/^end/s/^\( *\)set_inj_params.*$/&\
\1setfield \/injectpulse level1 1.0/' \
        "$dir/par-RSnet.g" >"$w/par-RSnet.g"
    for want in '^int graphics = 0' '^int output = 1' '^int batch = 1' "^int n_slices = $n\\([^0-9]\\|\$\\)" \
        '^ *setfield /injectpulse level1 1.0'; do
        grep -q "$want" "$w/par-RSnet.g" ||
            { echo "genesis-par-rsnet.sh: could not edit par-RSnet.g ($want)" >&2; exit 2; }
    done
    start=$(date +%s.%N)
    status=0
    (cd "$w" && timeout 600 "$gensh" -nodes $((n + 1)) -batch -nox -nosimrc par-RSnet.g \
        >out.txt 2>err.txt) || status=$?
    wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    nerr=$(grep -c . "$w/err.txt" || true)
    echo "$n slices (-nodes $((n + 1))): status $status, $nerr lines on stderr, $wall s wall"
    if [ "$status" != 0 ] || [ "$nerr" != 0 ]; then
        bad=1
        sed 's/^/    err: /' "$w/err.txt" | head -10
    fi
    if [ ! -s "$w/Vm.dat" ]; then
        echo "    no Vm.dat"
        bad=1
        continue
    fi
    echo "    Vm.dat md5 $(md5sum <"$w/Vm.dat" | cut -d' ' -f1), $(wc -l <"$w/Vm.dat") rows"
    if [ -z "$first" ]; then
        first=$n
    elif cmp -s "$tmp/slices$first/Vm.dat" "$w/Vm.dat"; then
        echo "    identical to the Vm.dat of $first slice(s)"
    else
        echo "    DIFFERS from the Vm.dat of $first slice(s)"
        bad=1
    fi
    # rows cols shape_errors max_early text_early late_over max_late first_t first_col
    read -r rows cols shape mearly tearly lover mlate ft fc <<EOF
$(awk -v other="$w/Vm.dat" -v tsplit=0.378 -v tol=1e-6 -f "$top/tests/validation/vmcmp.awk" \
    "$tmp/pgenesis_Vm.dat")
EOF
    if cmp -s "$tmp/pgenesis_Vm.dat" "$w/Vm.dat"; then
        echo "    identical to PGENESIS's Vm.dat"
    else
        echo "    vs PGENESIS's Vm.dat ($rows rows x $cols values, $shape rows of another shape):"
        echo "      t < 0.378 s: largest |dVm| $mearly V, $tearly values differ in the last digit"
        echo "      t >= 0.378 s: $lover values differ by more than 1e-6 V, the largest by $mlate V"
        echo "      first difference above 1e-6 V: t = $ft s, cell $fc"
    fi
done
exit $bad
