// zones.g: paron's zone layouts (-farm, -mixed, -parallel), the node and
// zone numbers in each, and paron's checks: a second paron, and nodes
// that ask for different layouts, fail on every node.
paron -farm
echo@0.0 farm {mytotalnode}: node {mynode} of {nnodes}, zone {myzone} of {nzones}
barrierall 1
paroff
if ({ntotalnodes} >= 2)
    paron -mixed 2 1
    echo@0.0 mixed {mytotalnode}: node {mynode} of {nnodes}, zone {myzone} of {nzones}
    barrierall 2
    paroff
end
paron -parallel -silent 0
echo@0 parallel {mytotalnode}: node {mynode} of {nnodes}, zone {myzone} of {nzones}
barrier 3
paron -parallel
paroff
if ({mynode} == 0)
    paron -farm
else
    paron -parallel
end
echo@0 after {mytotalnode}: {nnodes} {nzones}
