#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# on-device.sh: on a lent GPU machine (Ubuntu with nvcc and Open MPI, no
# Lua or readline headers: those come unpacked from .devkit, which
# ../shared/tools/device-kit fills), builds gensh with CUDA and -Werror,
# runs the GPU tests (tests/gpu/equiv.test), tests/parallel/rnet.test on
# the device (rnet), the whole test suite (make check: with a device,
# -backend auto puts every compiled model of every test family on the
# GPU) and the benchmark (tests/perf/bench_gpu), writing logs to $OUT (or
# ./device-out). One call does it all: each call to that machine starts
# from a bare system.
#
#   [BENCH_SIZES="32 100 316 1000"] [GENSH_BUILD=DIR] \
#       tests/gpu/on-device.sh [tests] [rnet] [check] [bench]
#
# (tests, bench and check when none is named), in the order named.
# GENSH_BUILD: a build folder made elsewhere (configure --without-tk
# --without-hdf5 --with-cuda on an x86-64 Linux with glibc no newer than
# the GPU machine's), used when its gensh finds its libraries there: no
# build on the device (make check needs the device's own build).
#
# Run from the source root with .devkit present.
set -eu
top=$(pwd)
out=${OUT:-$top/device-out}
what=${*:-tests bench check}
mkdir -p "$out"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export PATH=$PATH:/usr/local/cuda/bin
log() { echo "== $*" | tee -a "$out/summary.txt"; }

root=$top/.devkit/root
mkdir -p "$root"
for f in "$top"/.devkit/debs/*.deb; do dpkg -x "$f" "$root"; done
lib=$root/usr/lib/x86_64-linux-gnu
# system include dirs (C_INCLUDE_PATH, not CPATH): their headers are not
# held to -Werror
export C_INCLUDE_PATH=$root/usr/include:$root/usr/include/lua5.4:$root/usr/include/x86_64-linux-gnu
export LIBRARY_PATH=$lib LD_LIBRARY_PATH=$lib:/usr/local/cuda/lib64 PKG_CONFIG_PATH=$lib/pkgconfig

log "machine: $(nproc) CPUs,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.memory --format=csv \
    2>&1 | tee -a "$out/summary.txt"
build=/tmp/gensh-build
if [ -n "${GENSH_BUILD:-}" ] && [ -x "$GENSH_BUILD/gensh" ] &&
    ! ldd "$GENSH_BUILD/gensh" | grep -q 'not found'; then
    build=$GENSH_BUILD
    cd "$build"
    log "prebuilt: $build/gensh, $(./gensh --version | head -1)"
else
    rm -rf "$build" && mkdir -p "$build" && cd "$build"
    t0=$(date +%s)
    { [ -x "$top/configure" ] || (cd "$top" && ./autogen.sh); } >"$out/build.log" 2>&1
    "$top/configure" --enable-werror --without-tk --with-cuda --with-lua="$root/usr" \
        >>"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; exit 1; }
    make -j"$(nproc)" >>"$out/build.log" 2>&1 ||
        { grep -E 'error|warning' "$out/build.log" | head -30; exit 1; }
    log "built in $(($(date +%s) - t0)) s: $(./gensh --version | head -1), $(grep -c warning "$out/build.log") warnings"
fi
printf 'backend\n' >probe.g
./gensh -batch -nox probe.g 2>&1 | tee -a "$out/summary.txt"

do_tests() {
    log "tests/gpu/equiv.test"
    t0=$(date +%s)
    GENSH=$build/gensh GS_TOP_SRCDIR=$top sh "$top/tests/gpu/equiv.test" >"$out/equiv.log" 2>&1 || true
    grep -E '^(not ok|# )' "$out/equiv.log" | head -60
    log "equiv: $(grep -c '^ok' "$out/equiv.log") ok, $(grep -c '^not ok' "$out/equiv.log") not ok, $(($(date +%s) - t0)) s"
}
do_rnet() {
    log "tests/parallel/rnet.test (remote spikes into models on the device)"
    t0=$(date +%s)
    GENSH=$build/gensh GS_TOP_SRCDIR=$top sh "$top/tests/parallel/rnet.test" >"$out/rnet.log" 2>&1 ||
        true
    grep -E '^not ok' "$out/rnet.log" | head -20
    log "rnet: $(grep -c '^ok' "$out/rnet.log") ok, $(grep -c '^not ok' "$out/rnet.log") not ok, $(($(date +%s) - t0)) s"
}
do_check() {
    log "make check (every test family; compiled models on the GPU)"
    t0=$(date +%s)
    # CHECK_TIMEOUT (s) ends it early: the results so far are counted
    timeout "${CHECK_TIMEOUT:-1200}" make -j"$(nproc)" check >"$out/check.log" 2>&1 || true
    grep -E '^(FAIL|ERROR|XPASS):' "$out/check.log" | head -40 | tee -a "$out/summary.txt"
    log "make check: $(grep -c '^PASS:' "$out/check.log") PASS, $(grep -c '^SKIP:' "$out/check.log") SKIP, $(grep -cE '^(FAIL|ERROR|XPASS):' "$out/check.log") FAIL/ERROR, $(($(date +%s) - t0)) s"
    for f in $(grep -E '^(FAIL|ERROR):' "$out/check.log" | awk '{ print $2 }' | head -8); do
        echo "---- $f"; tail -15 "${f%.*}.log"
    done >"$out/check-fails.txt" 2>&1
}
do_bench() {
    log "tests/perf/bench_gpu ${BENCH_SIZES:-32 100 316 1000}"
    # shellcheck disable=SC2086 # a list of sizes
    "$top/tests/perf/bench_gpu" -g "$build/gensh" ${BENCH_SIZES:-32 100 316 1000} 2>&1 |
        tee -a "$out/summary.txt"
}
for job in $what; do
    case $job in
    tests | rnet | check | bench) "do_$job" ;;
    *) echo "on-device.sh: no job '$job' (tests, rnet, check, bench)" >&2; exit 2 ;;
    esac
done
