// test-options: -nox
// hsolve: one compartment (Rm 100 Mohm, Cm 100 pF, Em -65 mV, 0.1 nA)
// under an hsolve, backward Euler (the default) and Crank-Nicolson
// (setmethod 11), against the closed forms of the two schemes,
// V(k+1) = (V(k) + dt/Cm (Em/Rm + I)) / (1 + dt/(Cm Rm)) and
// V(k+1) = 2 V' - V(k) with dt/2 in V'; a two-compartment cell near
// its steady state (Va - Em = 5.238095 mV, Vb - Em = 4.761905 mV), where
// it settles 9e-9 V above it, as GENESIS's hsolve does (nxgenesis prints
// the same two values: its elimination takes b's link to a as a float
// product, its back substitution as a double one; docs/solver.md);
// the fields; findsolvefield names that read and write through.
create neutral /cell
create compartment /cell/soma
setfield /cell/soma Rm 1e8 Cm 1e-10 Em -0.065 initVm -0.065 inject 1e-10
create hsolve /cell/solve
echo defaults: {getfield /cell/solve path} chanmode {getfield /cell/solve chanmode} \
    calcmode {getfield /cell/solve calcmode} comptmode {getfield /cell/solve comptmode} \
    method {getfield /cell/solve method}
setfield /cell/solve path ../soma chanmode 2 outclock 1 storemode 0
call /cell/solve SETUP
echo ncompts {getfield /cell/solve ncompts}
setclock 0 1e-4
reset
step 1
echo BE 1 step {getfield /cell/soma Vm}
step 9
echo BE 10 steps {getfield /cell/soma Vm}
setmethod /cell/solve 11
echo method {getfield /cell/solve method}
reset
step 1
echo CN 1 step {getfield /cell/soma Vm}
step 9
echo CN 10 steps {getfield /cell/soma Vm}
str f = {findsolvefield /cell/solve /cell/soma Vm}
echo {f} reads {getfield /cell/solve {f}}
setfield /cell/solve {f} -0.07
echo after setfield through {f}: {getfield /cell/soma Vm}
str g = {findsolvefield /cell/solve /cell/soma inject}
echo {g} reads {getfield /cell/solve {g}}
echo the same name again: {findsolvefield /cell/solve /cell/soma Vm}

create neutral /two
create compartment /two/a
setfield /two/a Rm 1e8 Cm 1e-10 Em -0.065 initVm -0.065 inject 1e-10 Ra 1e7
copy /two/a /two/b
setfield /two/b inject 0
addmsg /two/a /two/b AXIAL Vm
addmsg /two/b /two/a RAXIAL Ra Vm
create hsolve /two/solve
setfield /two/solve path ../#[TYPE=compartment]
call /two/solve SETUP
reset
step 20000
echo two: {getfield /two/a Vm} {getfield /two/b Vm}
