// regions_map.g: three regions mapped onto nodes (region k on node
// k % nnodes), each made only on its node, joined by patterns of the
// three rules in a ring: a -> b one to one, b -> c random, c -> a all to
// all, and a -> c one to one (both regions on node 0 on two nodes). a's
// cells are driven by currents that differ cell by cell; every region
// writes its cells' Vm every step to its own file (REGION.txt) on its
// node. The files, the counts and showpattern's text must not depend on
// the node count.
include regions_cell
paron -parallel
int N = {nnodes}
int me = {mynode}
setclock 0 1e-4
str r
int k = 0
foreach r (a b c)
    if ({k % N} == me)
        createmap /proto/cell /{r} 4 1 -delta 1e-3 1e-3
        create asc_file /out{r}
        setfield /out{r} filename {r}.txt leave_open 1 float_format %.9g
        int i
        for (i = 0; i < 4; i = i + 1)
            addmsg /{r}/cell[{i}]/soma /out{r} SAVE Vm
        end
    end
    region {r} /{r} -node {k % N}
    k = k + 1
end
foreach r (a b c)
    echo {r} ports {regionport {r} /{r}/cell[0:4]/soma/spike -output} \
        {regionport {r} /{r}/cell[*]/soma/syn -input}
end
echo ab {regionconnect ab /a/cell[0:4]/soma/spike /b/cell[3,2,1,0]/soma/syn -weight 20 -delay 0.002}
echo bc {regionconnect bc /b/cell[0:4]/soma/spike /c/cell[0:4]/soma/syn -random 0.5 -seed 3 -weight 30 -delay 0.003}
echo ca {regionconnect ca /c/cell[0:2]/soma/spike /a/cell[2:4]/soma/syn -alltoall -weight 5 -delay 0.001}
echo ac {regionconnect ac /a/cell[0]/soma/spike /c/cell[3]/soma/syn -weight 40 -delay 0.0015}
showpattern ab
showpattern bc
showpattern ca
showregion b
if ({0 % N} == me)
    int i
    for (i = 0; i < 4; i = i + 1)
        setfield /a/cell[{i}]/soma inject {0.6e-9 + 0.15e-9 * i}
    end
end
reset
step 0.06 -time
if ({2 % N} == me)
    echo c fired {getfield /c/cell[3]/soma/spike lastevent}
end
