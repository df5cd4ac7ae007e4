// test-options: -nox
// Ca_concen errors: bad values, tau <= 0 (found by check), an INCREASE
// from an element that is not a channel (the compiled model takes only
// I_Ca from outside it), messages it does not take
setclock 0 1e-4
create Ca_concen /ca
setfield /ca tau none
setfield /ca tau 0 B 1e9
check
setfield /ca tau 0.01
create diffamp /d
addmsg /d /ca INCREASE output
reset
deletemsg /ca 0 -incoming
addmsg /d /ca VOLTAGE output
reset
step 1
echo {getfield /ca tau} {getfield /ca Ca}
