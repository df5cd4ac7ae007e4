// test-options: -nox
// hsolve errors: an empty path, a path matching nothing or naming a
// non-compartment (SETUP refuses, nothing changes), bad field values,
// unknown integration methods, an explicit method on a compartment,
// findsolvefield before SETUP, with chanmode below 2, for an element the
// solve does not hold and for a field it does not keep, and a compartment
// linked to one outside the path (reset refuses)
create neutral /cell
create compartment /cell/soma
setfield /cell/soma Rm 1e8 Cm 1e-10 Em -0.065 initVm -0.065 Ra 1e7
create compartment /cell/dend
setfield /cell/dend Rm 1e8 Cm 1e-10 Em -0.065 initVm -0.065 Ra 1e7
addmsg /cell/soma /cell/dend AXIAL Vm
addmsg /cell/dend /cell/soma RAXIAL Ra Vm
create tabchannel /cell/soma/K
create hsolve /cell/solve
setfield /cell/solve path ""
call /cell/solve SETUP
setfield /cell/solve path ../nothing[]
call /cell/solve SETUP
setfield /cell/solve path ../soma/K
call /cell/solve SETUP
echo ncompts {getfield /cell/solve ncompts}
setfield /cell/solve chanmode 6
setfield /cell/solve calcmode 2 outclock 100
echo chanmode {getfield /cell/solve chanmode}
setmethod /cell/solve 7
setmethod 12
setmethod /cell/solve fast
setmethod /cell/soma 2
setmethod /nowhere 10
echo method {getfield /cell/solve method}
findsolvefield /cell/solve /cell/soma Vm
setfield /cell/solve path ../soma
call /cell/solve SETUP
findsolvefield /cell/solve /cell/soma Vm
setfield /cell/solve chanmode 3
findsolvefield /cell/solve /cell/dend Vm
findsolvefield /cell/solve /cell/soma Gk
findsolvefield /cell/soma /cell/soma Vm
call /cell/solve SETUP extra
setclock 0 1e-4
reset
echo soma {getfield /cell/soma Vm}
