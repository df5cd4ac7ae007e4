// bench_regions.g N FRAC P TMAX: the regions scaling benchmark's model
// (tests/perf/bench_regions runs it). 8 regions of N cells (a passive
// soma with a spikegen and a synchan: the cells are cheap, so the figures
// are the exchange's), region k on node k % nnodes, made there only. The
// first FRAC x N cells of each region are its projection neurons, its
// output ports; every cell's synchan is an input port. Every ordered
// pair of regions is joined by a random pattern from the projection
// neurons of one to the cells of the other with probability P (seeded).
// A third of the cells get a current that keeps them firing (every 10 ms
// while above threshold). Each node prints one line: build and step wall
// times (s), steps, exchange time (s) and bytes it sent.
int N = {argv 1}
float FRAC = {argv 2}
float P = {argv 3}
float TMAX = {argv 4}
int NREG = 8
paron -parallel -silent 0
setfield /post pvm_hang_time 600 msg_hang_time 3600
int me = {mynode}
int nn = {nnodes}
setclock 0 1e-4
create neutral /proto/cell
create compartment /proto/cell/soma
setfield /proto/cell/soma Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
create spikegen /proto/cell/soma/spike
setfield /proto/cell/soma/spike thresh -0.05 abs_refract 0.01
addmsg /proto/cell/soma /proto/cell/soma/spike INPUT Vm
create synchan /proto/cell/soma/syn
setfield /proto/cell/soma/syn Ek 0 tau1 0.001 tau2 0.002 gmax 1e-10
addmsg /proto/cell/soma /proto/cell/soma/syn VOLTAGE Vm
addmsg /proto/cell/soma/syn /proto/cell/soma CHANNEL Gk Ek
int NP = N * FRAC
if (NP < 1)
    NP = 1
end
sh "date +%s.%N > t_build0_"{me}
int k, j, i
for (k = 0; k < NREG; k = k + 1)
    if ({k % nn} == me)
        createmap /proto/cell /r{k} {N} 1
        for (i = 0; i < N; i = i + 3)
            setfield /r{k}/cell[{i}]/soma inject 0.3e-9
        end
    end
    region r{k} /r{k} -node {k % nn}
    regionport r{k} /r{k}/cell[0:{NP}]/soma/spike -output
    regionport r{k} /r{k}/cell[0:{N}]/soma/syn -input
end
int made = 0
for (k = 0; k < NREG; k = k + 1)
    for (j = 0; j < NREG; j = j + 1)
        if (k != j)
            made = made + {regionconnect p{k}_{j} /r{k}/cell[0:{NP}]/soma/spike \
                /r{j}/cell[0:{N}]/soma/syn -random {P} -seed {k * NREG + j} -weight 1 -delay 0.002}
        end
    end
end
reset
sh "date +%s.%N > t_step0_"{me}
step {TMAX} -time
sh "date +%s.%N > t_step1_"{me}
echo stats node {me} steps {getstat -step} synapses {made} exchange {getstat -exchange} bytes {getstat -exchangebytes}
quit@all
