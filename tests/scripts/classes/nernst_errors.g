// test-options: -nox
// nernst: E at reset from the concentrations (Na at 6.3 C: 0.050 V); T
// set by setfield changes the constant only at the next reset (as in
// GENESIS, where only RESET and a TEMP message compute it); `check`
// lists what GENESIS's CHECK reports; a valency of 0 is refused by
// reset, naming the element.
create nernst /n
setfield /n Cin 10 Cout 80 valency 1 T 6.3 scale 1
reset
echo {getfield /n constant} {getfield /n E}
setfield /n T 20 Cin 20
step 2
echo {getfield /n T} {getfield /n constant} {getfield /n E}
reset
echo {getfield /n T} {getfield /n constant} {getfield /n E}
create nernst /bad
check
setfield /bad Cin 1 Cout 2 scale 1
reset
showfield /bad valency E
