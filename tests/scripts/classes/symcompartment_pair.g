// Two symcompartments joined head to tail: each end takes its share of Ra
// at reset (coeff, coeff2), so the link is (Ra_a + Ra_b) / 2 = 100 Mohm;
// with Rm = 100 Mohm and 0.15 nA into /a the steady state is
// Va - Em = 10 mV, Vb - Em = 5 mV
setclock 0 1e-4
create symcompartment /a
create symcompartment /b
setfield /a Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07 Ra 0.5e8 inject 1.5e-10
setfield /b Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07 Ra 1.5e8
addmsg /b /a CONNECTHEAD Ra previous_state
addmsg /a /b CONNECTTAIL Ra previous_state
reset
echo coeff2 of /a {getfield /a coeff2}, coeff of /b {getfield /b coeff}
step 0.4 -time
echo steady: Va - Em {{getfield /a Vm} + 0.07}, Vb - Em {{getfield /b Vm} + 0.07}
echo Im of /b {getfield /b Im}
// the same pair as RAXIAL (tail) and AXIAL (head), as readcell wires
// *symmetric cells
deletemsg /a 0 -incoming
deletemsg /b 0 -incoming
addmsg /b /a AXIAL Ra previous_state
addmsg /a /b RAXIAL Ra previous_state
reset
step 0.4 -time
echo steady: Va - Em {{getfield /a Vm} + 0.07}, Vb - Em {{getfield /b Vm} + 0.07}
