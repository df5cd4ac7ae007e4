// pario_flow.g: node 0 writes, every step, the Vm of NC compartments of
// each other node to a par_asc_file with a slow format (%.15g goes
// through printf), while those nodes have little to compute: without
// flow control they would run ahead and node 0 would queue nearly every
// row. Each compartment rests at its own Em, so every row holds the same
// values. Node 0 prints its peak memory (kB) after reset and after the
// run: "hwm BEFORE AFTER".
paron -parallel
int me = {mynode}
int NC = 2000
int i
setclock 0 1e-4
if (me == 0)
    create par_asc_file /out
    setfield /out filename flow.txt float_format %.15g leave_open 1
else
    create compartment /pcomp
    setfield /pcomp Rm 1e9 Cm 1e-11 Ra 1e6
    createmap /pcomp /c {NC} 1
    for (i = 0; i < NC; i = i + 1)
        setfield /c/pcomp[{i}] Em {-0.07 + 0.00001*i} initVm {-0.07 + 0.00001*i}
    end
end
barrier
if (me > 0)
    for (i = 0; i < NC; i = i + 1)
        raddmsg /c/pcomp[{i}] /out@0 SAVE {(me - 1)*NC + i} Vm
    end
end
reset
str hwm0, hwm1
if (me == 0)
    sh grep VmHWM /proc/$PPID/status | tr -dc 0-9 >hwm0.txt
end
step 1500
barrier
if (me == 0)
    sh grep VmHWM /proc/$PPID/status | tr -dc 0-9 >hwm1.txt
    sh echo hwm $(cat hwm0.txt) $(cat hwm1.txt)
end
