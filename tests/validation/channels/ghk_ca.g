// ghk_ca.g: a ghk element as the calcium current of a spiking
// compartment, for tests/validation/channels.test. One compartment with
// squid Na and K tabchannels; a tabchannel with the Na X gate's rates,
// not connected to the compartment, gives the permeability (its Gk, into
// PERMEABILITY); the ghk reads the Vm (VOLTAGE) and the pool's Ca (CIN,
// Cout 2 mM, valency 2, 30 C), sends CHANNEL Gk Ek to the compartment
// and its Ik into the pool (I_Ca). 0.2 nA, 2500 steps of 20 us; Vm, Ca,
// the ghk's Ik, Gk and Ek written every step with 15 digits. Runs
// unchanged in GENESIS 2.4.
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
create tabchannel /soma/CaP
setfield /soma/CaP Ek 0 Gbar 1e-15 Xpower 2
setupalpha /soma/CaP X -4000 -1e5 -1 0.040 -0.010  4000 0 0 0.065 0.018 -size 3000 -range -0.1 0.05
create Ca_concen /soma/pool
setfield /soma/pool B 1e9 tau 0.02 Ca_base 5e-5
create ghk /soma/ghk
setfield /soma/ghk Cout 2 valency 2 T 30
addmsg /soma/Na /soma CHANNEL Gk Ek
addmsg /soma /soma/Na VOLTAGE Vm
addmsg /soma/K /soma CHANNEL Gk Ek
addmsg /soma /soma/K VOLTAGE Vm
addmsg /soma /soma/CaP VOLTAGE Vm
addmsg /soma/CaP /soma/ghk PERMEABILITY Gk
addmsg /soma /soma/ghk VOLTAGE Vm
addmsg /soma/pool /soma/ghk CIN Ca
addmsg /soma/ghk /soma CHANNEL Gk Ek
addmsg /soma/ghk /soma/pool I_Ca Ik
create asc_file /out
setfield /out filename ghk_ca.out leave_open 1 float_format %.15g
addmsg /soma /out SAVE Vm
addmsg /soma/pool /out SAVE Ca
addmsg /soma/ghk /out SAVE Ik
addmsg /soma/ghk /out SAVE Gk
addmsg /soma/ghk /out SAVE Ek
setclock 0 2e-5
reset
step 2500
quit
