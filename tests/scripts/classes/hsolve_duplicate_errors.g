// test-options: -nox
// DUPLICATE's bad input: a missing word, a destination that is not an
// hsolve, a path that names no compartment (nothing is made then).
create neutral /cell
create compartment /cell/soma
create hsolve /cell/solver
setfield /cell/solver path ../soma
call /cell/solver SETUP
create neutral /other
create neutral /other/n
call /cell/solver DUPLICATE /other/solver
call /cell/solver DUPLICATE /other/n ../soma
call /cell/solver DUPLICATE /other/solver ../nothing
echo {exists /other/solver}
