// parh5in.g: cells 0-5 dealt round the nodes (cell k on node k % nnodes),
// each driven by its node's hdf5_in from stim.h5 (val[k]), each cell's
// Vm in its own file vm_k.txt; each node says how many columns it reads.
paron -parallel
setclock 0 1e-4
int k
create hdf5_in /stim
setfield /stim filename stim.h5
for (k = {mynode}; k < 6; k = k + {nnodes})
    create compartment /c{k}
    setfield /c{k} Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
    addmsg /stim /c{k} INJECT val[{k}]
    create asc_file /vm{k}
    setfield /vm{k} filename vm_{k}.txt float_format %.17g leave_open 1
    addmsg /c{k} /vm{k} SAVE Vm
end
reset
echo nread {mynode} {getfield /stim nread} of {getfield /stim ncols}
step 200
