# SPDX-License-Identifier: GPL-2.0-or-later
# slurm.sh: sourced by the jobs tests: starts a one-machine Slurm (munged,
# slurmctld and slurmd on localhost, 2 CPUs, partition "debug") configured
# in a temporary folder, and stops it on exit, whatever happened.
#
#   slurm_start DIR   start it under DIR; on failure print the reason in
#                     $slurm_why and return 1 (the caller SKIPs)
#   slurm_stop        stop the daemons (also run by the EXIT trap)
# After slurm_start, SLURM_CONF points at the configuration, so sbatch,
# squeue, sinfo and scancel talk to this Slurm.

slurm_dir=
slurm_why=

# The environment of process $1, a variable a line (nothing if it is gone).
slurm_penv() { tr '\0' '\n' <"/proc/$1/environ"; } 2>/dev/null

slurm_stop() {
    [ -n "$slurm_dir" ] || return 0
    # Jobs first (this Slurm's only: SLURM_CONF names it), so that no run
    # outlives the test; then the daemons.
    if [ -s "$slurm_dir/slurmctld.pid" ]; then
        timeout 10 scancel --user="$(id -un)" >/dev/null 2>&1
        n=0
        while [ $n -lt 50 ] && [ -n "$(timeout 5 squeue -h -t running,completing 2>/dev/null)" ]; do
            sleep 0.1
            n=$((n + 1))
        done
    fi
    for f in slurmd slurmctld munged; do
        if [ -s "$slurm_dir/$f.pid" ]; then
            kill "$(cat "$slurm_dir/$f.pid")" 2>/dev/null
        fi
    done
    # Wait up to 10 s for them to go, then kill what is left.
    n=0
    for f in slurmd slurmctld munged; do
        [ -s "$slurm_dir/$f.pid" ] || continue
        p=$(cat "$slurm_dir/$f.pid")
        while kill -0 "$p" 2>/dev/null && [ $n -lt 100 ]; do
            sleep 0.1
            n=$((n + 1))
        done
        kill -9 "$p" 2>/dev/null
    done
    # Anything a job of this Slurm left running (slurmstepd and the ranks):
    # processes with a job id whose SLURM_CONF is this one.
    for e in /proc/[0-9]*/environ; do
        p=${e#/proc/}
        p=${p%/environ}
        [ "$p" != $$ ] || continue
        if slurm_penv "$p" | grep -q "^SLURM_CONF=$slurm_dir/slurm.conf\$" &&
            { slurm_penv "$p" | grep -q '^SLURM_JOB_ID=' ||
                grep -q slurmstepd "/proc/$p/cmdline" 2>/dev/null; }; then
            kill -9 "$p" 2>/dev/null
        fi
    done
    slurm_dir=
}

# slurm_wait SECONDS COMMAND...: run COMMAND every 0.2 s until it succeeds.
slurm_wait() {
    t=$(($1 * 5))
    shift
    while [ $t -gt 0 ]; do
        if "$@" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.2
        t=$((t - 1))
    done
    return 1
}

slurm_start() {
    d=$1
    for p in munged slurmctld slurmd sbatch squeue sinfo scancel srun; do
        if ! command -v $p >/dev/null 2>&1; then
            slurm_why="$p not found (Debian: apt-get install slurm-wlm munge)"
            return 1
        fi
    done
    if [ "$(id -u)" -ne 0 ]; then
        slurm_why="slurmd must run as root to start jobs (run the test as root, as CI does)"
        return 1
    fi
    mkdir -p "$d/state" "$d/spool" "$d/munge"
    chmod 700 "$d/munge"
    slurm_dir=$d
    dd if=/dev/urandom of="$d/munge/munge.key" bs=1024 count=1 2>/dev/null
    chmod 400 "$d/munge/munge.key"
    if ! munged --force --key-file="$d/munge/munge.key" --socket="$d/munge/munge.sock" \
        --pid-file="$d/munged.pid" --log-file="$d/munged.log" \
        --seed-file="$d/munge/munged.seed" >"$d/munged.out" 2>&1; then
        slurm_why="munged did not start: $(tail -n 1 "$d/munged.out")"
        return 1
    fi
    # Ports: two free ones from a range picked by the process id.
    base=$((20000 + ($$ % 2000) * 10))
    host=$(hostname -s)
    cat >"$d/slurm.conf" <<CONF
ClusterName=genshtest
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$base
SlurmdPort=$((base + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$d/munge/munge.sock
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd.pid
SlurmctldLogFile=$d/slurmctld.log
SlurmdLogFile=$d/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
MinJobAge=600
KillWait=3
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
PlugStackConfig=$d/plugstack.conf
NodeName=$host NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    : >"$d/plugstack.conf"
    export SLURM_CONF="$d/slurm.conf"
    if ! slurmctld -i -f "$d/slurm.conf" >"$d/slurmctld.out" 2>&1; then
        slurm_why="slurmctld did not start: $(tail -n 1 "$d/slurmctld.out")"
        return 1
    fi
    if ! slurmd -f "$d/slurm.conf" >"$d/slurmd.out" 2>&1; then
        slurm_why="slurmd did not start: $(tail -n 1 "$d/slurmd.out")"
        return 1
    fi
    # The node is up when sinfo calls it idle.
    if ! slurm_wait 30 sh -c "sinfo -h -o %t | grep -q '^idle'"; then
        slurm_why="the node did not come up in 30 s: $(tail -n 1 "$d/slurmctld.log" 2>/dev/null)"
        return 1
    fi
    return 0
}
