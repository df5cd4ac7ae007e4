// regions, ports and patterns (issue 14): one to one, all to all and
// random patterns between small regions, counted and listed pair by pair,
// with their weights and delays read back from the synapses
include netcell
createmap /proto/cell /lam 4 1 -delta 1e-3 1e-3
createmap /proto/cell /med 3 1 -delta 1e-3 1e-3
region lam /lam
region med /med
echo outputs {regionport lam /lam/cell[0:4]/soma/spike -output}
echo inputs {regionport lam /lam/cell[*]/soma/syn -input}
echo outputs {regionport med /med/cell[0:3]/soma/spike -output}
echo inputs {regionport med /med/cell[2,1,0]/soma/syn -input}
showregion med
// one to one, in selector order: lam 1 -> med 2, lam 3 -> med 0
echo made {regionconnect p1 /lam/cell[1,3]/soma/spike /med/cell[2,0]/soma/syn -weight 2 -delay 0.005}
showpattern p1
echo {getsynsrc /med/cell[2]/soma/syn 0} {getsynsrc /med/cell[0]/soma/syn 0}
echo {getfield /med/cell[2]/soma/syn synapse[0].weight} {getfield /med/cell[2]/soma/syn synapse[0].delay}
// all to all: 2 x 3
echo made {regionconnect p2 /med/cell[0:2]/soma/spike /lam/cell[1:4]/soma/syn -alltoall}
showpattern p2
echo lam syn counts {getsyncount /lam/cell[0]/soma/syn} {getsyncount /lam/cell[1]/soma/syn} \
    {getsyncount /lam/cell[2]/soma/syn} {getsyncount /lam/cell[3]/soma/syn}
// random: probability 0 and 1 are none and all; in between the pairs
// depend only on the seed and the ports, not on the selector's order
echo made {regionconnect r0 /lam/cell[0:4]/soma/spike /med/cell[0:3]/soma/syn -random 0}
echo made {regionconnect r1 /lam/cell[0:4]/soma/spike /med/cell[0:3]/soma/syn -random 1 -delay 0.001}
echo made {regionconnect ra /lam/cell[0:4]/soma/spike /med/cell[0:3]/soma/syn -random 0.5 -seed 7}
echo made {regionconnect rb /lam/cell[3,2,1,0]/soma/spike /med/cell[2,1,0]/soma/syn -random 0.5 -seed 7}
showpattern ra
showpattern rb
echo made {regionconnect rc /lam/cell[0:4]/soma/spike /med/cell[0:3]/soma/syn -random 0.5 -seed 8}
showpattern rc
