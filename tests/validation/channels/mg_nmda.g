// mg_nmda.g: an NMDA synapse under an Mg_block, for
// tests/validation/channels.test. A presynaptic squid compartment (0.3
// nA) fires through a spikegen into a dual-exponential synchan (2 ms, 20
// ms, 3 nS, Ek 0, delay 1 ms) on a second squid compartment; the synchan's
// Gk goes through an Mg_block (its child: KMg_A 3.57 mM, KMg_B 16.13 mV,
// [Mg] 1.2 mM, Zador, Koch and Brown's values) into the compartment.
// 2500 steps of 20 us; the post Vm, the synchan's Gk, the block's Gk and
// Ik and the pre Vm written every step with 15 digits. Runs unchanged in
// GENESIS 2.4.
float area = 3.14159e-9
str c
foreach c (/pre /post)
    create compartment {c}
    setfield {c} Rm {1.0 / area} Cm {0.01 * area} Em -0.065 initVm -0.065
    create tabchannel {c}/Na
    setfield {c}/Na Ek 0.050 Gbar {1200 * area} Xpower 3 Ypower 1
    setupalpha {c}/Na X -4000 -1e5 -1 0.040 -0.010  4000 0 0 0.065 0.018 -size 3000 -range -0.1 0.05
    setupalpha {c}/Na Y 70 0 0 0.065 0.020  1000 0 1 0.035 -0.010 -size 3000 -range -0.1 0.05
    create tabchannel {c}/K
    setfield {c}/K Ek -0.077 Gbar {360 * area} Xpower 4
    setupalpha {c}/K X -550 -1e4 -1 0.055 -0.010  125 0 0 0.065 0.080 -size 3000 -range -0.1 0.05
    addmsg {c}/Na {c} CHANNEL Gk Ek
    addmsg {c} {c}/Na VOLTAGE Vm
    addmsg {c}/K {c} CHANNEL Gk Ek
    addmsg {c} {c}/K VOLTAGE Vm
end
setfield /pre inject 3e-10
create spikegen /pre/spike
setfield /pre/spike thresh 0 abs_refract 0.002 output_amp 1
addmsg /pre /pre/spike INPUT Vm
create synchan /post/NMDA
setfield /post/NMDA Ek 0 tau1 0.002 tau2 0.020 gmax 3e-9
create Mg_block /post/NMDA/block
setfield /post/NMDA/block KMg_A 3.57 KMg_B 0.01613 CMg 1.2
addmsg /post /post/NMDA VOLTAGE Vm
addmsg /post/NMDA /post/NMDA/block CHANNEL Gk Ek
addmsg /post /post/NMDA/block VOLTAGE Vm
addmsg /post/NMDA/block /post CHANNEL Gk Ek
addmsg /pre/spike /post/NMDA SPIKE
setfield /post/NMDA synapse[0].weight 1 synapse[0].delay 0.001
create asc_file /out
setfield /out filename mg_nmda.out leave_open 1 float_format %.15g
addmsg /post /out SAVE Vm
addmsg /post/NMDA /out SAVE Gk
addmsg /post/NMDA/block /out SAVE Gk
addmsg /post/NMDA/block /out SAVE Ik
addmsg /pre /out SAVE Vm
setclock 0 2e-5
reset
step 2500
quit
