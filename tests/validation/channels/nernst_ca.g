// nernst_ca.g: a nernst element setting the reversal potential of a
// calcium channel from the pool the channel fills, for
// tests/validation/channels.test. One compartment with squid Na and K
// tabchannels and a Ca tabchannel (I_Ca into a Ca_concen), the pool's Ca
// into a nernst (CIN; Cout 2, valency 2, 27 C), its E into the Ca
// channel (EK); a pulsegen raises T to 37 C at 20 ms (TEMP). 0.2 nA, 2500
// steps of 20 us; Vm, Ca, E, the nernst constant and the Ca channel's Ik
// written every step with 15 digits. Runs unchanged in GENESIS 2.4.
float area = 3.14159e-9
create compartment /soma
setfield /soma Rm {1.0 / area} Cm {0.01 * area} Em -0.065 initVm -0.065 inject 2e-10
create tabchannel /soma/Na
setfield /soma/Na Ek 0.050 Gbar {1200 * area} Xpower 3 Ypower 1
setupalpha /soma/Na X -4000 -1e5 -1 0.040 -0.010  4000 0 0 0.065 0.018 -size 3000 -range -0.1 0.05
setupalpha /soma/Na Y 70 0 0 0.065 0.020  1000 0 1 0.035 -0.010 -size 3000 -range -0.1 0.05
create tabchannel /soma/K
setfield /soma/K Ek -0.077 Gbar {360 * area} Xpower 4
setupalpha /soma/K X -550 -1e4 -1 0.055 -0.010  125 0 0 0.065 0.080 -size 3000 -range -0.1 0.05
create tabchannel /soma/Ca
setfield /soma/Ca Ek 0.12 Gbar {50 * area} Xpower 1
setupalpha /soma/Ca X -4000 -1e5 -1 0.040 -0.010  4000 0 0 0.065 0.018 -size 3000 -range -0.1 0.05
create Ca_concen /soma/pool
setfield /soma/pool B 1e10 tau 0.02 Ca_base 5e-5
create nernst /soma/ECa
setfield /soma/ECa Cout 2 valency 2 T 27 scale 1
create pulsegen /temp
setfield /temp level1 37 width1 1 delay1 0.02 baselevel 27
addmsg /soma/Na /soma CHANNEL Gk Ek
addmsg /soma /soma/Na VOLTAGE Vm
addmsg /soma/K /soma CHANNEL Gk Ek
addmsg /soma /soma/K VOLTAGE Vm
addmsg /soma/Ca /soma CHANNEL Gk Ek
addmsg /soma /soma/Ca VOLTAGE Vm
addmsg /soma/Ca /soma/pool I_Ca Ik
addmsg /soma/pool /soma/ECa CIN Ca
addmsg /soma/ECa /soma/Ca EK E
addmsg /temp /soma/ECa TEMP output
create asc_file /out
setfield /out filename nernst_ca.out leave_open 1 float_format %.15g
addmsg /soma /out SAVE Vm
addmsg /soma/pool /out SAVE Ca
addmsg /soma/ECa /out SAVE E
addmsg /soma/ECa /out SAVE constant
addmsg /soma/Ca /out SAVE Ik
setclock 0 2e-5
reset
step 2500
quit
