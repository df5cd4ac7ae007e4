// A three-compartment chain read from a .p file: every field of each
// compartment (GENESIS's float values), the AXIAL/RAXIAL messages (a child
// gets AXIAL previous_state from its parent and sends RAXIAL Ra
// previous_state back), and the wiring checked against the exact steady
// state of the resistive network under a current injected into the soma
// (to 1e-6: the compartments sum Em/Rm + inject in C floats, as GENESIS).
create neutral /library
create compartment /library/compartment
readcell three.p /cell
str c
foreach c (soma dend1 dend2)
    showfield /cell/{c} Em Rm Cm Ra inject dia len initVm x y z
    showmsg /cell/{c}
end

// Steady state with I into the soma: at each node the leak, the axial
// currents (the link to a child has the child's Ra) and I balance.
float I = 2e-10
setfield /cell/soma inject {I}
float Em0 = {getfield /cell/soma Em}
float Em1 = {getfield /cell/dend1 Em}
float Em2 = {getfield /cell/dend2 Em}
float g0 = 1 / {getfield /cell/soma Rm}
float g1 = 1 / {getfield /cell/dend1 Rm}
float g2 = 1 / {getfield /cell/dend2 Rm}
float a1 = 1 / {getfield /cell/dend1 Ra}
float a2 = 1 / {getfield /cell/dend2 Ra}
// eliminate from the tip: V2 = (g2 Em2 + a2 V1) / (g2 + a2), then V1, V0
float k2 = a2 / (g2 + a2)
float c2 = g2 * Em2 / (g2 + a2)
float k1 = a1 / (g1 + a1 + a2 - a2 * k2)
float c1 = (g1 * Em1 + a2 * c2) / (g1 + a1 + a2 - a2 * k2)
float V0 = (g0 * Em0 + I + a1 * c1) / (g0 + a1 - a1 * k1)
float V1 = k1 * V0 + c1
float V2 = k2 * V1 + c2
setclock 0 1e-5
reset
step 20000
function near(what, got, want)
    if ({abs {got - want}} < 1e-6 * {abs {want}})
        echo {what}: matches the exact steady state
    else
        echo {what}: {got}, exact {want}
    end
end
near soma {getfield /cell/soma Vm} {V0}
near dend1 {getfield /cell/dend1 Vm} {V1}
near dend2 {getfield /cell/dend2 Vm} {V2}
