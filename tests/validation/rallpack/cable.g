// cable.g: Rallpack 1 for tests/validation/rallpack.test. A passive
// unbranched cable, 1 mm long and 1 um across (RM 4 ohm m^2, RA 1 ohm m,
// CM 0.01 F/m^2, Em -65 mV), as 1000 equal compartments in one chain,
// 0.1 nA into the first. The compartments are solved together by an
// hsolve (Crank-Nicolson, or the method given as the first argument); the
// Vm of the first and last compartments is written every step, for 0.25 s
// (or the number of 50 us steps given as the second argument). Runs
// unchanged in GENESIS 2.4.
int method = 11
int steps = 5000
if ({argc} > 0)
    method = {argv 1}
end
if ({argc} > 1)
    steps = {argv 2}
end
float len = 1.0e-6
float dia = 1.0e-6
float PI = 3.1415926535
float area = PI * len * dia
float xarea = PI * dia * dia / 4.0
int n = 1000
int i

create neutral /cable
create compartment /cable/c[0]
setfield /cable/c[0] Ra {1.0 * len / xarea} Rm {4.0 / area} Cm {0.01 * area} \
    Em -0.065 initVm -0.065
for (i = 1; i < n; i = i + 1)
    copy /cable/c[0] /cable/c[{i}]
    addmsg /cable/c[{i - 1}] /cable/c[{i}] AXIAL Vm
    addmsg /cable/c[{i}] /cable/c[{i - 1}] RAXIAL Ra Vm
end
setfield /cable/c[0] inject 1e-10

create asc_file /out0
create asc_file /outx
setfield /out0 filename cable.0 leave_open 1
setfield /outx filename cable.x leave_open 1
addmsg /cable/c[0] /out0 SAVE Vm
addmsg /cable/c[{n - 1}] /outx SAVE Vm
// GENESIS updates Vm under chanmode 3 only for the messages that exist at
// SETUP: the outputs come first
create hsolve /cable/solve
setfield /cable/solve path /cable/c[] chanmode 3
setmethod /cable/solve {method}
call /cable/solve SETUP

setclock 0 50e-6
setclock 1 50e-6
useclock /out0 1
useclock /outx 1
reset
step {steps}
quit
