// The RSnet tutorial's network built as RSnet.g builds it, with the cell
// read by readcell from a .p file and the library's make_cylind_compartment,
// make_Ex_channel and make_spike: 25 x 25 cells, each exciting its four
// neighbours (weight 10, delay 2 ms), the middle one injected with 1 nA
// for 50 ms. Over the whole 0.5 s, the soma Vm of the middle cell, cell 0
// and the right-edge cell must match real GENESIS 2.4's run of RSnet
// (tests/validation/data/rsnet25_vm3.dat.xz) at every step.
include rschans
include compartments
include synchans
include protospike
float dt = 50e-6
setclock 0 {dt}
create neutral /library
disable /library
ce /library
make_cylind_compartment
make_Ex_channel
make_spike
rs_make_channels /library
ce /
readcell rsnet.p /library/cell
setfield /library/cell/soma/Ex_channel gmax 1e-9
setfield /library/cell/soma/spike thresh 0 abs_refract 0.004 output_amp 1

int NX = 25
int NY = 25
float SEP_X = 0.001
float SEP_Y = 0.001
createmap /library/cell /network {NX} {NY} -delta {SEP_X} {SEP_Y}
planarconnect /network/cell[]/soma/spike /network/cell[]/soma/Ex_channel \
    -relative -sourcemask box -1 -1 1 1 \
    -destmask ellipse 0 0 {SEP_X * 1.2} {SEP_Y * 1.2} \
    -desthole box {-SEP_X * 0.5} {-SEP_Y * 0.5} {SEP_X * 0.5} {SEP_Y * 0.5} \
    -probability 1.1
planardelay /network/cell[]/soma/spike -fixed {SEP_X / 0.5}
planarweight /network/cell[]/soma/spike -fixed 10

int middlecell = {round {(NY - 1) / 2}} * NX + {round {(NX - 1) / 2}}
int edgecell = {round {(NY - 1) / 2}} * NX + NX - 1
create pulsegen /injectpulse
setfield /injectpulse width1 0.05 delay1 0 baselevel 0 trig_mode 0 delay2 1 width2 0 \
    level1 1
create diffamp /injectpulse/injcurr
setfield /injectpulse/injcurr saturation 10000 gain 1e-9
addmsg /injectpulse /injectpulse/injcurr PLUS output
addmsg /injectpulse/injcurr /network/cell[{middlecell}]/soma INJECT output

create asc_file /vm3
setfield /vm3 filename Vm3.dat leave_open 1 float_format "%.9g"
addmsg /network/cell[{middlecell}]/soma /vm3 SAVE Vm
addmsg /network/cell[0]/soma /vm3 SAVE Vm
addmsg /network/cell[{edgecell}]/soma /vm3 SAVE Vm
reset
step 0.5 -time
setfield /vm3 leave_open 0
call /vm3 RESET
include compare3.lua
