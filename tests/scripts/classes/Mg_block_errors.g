// test-options: -nox
// Mg_block: at reset, the block without a VOLTAGE message and with no
// channel to block are refused, naming the element; once wired, the
// blocked Gk of a step is the synchan's times KMg / (KMg + [Mg]) at the
// Vm of the step before (about -0.065 V: 0.0502 of it with these
// values; nxgenesis prints the same), and its Ek the synchan's.
setclock 0 1e-5
create compartment /c
setfield /c Rm 1e8 Cm 1e-10 Em -0.065 initVm -0.065
create synchan /c/s
setfield /c/s Ek 0 tau1 1e-3 tau2 1e-3 gmax 1e-9
create Mg_block /c/s/b
setfield /c/s/b KMg_A 3.57 KMg_B 0.01613 CMg 1.2
addmsg /c/s/b /c CHANNEL Gk Ek
reset
addmsg /c /c/s/b VOLTAGE Vm
reset
addmsg /c/s /c/s/b CHANNEL Gk Ek
addmsg /c /c/s VOLTAGE Vm
setfield /c/s/b Ek 1
create diffamp /d
setfield /d plus 1e3 gain 1 saturation 1e9
addmsg /d /c/s ACTIVATION output
reset
step 5
echo {{getfield /c/s/b Gk} / {getfield /c/s Gk}} {getfield /c/s/b Ek}
