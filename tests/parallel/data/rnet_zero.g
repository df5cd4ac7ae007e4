// rnet_zero.g: a SPIKE message with no delay from node 0 to the last
// node. On one node the message is local and an event acts in the step
// its spike is detected; across nodes it acts one step later, as in
// PGENESIS, where the spike reaches the other node in the next step and
// the synchan makes a late event due at once. The source fires at steps
// 0 and 4 (Vm held above threshold, 3.5 steps refractory).
paron -parallel
int N = {nnodes}
setclock 0 1e-4
if ({mynode} == 0)
    create compartment /c
    setfield /c initVm 0.01 Em 0.01 Rm 1e9 Cm 1e-12
    create spikegen /c/spike
    setfield /c/spike thresh 0 abs_refract 0.00035 output_amp 1
    addmsg /c /c/spike INPUT Vm
end
if ({mynode} == N - 1)
    create synchan /syn
    setfield /syn tau1 1e-3 tau2 1e-3 gmax 1e-9
end
barrier
if ({mynode} == 0)
    raddmsg /c/spike /syn@{N - 1} SPIKE
end
barrier
reset
int i
for (i = 1; i <= 7; i = i + 1)
    step
    if ({mynode} == N - 1)
        echo step {i} Gk {getfield /syn Gk}
    end
end
