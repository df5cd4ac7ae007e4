// test-status: 0
// simdump writes a script that recreates the elements, their fields,
// clocks, disabled flags and messages; read back after the originals are
// deleted, the model runs as before. Reading a dump onto the elements it
// came from adds no second copy of a message (enddump). A dump nxgenesis
// wrote (data/genesis_dump.g, GENESIS's simdump example) reads too: its
// fields that gensh's compartment has not, or computes itself (x0,
// activation, Im ...), are skipped with a warning.
setclock 0 0.001
setclock 1 0.002
create neutral /cell
create compartment /cell/soma
setfield ^ Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
create pulsegen /cell/stim
setfield ^ level1 1e-10 width1 0.004 delay1 0.002 baselevel 0
useclock /cell/stim 1
addmsg /cell/stim /cell/soma INJECT output
create neutral /cell/spare
disable /cell/spare
create asc_file /cell/log
setfield ^ filename "a file.txt" leave_open 1
addmsg /cell/soma /cell/log SAVE Vm
reset
step 10
echo before {getfield /cell/soma Vm}
simdump cell.g -path /cell -path /cell/##
sh "cat cell.g"
// chosen fields, with the position
simobjdump pulsegen level1 width1 -coords
setfield /cell/stim x 1e-5
simdump stim.g -path /cell/stim
sh "cat stim.g"
simobjdump pulsegen -default

delete /cell
include cell.g
le /cell
echo {getfield /cell/log filename} {getfield /cell/stim width1} {getclock 1}
showmsg /cell/soma
reset
step 10
echo after {getfield /cell/soma Vm}
// onto the same elements again: no message twice
include cell.g
echo {getmsg /cell/soma -incoming -count} {getmsg /cell/soma -outgoing -count}

// GENESIS's own dump
include genesis_dump.g
le /a
echo {getfield /a/compt Rm} {getfield /b/compt Ra} {getfield /p width1}
echo {getmsg /a/compt -incoming -count}
