// regions_bad.g: bad input to regions on nodes is refused on every node,
// with nothing half made: a region on a node that does not exist, a
// region whose root is missing on its node, ports that select nothing, a
// pattern whose destination on another node is not a port. Region a is on
// node 0, b on the last node; every node prints what it holds after.
include regions_cell
paron -parallel
int N = {nnodes}
int me = {mynode}
int last = N - 1
if (me == 0)
    createmap /proto/cell /a 2 1
end
if (me == last)
    createmap /proto/cell /b 2 1
    create neutral /b/plain
end
region x /a -node 7
region y /nothing -node {last}
region a /a -node 0
region b /b -node {last}
regionport b /b/cell[0:2]/soma/spike -output
regionport b /b/cell[5]/soma/syn -input
regionport a /a/cell[0:2]/soma/spike -output
regionport b /b/cell[0:2]/soma/syn -input
regionconnect p /a/cell[0:2]/soma/spike /b/cell[0]/soma/syn,/b/plain -alltoall
regionconnect p /a/cell[0:2]/soma/spike /b/cell[0:2]/soma/spike
regionconnect p /a/cell[0:3]/soma/spike /b/cell[0:2]/soma/syn
showpattern p
showregion x
showregion y
if (me == last)
    echo node {me} synapses {getsyncount /b/cell[0]/soma/syn} {getsyncount /b/cell[1]/soma/syn}
end
echo node {me} made {regionconnect p /a/cell[0:2]/soma/spike /b/cell[1,0]/soma/syn}
if (me == last)
    echo node {me} synapses {getsyncount /b/cell[0]/soma/syn} {getsyncount /b/cell[1]/soma/syn}
end
