// test-options: -nox
// call HSOLVE DUPLICATE NEW PATH, as network scripts give each copy of a
// cell its solver (VAnet2): the new hsolve (made when it does not exist)
// takes the settings and method of the first and the compartments PATH
// names relative to it; a copy solves as the original does. The path may
// start with a bracket ("../[][TYPE=compartment]": no name is any name).
create neutral /lib
create neutral /lib/cell
create compartment /lib/cell/soma
setfield /lib/cell/soma Rm 1e8 Cm 1e-10 Em -0.065 initVm -0.065 inject 1e-10
createmap /lib/cell /net 3 1
pushe /net/cell[0]
create hsolve solver
setmethod solver 11
setfield solver chanmode 2 path "../soma"
call solver SETUP
int i
for (i = 1; i < 3; i = i + 1)
    call solver DUPLICATE /net/cell[{i}]/solver ../[][TYPE=compartment]
end
pope
echo {el /net/cell[]/solver}
echo method {getfield /net/cell[2]/solver method} chanmode {getfield /net/cell[2]/solver chanmode} \
    ncompts {getfield /net/cell[2]/solver ncompts} path {getfield /net/cell[2]/solver path}
setfield /net/cell[1]/soma inject 2e-10
setclock 0 1e-4
reset
step 10
echo {getfield /net/cell[0]/soma Vm} {getfield /net/cell[1]/soma Vm} {getfield /net/cell[2]/soma Vm}
// findsolvefield takes the element relative to the hsolve's cell, as
// GENESIS does ("compname/childname"): ACnet2 names each copy's synchan so
str f = {findsolvefield /net/cell[2]/solver soma Vm}
echo {f} reads {getfield /net/cell[2]/solver {f}}
