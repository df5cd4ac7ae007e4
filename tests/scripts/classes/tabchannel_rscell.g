// The RSnet tutorial's cell (RScell.p, DPchans.g) built by hand: its Vm
// under RSnet's pulse (1 nA from t = 0 for 50 ms) against a real GENESIS 2.4
// run of RSnet (the middle cell, alone until synaptic input arrives at
// 31.5 ms), and its spike times. The reference values were printed by
// GENESIS with %.9g after each step; readcell computes the area and
// conductances in C floats, this script in doubles, hence the 1e-6 V margin.
float EREST_ACT = -0.063
float PI = 3.1415926536
float dt = 50e-6
setclock 0 {dt}
create neutral /cell
create compartment /cell/soma
float surf = 105e-6*105e-6*PI
setfield /cell/soma Rm {2.2/surf} Cm {0.01*surf} Em -0.08 initVm -0.07 Ra {4.0*2.5/(105e-6*PI)}
create tabchannel /cell/soma/Na
setfield ^ Ek 0.050 Gbar {516*surf} Xpower 3 Ypower 1 Zpower 0
setupalpha ^ X {320e3 * (0.013 + EREST_ACT)} -320e3 -1.0 {-1.0 * (0.013 + EREST_ACT)} -0.004 {-280e3 * (0.040 + EREST_ACT)} 280e3 -1.0 {-1.0 * (0.040 + EREST_ACT)} 5.0e-3
setupalpha ^ Y 128.0 0.0 0.0 {-1.0 * (0.017 + EREST_ACT - 0.010)} 0.018 4.0e3 0.0 1.0 {-1.0 * (0.040 + EREST_ACT - 0.010)} -5.0e-3
create tabchannel /cell/soma/Kdr
setfield ^ Ek -0.09 Gbar {100*surf} Xpower 4 Ypower 0 Zpower 0
setupalpha ^ X {32e3 * (0.015 + EREST_ACT)} -32e3 -1.0 {-1.0 * (0.015 + EREST_ACT)} -0.005 500 0.0 0.0 {-1.0 * (0.010 + EREST_ACT)} 0.04
create tabchannel /cell/soma/KM
setfield ^ Ek -0.09 Gbar {5*surf} Xpower 1 Ypower 0 Zpower 0
setupalpha ^ X -3.0 -100.0 -1.0 0.03 -0.009 3.0 100.0 -1.0 0.030 0.009
str ch
foreach ch (Na Kdr KM)
    addmsg /cell/soma /cell/soma/{ch} VOLTAGE Vm
    addmsg /cell/soma/{ch} /cell/soma CHANNEL Gk Ek
end
create spikegen /cell/soma/spike
setfield ^ thresh 0 abs_refract 0.004 output_amp 1
addmsg /cell/soma /cell/soma/spike INPUT Vm
create pulsegen /pulse
setfield ^ level1 1 width1 0.05 delay1 0 delay2 1
create diffamp /pulse/amp
setfield ^ saturation 1 gain 1e-9
addmsg /pulse /pulse/amp PLUS output
addmsg /pulse/amp /cell/soma INJECT output
function check(n, want)
    float got = {getfield /cell/soma Vm}
    if ({abs {got - want}} < 1e-6)
        echo step {n}: Vm matches GENESIS
    else
        echo step {n}: Vm {got}, GENESIS {want}
    end
end
reset
int n = 0
float last = {getfield /cell/soma/spike lastevent}
step 1
check 1 -0.070028484
step 49
check 50 -0.0646877802
step 50
check 100 -0.0598078866
step 50
check 150 -0.0542819009
step 26
check 176 -0.0155446448
step 1
check 177 0.00822548618
step 1
check 178 0.0300396467
step 1
check 179 0.0402639609
step 21
check 200 -0.0685378558
step 100
check 300 -0.065836044
step 100
check 400 -0.0562616534
step 43
check 443 -0.0198634386
step 1
check 444 0.000781190312
step 1
check 445 0.0237010734
step 1
check 446 0.0368321219
step 54
check 500 -0.0731872917
step 100
check 600 -0.062676795
// GENESIS stamps the middle cell's spikes at 8.85 ms and 22.2 ms
reset
int i
for (i = 1; i <= 600; i = i + 1)
    step 1
    if ({getfield /cell/soma/spike state} > 0)
        echo spike at step {i}, t = {getfield /cell/soma/spike lastevent}
    end
end
