// regions_auto.g: regions placed by regionmap (docs/regions.md, "Regions
// placed by gensh"). Region fixed is on node 0 by the script; r0 ... r4,
// of unequal sizes (costs 100, 60, 50, 30, 30), are declared -node auto,
// mapped by regionmap, then made on the node it chose. A ring of patterns
// joins them (each region's 4 cells feed the next region's), a driven by
// currents that differ cell by cell; every region writes its cells' Vm
// every step to its own file (REGION.txt) on its node. The files must not
// depend on the node count; node 0 prints the mapping.
include regions_cell
paron -parallel
int N = {nnodes}
int me = {mynode}
setclock 0 1e-4
// a region's cells and its Vm file, made on its node
function make(r)
    str r
    int i
    createmap /proto/cell /{r} 4 1 -delta 1e-3 1e-3
    create asc_file /out{r}
    setfield /out{r} filename {r}.txt leave_open 1 float_format %.9g
    for (i = 0; i < 4; i = i + 1)
        addmsg /{r}/cell[{i}]/soma /out{r} SAVE Vm
    end
end
if (me == 0)
    make fixed
end
region fixed /fixed -node 0 -cells 10
region r0 /r0 -node auto -cells 100
region r1 /r1 -node auto -cells 40 -synapses 2000
region r2 /r2 -node auto -cells 50
region r3 /r3 -node auto -cells 30
region r4 /r4 -node auto -cells 20 -synapses 1000
echo mapped {regionmap}
showregion
str r
foreach r (r0 r1 r2 r3 r4)
    if ({regionnode {r}} == me)
        make {r}
    end
end
str prev = "fixed"
foreach r (fixed r0 r1 r2 r3 r4)
    echo {r} node {regionnode {r}} ports {regionport {r} /{r}/cell[0:4]/soma/spike -output} \
        {regionport {r} /{r}/cell[*]/soma/syn -input}
end
foreach r (r0 r1 r2 r3 r4 fixed)
    echo {prev} -> {r} {regionconnect {prev}_{r} /{prev}/cell[0:4]/soma/spike /{r}/cell[0:4]/soma/syn -random 0.6 -seed 5 -weight 25 -delay 0.002}
    prev = r
end
showregion r3
if (me == 0)
    int i
    for (i = 0; i < 4; i = i + 1)
        setfield /fixed/cell[{i}]/soma inject {0.6e-9 + 0.15e-9 * i}
    end
end
reset
step 0.05 -time
