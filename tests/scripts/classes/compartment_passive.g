// A passive compartment against its exact solution, field reads and writes
// while running, initVm following Em, and two compartments coupled by
// RAXIAL/AXIAL against their steady state
setclock 0 1e-4
create compartment /a
setfield /a Rm 1e8 Cm 1e-10 Em -0.07
echo initVm follows Em: {getfield /a initVm}
setfield /a initVm -0.065 inject 1.5e-10
setfield /a Em -0.06
echo initVm kept once set apart: {getfield /a initVm}
setfield /a Em -0.07
reset
echo after reset: Vm {getfield /a Vm}
// exponential Euler is exact for a constant input:
// Vm(t) = Em + I Rm + (initVm - Em - I Rm) exp(-t / (Rm Cm)), with the
// fields as stored (C floats, as in GENESIS); GENESIS divides Em by Rm in
// float, which moves the equilibrium by a few nV, hence the 1e-8 V margin
function exact(t)
    float em = {getfield /a Em}, v0 = {getfield /a initVm}, ir = {getfield /a inject} * {getfield /a Rm}
    return {em + ir + (v0 - em - ir) * {exp {-t / ({getfield /a Rm} * {getfield /a Cm})}}}
end
int n
foreach n (1 10 100 1000)
    step {n - {getstat -step}}
    float t = {getstat -time}
    float err = {abs {{getfield /a Vm} - {exact {t}}}}
    if (err < 1e-8)
        echo t = {t}: Vm {getfield /a Vm} exact to 1e-8 V
    else
        echo t = {t}: Vm {getfield /a Vm}, off by {err}
    end
end
// writes go through to the running model: drop the current, then set Vm
setfield /a inject 0
step 1
echo inject 0: {getfield /a inject}, Vm {getfield /a Vm}
setfield /a Vm -0.05
echo Vm set to {getfield /a Vm}
step 1
echo one step later: {getfield /a Vm}, previous_state {getfield /a previous_state}
// two compartments: /b hangs off /a through /b's Ra, wired as readcell
// wires them; the steady state with I = 0.15 nA is Va - Em = 10 mV,
// Vb - Em = 5 mV (Rm = Ra = 100 Mohm)
create compartment /b
setfield /b Rm 1e8 Cm 1e-10 Em -0.07 Ra 1e8
addmsg /b /a RAXIAL Ra previous_state
addmsg /a /b AXIAL previous_state
setfield /a inject 1.5e-10
reset
step 0.4 -time
echo steady: Va - Em {{getfield /a Vm} + 0.07}, Vb - Em {{getfield /b Vm} + 0.07}
echo Im of /b (axial current in): {getfield /b Im}
