// test-options: -nox
// compartment errors: bad values, read-only fields and messages it does not
// accept change nothing; reset refuses Rm, Cm or an axial Ra <= 0 (the
// update would divide by zero) and names the compartment, and step then
// wants a reset that succeeds
setclock 0 1e-4
create compartment /a
setfield /a Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
setfield /a Rm abc
setfield /a Im 1
setfield /a nosuch 1
create tabchannel /a/ch
addmsg /a/ch /a VOLTAGE Vm
addmsg /a /a/ch CHANNEL Vm Ek
addmsg /a/ch /a CHANNEL Gk
showfield /a Rm Im
create compartment /bad
setfield /bad Rm 0
reset
step 1
setfield /bad Rm 1e8 Cm 0
reset
setfield /bad Cm 1e-10
create compartment /c
addmsg /c /bad RAXIAL Ra previous_state
reset
setfield /c Ra 1e8
reset
step 1
echo {getfield /a Vm} {getfield /bad Vm}
