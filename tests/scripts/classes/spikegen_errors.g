// test-options: -nox
// spikegen errors: no INPUT (found by check), messages it does not take,
// an input from something that is not a number source, bad values
setclock 0 1e-4
create spikegen /sg
check
setfield /sg thresh high
addmsg /sg /sg SPIKE
create compartment /c
addmsg /c /sg INPUT Vm Em
addmsg /c /sg VOLTAGE Vm
setfield /c Rm 1e8 Cm 1e-10
addmsg /c /sg INPUT Vm
check
reset
step 2
echo {getfield /sg thresh} {getfield /sg state}
