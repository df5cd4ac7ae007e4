#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# genesis-vanet.sh: makes the reference data of tests/validation/vanet.test
# by running the vanet tutorial (tutorials/vanet) in real GENESIS 2.4 with
# GENESIS's generator, for 0.1 s:
#
#   tests/tools/genesis-vanet.sh NXGENESIS [OUTDIR]
#
# NXGENESIS is an nxgenesis built from the genesis-sim/genesis-2.4 sources
# (gcc needs -fcommon) and installed with `make nxinstall`, so that its
# .simrc sits next to it. The tutorial's files are copied to a temporary
# directory and run there with `nxgenesis -nox -notty -batch vanet.g 0.1 nr`
# (about two minutes); the spike files and va_vm.dat are written,
# xz-compressed, to OUTDIR (default tests/validation/data) as
# vanet_nr_ex_spikes.txt.xz, vanet_nr_inh_spikes.txt.xz, vanet_nr_vm.dat.xz.
set -eu
export LC_ALL=C
top=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 NXGENESIS [OUTDIR]" >&2; exit 2; }
genesis=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=${2:-$top/tests/validation/data}
[ -x "$genesis" ] || { echo "genesis-vanet.sh: no nxgenesis at $1" >&2; exit 2; }
[ -f "$(dirname "$genesis")/.simrc" ] ||
    { echo "genesis-vanet.sh: no .simrc next to $genesis (make nxinstall puts one there)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/genesis-vanet.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$top"/tutorials/vanet/vanet.g "$top"/tutorials/vanet/vaprotos.g "$top"/tutorials/vanet/vacell.p "$tmp"
cd "$tmp"
"$genesis" -nox -notty -batch -altsimrc "$(dirname "$genesis")/.simrc" vanet.g 0.1 nr >genesis.log 2>&1 ||
    { tail -n 20 genesis.log >&2; exit 1; }
if grep -q -i error genesis.log; then
    grep -i error genesis.log >&2
    exit 1
fi
xz -9 -c va_ex_spikes.txt >"$out/vanet_nr_ex_spikes.txt.xz"
xz -9 -c va_inh_spikes.txt >"$out/vanet_nr_inh_spikes.txt.xz"
xz -9 -c va_vm.dat >"$out/vanet_nr_vm.dat.xz"
grep -E '^(Ex|Inh) ->|^vanet|^spikes' genesis.log
