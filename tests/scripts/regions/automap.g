// test-options: -nox
// regions placed by regionmap (-node auto) on one node: bad input is an
// error that declares nothing; a region without a node yet cannot take
// ports, patterns or be shown; regionmap places it (on node 0 here: the
// mapping over several nodes is tests/parallel/regions_auto.test's), and
// its root must exist on that node once ports are added
include netcell
createmap /proto/cell /a 2 1
region x /x -node auto
region x /x -node banana
region x /x -node auto -cells -5
region x /x -node 0 -cells 5 -synapses inf
region x /x -node auto -cells 5 -synapses 100
region a /a -node auto -cells 2
echo {regionport a /a/cell[0:2]/soma/spike -output}
echo {regionnode a}
showregion a
regionconnect p /a/cell[0:2]/soma/spike /a/cell[0:2]/soma/syn
echo {regionnode nothere}
showregion
echo mapped {regionmap}
echo again {regionmap}
echo node {regionnode a} {regionnode x}
showregion
echo ports {regionport a /a/cell[0:2]/soma/spike -output} {regionport a /a/cell[0:2]/soma/syn -input}
echo {regionport x /x/cell[0:2]/soma/spike -output}
echo made {regionconnect p /a/cell[0:2]/soma/spike /a/cell[0:2]/soma/syn -weight 2}
showpattern p
