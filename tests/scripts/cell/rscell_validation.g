// readcell against real GENESIS 2.4: a regular-spiking cell read from a .p
// file with the RSnet tutorial cell's parameters (data/rscell.p) must
// reproduce, at every step, the soma Vm that GENESIS computed for RSnet's
// cells while they were alone: the pulse-injected middle cell (1 nA for
// 50 ms) until synaptic input reached it at 31.5 ms, and cell 0 (no
// input) until its neighbours' first spikes reached it at 0.23285 s.
// The reference (tests/validation/data/rsnet25_vm3.dat.xz) holds GENESIS's
// values printed with %.9g; compare.lua reads both files.
include rschans
float dt = 50e-6
setclock 0 {dt}
create neutral /library
disable /library
create compartment /library/compartment
rs_make_channels /library
create spikegen /library/spike
setfield /library/spike abs_refract 0.004 output_amp 1

readcell rscell.p /mid
readcell rscell.p /lone
echo RM {RM} RA {RA} CM {CM} EREST_ACT {EREST_ACT}

create pulsegen /pulse
setfield /pulse level1 1 width1 0.05 delay1 0 delay2 1 baselevel 0 trig_mode 0
create diffamp /pulse/amp
setfield /pulse/amp saturation 10000 gain 1e-9
addmsg /pulse /pulse/amp PLUS output
addmsg /pulse/amp /mid/soma INJECT output

create asc_file /vm
setfield /vm filename Vm.dat leave_open 1 float_format "%.9g"
addmsg /mid/soma /vm SAVE Vm
addmsg /lone/soma /vm SAVE Vm
reset
step 4657
setfield /vm leave_open 0
call /vm RESET
include compare.lua
