// rmsg_show.g: rshowmsg on both ends of remote messages. The last node
// holds a compartment with a spikegen; node 0 a synchan, a graph and a
// par_asc_file that receive a SPIKE, a PLOT and a SAVE from them. On one
// node the messages are local and rshowmsg prints what showmsg prints.
paron -parallel
int last = {nnodes} - 1
setclock 0 1e-4
if ({mynode} == 0)
    create compartment /d
    create synchan /d/syn
    create xform /data
    create xgraph /data/g
    create par_asc_file /out
    setfield /out filename out.txt
end
if ({mynode} == last)
    create compartment /src
    setfield /src Vm -0.065
    create spikegen /src/spike
    addmsg /src /src/spike INPUT Vm
end
barrier
if ({mynode} == last)
    raddmsg /src/spike /d/syn@0 SPIKE
    raddmsg /src /data/g@0 PLOT Vm *v *red
    raddmsg /src /out@0 SAVE 0 Vm
end
barrier
if ({mynode} == 0)
    setfield /d/syn synapse[0].weight 2 synapse[0].delay 0.003
end
barrier
if ({mynode} == last)
    rshowmsg /src/spike
    rshowmsg /src
end
barrier
if ({mynode} == 0)
    echo node 0
    rshowmsg /d/syn
    rshowmsg /data/g
end
barrier
