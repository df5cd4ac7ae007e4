// test-options: -nox
// ghk: Ek, Ik and Gk after two steps at a fixed Vm (Ca, 2 mM outside and
// 1e-4 inside, 30 C, p 1e-17 from a diffamp; nxgenesis prints the same
// three numbers); `check` lists what GENESIS's CHECK reports; a valency
// of 0 is refused by reset, naming the element.
setclock 0 1e-4
create ghk /g
setfield /g Cin 1e-4 Cout 2 valency 2 T 30
create compartment /c
setfield /c Rm 1e8 Cm 1e-10 initVm -0.065 Em -0.065
addmsg /c /g VOLTAGE Vm
create diffamp /p
setfield /p plus 1e-17 gain 1 saturation 1
addmsg /p /g PERMEABILITY output
reset
step 2
echo {getfield /g Ek} {getfield /g Ik} {getfield /g Gk}
create ghk /bad
setfield /bad Cin -1
check
reset
