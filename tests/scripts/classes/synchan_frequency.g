// synchan background: `frequency` adds Poisson events of weight 1; each
// adds the alpha function's area, gmax e tau, so the mean Gk is
// frequency gmax e tau (100 Hz, 1 nS, 20 ms: 5.44 nS); 10 s hold about
// 1000 events, so the mean is within 10% (the draws are keyed by the seed
// and the element, so the run repeats exactly)
setclock 0 1e-3
create compartment /c
setfield /c Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
create synchan /c/syn
setfield /c/syn Ek 0 gmax 1e-9 tau1 20e-3 tau2 20e-3 frequency 100
addmsg /c /c/syn VOLTAGE Vm
reset
float sum = 0
int i
for (i = 0; i < 10000; i = i + 1)
    step 1
    sum = sum + {getfield /c/syn Gk}
end
float want = 100 * 1e-9 * {exp 1} * 20e-3
echo mean Gk within 10% of frequency gmax e tau: {{abs {sum / 10000 - want}} < 0.1 * want}
float first = sum
reset
sum = 0
for (i = 0; i < 10000; i = i + 1)
    step 1
    sum = sum + {getfield /c/syn Gk}
end
echo the same after reset: {sum == first}
setfield /c/syn frequency 0
reset
step 100
echo frequency 0: Gk {getfield /c/syn Gk}
