// rmsg_errors.g: raddmsg value messages that must fail, each with its
// message and the line that asked, and that change nothing: an unknown
// type, a wrong slot count, a destination of the wrong class, a field
// the source lacks, a destination that does not exist. Sources on the
// last node, destinations on node 0.
paron -parallel
int last = {nnodes} - 1
if ({mynode} == 0)
    create xform /data
    create xgraph /data/g
    create neutral /data/plain
end
if ({mynode} == last)
    create compartment /src
end
barrier
if ({mynode} == last)
    raddmsg /src /data/g@0 PLOTX Vm *a *red
    raddmsg /src /data/g@0 PLOT Vm *a
    raddmsg /src /data/plain@0 PLOT Vm *a *red
    raddmsg /src /data/g@0 PLOT Vmm *a *red
    raddmsg /src /data/nothing@0 PLOT Vm *a *red
    raddmsg /src /data/g@0 SAVE 1
    rshowmsg /src
end
barrier
if ({mynode} == 0)
    showmsg /data/g
    le /data/g
    echo {exists /rvalues}
end
barrier
