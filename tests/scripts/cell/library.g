// The prototype library in scripts/ (found by include through the data
// dir): the neurokit make_* functions RSnet's protodefs.g calls
// (compartments, synchans, protospike), the squid channels (hh_tchan,
// hhchan) and protodefs.g's ready-made /library, then a squid-channel cell
// read from a .p file that fires under current injection.
include compartments
include synchans
include protospike
include hhchan
echo after the includes: EREST_ACT {EREST_ACT} ENA {ENA} EK {EK} EGlu {EGlu} EGABA {EGABA} GGlu {GGlu}
EREST_ACT = -0.07        // the squid channels' kinetics follow it
create neutral /library
disable /library
ce /library
make_cylind_compartment
make_cylind_compartment          // a second call changes nothing
make_sphere_compartment
make_Ex_channel
make_Inh_channel
make_spike
make_Na_squid_hh
make_K_squid_hh
make_Na_hh_tchan /library/Na_other
ce /
le /library
showfield /library/compartment Rm Cm Ra Em len dia
showfield /library/compartment_sphere Rm Cm Ra len dia
showfield /library/Ex_channel Ek tau1 tau2 gmax
showfield /library/Inh_channel Ek tau1 tau2 gmax
showfield /library/spike thresh abs_refract output_amp
showfield /library/Na_squid_hh Ek Gbar Xpower Ypower X_A->xdivs X_A->xmin X_A->xmax
showfield /library/K_squid_hh Ek Gbar Xpower Ypower

readcell squid.p /cell
setfield /cell/soma/spike abs_refract 0.005
showfield /cell/dend/Ex_channel gmax
setclock 0 20e-6
create pulsegen /pulse
setfield /pulse level1 0.5e-9 width1 0.02 delay1 0.005 delay2 1
addmsg /pulse /cell/soma INJECT output
reset
echo rest: {getfield /cell/soma Vm}
int i, n = 0
for (i = 1; i <= 1500; i = i + 1)
    step 1
    if ({getfield /cell/soma/spike state} > 0)
        n = n + 1
        echo spike {n} at {getfield /cell/soma/spike lastevent}
    end
end
