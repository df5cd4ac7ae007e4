create compartment /c1
create compartment /c2
setfield /c1 Ra 1e6 Rm 1e8 Cm 1e-11
setfield /c2 Ra 1e6 Rm 1e8 Cm 1e-11
addmsg /c1 /c2 RAXIAL Ra Vm
addmsg /c2 /c1 AXIAL Vm
create asc_file /out
setfield /out filename vm.txt leave_open 1
addmsg /c1 /out SAVE Vm
showmsg /c1
setclock 0 1e-5
reset
step 20
deletemsg /c1 0 -out
step 5 -verbose
