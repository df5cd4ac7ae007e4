// axon.g: Rallpack 3 for tests/validation/rallpack.test. The cable of
// Rallpack 1 (1000 compartments, 1 mm, 1 um across) with Hodgkin and
// Huxley's squid Na and K channels in every compartment (GNa 1200 S/m^2,
// GK 360 S/m^2, ENa 50 mV, EK -77 mV, rest -65 mV), 0.1 nA into the
// first compartment; an hsolve (chanmode 3, Crank-Nicolson unless the
// first argument names another method) integrates the compartments and
// the channels. The Vm of both ends is written every step for 0.25 s (or
// the number of 50 us steps given as the second argument). Runs unchanged
// in GENESIS 2.4.
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

create neutral /axon
create compartment /axon/c[0]
setfield /axon/c[0] Ra {1.0 * len / xarea} Rm {4.0 / area} Cm {0.01 * area} \
    Em -0.065 initVm -0.065
// m^3 h sodium and n^4 potassium, rates in 1/s of V in volts, tabulated
// by setupalpha as (A + B V) / (C + exp((V + D) / F))
create tabchannel /axon/c[0]/Na
setfield /axon/c[0]/Na Ek 0.050 Gbar {1200 * area} Xpower 3 Ypower 1
setupalpha /axon/c[0]/Na X -4000 -1e5 -1 0.040 -0.010  4000 0 0 0.065 0.018 \
    -size 3000 -range -0.1 0.05
setupalpha /axon/c[0]/Na Y 70 0 0 0.065 0.020  1000 0 1 0.035 -0.010 \
    -size 3000 -range -0.1 0.05
create tabchannel /axon/c[0]/K
setfield /axon/c[0]/K Ek -0.077 Gbar {360 * area} Xpower 4
setupalpha /axon/c[0]/K X -550 -1e4 -1 0.055 -0.010  125 0 0 0.065 0.080 \
    -size 3000 -range -0.1 0.05
addmsg /axon/c[0]/Na /axon/c[0] CHANNEL Gk Ek
addmsg /axon/c[0] /axon/c[0]/Na VOLTAGE Vm
addmsg /axon/c[0]/K /axon/c[0] CHANNEL Gk Ek
addmsg /axon/c[0] /axon/c[0]/K VOLTAGE Vm
for (i = 1; i < n; i = i + 1)
    copy /axon/c[0] /axon/c[{i}]
    addmsg /axon/c[{i - 1}] /axon/c[{i}] AXIAL Vm
    addmsg /axon/c[{i}] /axon/c[{i - 1}] RAXIAL Ra Vm
end
setfield /axon/c[0] inject 1e-10

create asc_file /out0
create asc_file /outx
setfield /out0 filename axon.0 leave_open 1
setfield /outx filename axon.x leave_open 1
addmsg /axon/c[0] /out0 SAVE Vm
addmsg /axon/c[{n - 1}] /outx SAVE Vm
// the outputs exist before SETUP, as GENESIS's chanmode 3 needs
create hsolve /axon/solve
setfield /axon/solve path /axon/c[] chanmode 3
setmethod /axon/solve {method}
call /axon/solve SETUP
setclock 0 50e-6
setclock 1 50e-6
useclock /out0 1
useclock /outx 1
reset
step {steps}
quit
