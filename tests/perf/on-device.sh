#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# on-device.sh: builds gensh on a lent GPU machine (Ubuntu, Open MPI, no
# Lua or readline headers: those come unpacked from .devkit, which
# ../shared/tools/device-kit fills) and runs the benchmarks there, writing
# their figures to $OUT (or ./device-out). One call does it all, since each
# call to that machine starts from a bare system.
#
#   [RSNET_SIZES="32 100 316"] [SIZES="32 100"] [REPEATS=N] \
#       tests/perf/on-device.sh [RANKS...]   (default: size 100, ranks 1 2 4 8)
#
# RSNET_SIZES are bench_rsnet's (one core); SIZES and RANKS
# bench_par_rsnet's; RANKS "none" leaves the parallel benchmark out.
#
# Run from the source root with .devkit present.
set -eu
top=$(pwd)
out=${OUT:-$top/device-out}
mkdir -p "$out"
[ $# -gt 0 ] || set -- 1 2 4 8
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
log() { echo "== $*" | tee -a "$out/summary.txt"; }

# Debian's Lua and readline, unpacked beside the tree.
root=$top/.devkit/root
mkdir -p "$root"
for f in "$top"/.devkit/debs/*.deb; do dpkg -x "$f" "$root"; done
lib=$root/usr/lib/x86_64-linux-gnu
export CPATH=$root/usr/include:$root/usr/include/lua5.4:$root/usr/include/x86_64-linux-gnu
export LIBRARY_PATH=$lib LD_LIBRARY_PATH=$lib PKG_CONFIG_PATH=$lib/pkgconfig

log "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
build=/tmp/gensh-build
rm -rf "$build" && mkdir -p "$build" && cd "$build"
{ [ -x "$top/configure" ] || (cd "$top" && ./autogen.sh); } >"$out/build.log" 2>&1
"$top/configure" --without-tk --with-lua="$root/usr" >>"$out/build.log" 2>&1 ||
    { tail -30 "$out/build.log"; exit 1; }
make -j"$(nproc)" >>"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; exit 1; }
log "built: $(./gensh --version | head -1)"

log "bench_rsnet (one core)"
# shellcheck disable=SC2086 # a list of sizes
taskset -c 2 "$top/tests/perf/bench_rsnet" ${RSNET_SIZES:-32 100 316} 2>&1 | tee -a "$out/summary.txt"
if [ "$1" != none ] && [ -x "$top/tests/perf/bench_par_rsnet" ]; then
    log "bench_par_rsnet, worker ranks: $*"
    "$top/tests/perf/bench_par_rsnet" -g ./gensh -r "${REPEATS:-1}" -s "${SIZES:-100}" "$@" 2>&1 |
        tee -a "$out/summary.txt"
fi
