// randomspike (the reset draw, the spike draws, random amplitudes) and
// synchan background frequency with GENESIS's generators: spike for spike
// and draw for draw as GENESIS 2.4 (the .out is nxgenesis's output for
// this script, run with GENESIS's default schedule, less its "completed
// 200 steps" line): all draws come from
// one sequence, randomspikes first, then synchans, each in element order
setrand -sprng
randseed 5
setclock 0 5e-5
int i, j
for (j = 0; j < 3; j = j + 1)
    create compartment /c{j}
    setfield /c{j} Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
    create synchan /c{j}/syn
    setfield /c{j}/syn tau1 1e-3 tau2 2e-3 gmax 1e-9 Ek 0 frequency {100 + 50*j}
    addmsg /c{j}/syn /c{j} CHANNEL Gk Ek
    addmsg /c{j} /c{j}/syn VOLTAGE Vm
end
for (i = 0; i < 5; i = i + 1)
    create randomspike /r{i}
    setfield /r{i} rate {100 + 40*i} abs_refract 0.001 min_amp 0.5 max_amp 1.5
    addmsg /r{i} /c{i % 3}/syn SPIKE
end
reset
for (i = 0; i < 400; i = i + 1)
    step 1
    echo {getfield /r0 state} {getfield /r3 state} {getfield /c0/syn Gk} {getfield /c1/syn Gk} {getfield /c2 Vm}
end
echo {rand 0 1}
setrand -nr
reset
step 200
echo {getfield /c0/syn Gk} {getfield /c1/syn Gk} {getfield /c2/syn Gk} {rand 0 1}
