// tabchannel gate tables: TABCREATE and hand-filled tables, tweakalpha,
// reset to the steady state, the exponential Euler gate step, instant
// gates, Gk = Gbar X^Xpower Y^Ypower, setupalpha with -size and -range,
// setuptau, tweaktau, scaletabchan and TABFILL
float dt = 1e-4
setclock 0 {dt}
create compartment /c
// a huge Rm and a tiny Gbar keep Vm at 0, the table's middle entry
setfield /c Rm 1e12 Cm 1e-10 Em 0 initVm 0
create tabchannel /c/k
setfield /c/k Ek -0.09 Gbar 1e-20 Xpower 2
addmsg /c /c/k VOLTAGE Vm
addmsg /c/k /c CHANNEL Gk Ek
call /c/k TABCREATE X 10 -0.1 0.1
echo X tables: {getfield /c/k X_A->xdivs} divisions from {getfield /c/k X_A->xmin} to {getfield /c/k X_A->xmax}, X_alloced {getfield /c/k X_alloced}
// alpha = 100 + 1000 i, beta = 100 by hand; tweakalpha makes B = alpha + beta
int i
for (i = 0; i <= 10; i = i + 1)
    setfield /c/k X_A->table[{i}] {100 + 1000 * i} X_B->table[{i}] 100
end
tweakalpha /c/k X
echo at 0 V: A {getfield /c/k X_A->table[5]}, B {getfield /c/k X_B->table[5]}
reset
float a = 5100, b = 5200
echo reset: X = A/B {{abs {{getfield /c/k X} - a / b}} < 1e-9}
// one step from X = 0: X = A/B (1 - exp(-B dt)); Gk = Gbar X^2 (the
// script's exp, as GENESIS's, is a float: the checks against it allow 1e-6)
setfield /c/k X 0
step 1
float want = a / b * (1 - {exp {-b * dt}})
echo one step from 0: X {getfield /c/k X}, exact {{abs {{getfield /c/k X} - want}} < 1e-6}
echo Gk = Gbar X^2: {{abs {{getfield /c/k Gk} - 1e-20 * want * want}} < 1e-27}
// instant: the gate is A/B at once
setfield /c/k instant 1
reset
setfield /c/k X 0
step 1
echo instant X: {getfield /c/k X}
setfield /c/k instant 0
// setupalpha over 100 divisions from -0.1 to 0.05: alpha, alpha + beta
create tabchannel /c/na
setfield /c/na Ek 0.05 Gbar 1e-20 Xpower 3 Ypower 1
setupalpha /c/na X 0.1e6 1e6 0 0.1 -0.01 4e3 0 0 0.065 0.018 -size 100 -range -0.1 0.05
echo X tables: {getfield /c/na X_A->xdivs} divisions from {getfield /c/na X_A->xmin} to {getfield /c/na X_A->xmax}
function alpha(v)
    return {(0.1e6 + 1e6 * v) / {exp {(v + 0.1) / -0.01}}}
end
function beta(v)
    return {4e3 / {exp {(v + 0.065) / 0.018}}}
end
float v = -0.1 + 40 * 0.0015
echo entry 40: alpha {{abs {{getfield /c/na X_A->table[40]} / {alpha {v}} - 1}} < 1e-6}, alpha + beta {{abs {{getfield /c/na X_B->table[40]} / ({alpha {v}} + {beta {v}}) - 1}} < 1e-6}
// setuptau: tau 10 ms (a constant: F huge), minf a sigmoid; A = minf/tau, B = 1/tau
setuptau /c/na Y 0.01 0 0 0 1e12 1 0 1 0.04 0.005 -size 100 -range -0.1 0.05
v = -0.1 + 30 * 0.0015
float minf = 1 / (1 + {exp {(v + 0.04) / 0.005}})
echo setuptau entry 30: A = minf/tau {{abs {{getfield /c/na Y_A->table[30]} / (minf / 0.01) - 1}} < 1e-6}, B = 1/tau {{abs {{getfield /c/na Y_B->table[30]} - 100}} < 1e-9}
// tweaktau on hand-made tau (2 ms) and minf (0.25) tables (C float arithmetic)
call /c/na TABCREATE Z 10 -0.1 0.1
for (i = 0; i <= 10; i = i + 1)
    setfield /c/na Z_A->table[{i}] 0.002 Z_B->table[{i}] 0.25
end
tweaktau /c/na Z
echo tweaktau: A {getfield /c/na Z_A->table[3]}, B {getfield /c/na Z_B->table[3]}
// scaletabchan: tau times 2 halves A and B; minf + 0.1 raises A by 0.1/tau
float a0 = {getfield /c/na Y_A->table[30]}
scaletabchan /c/na Y tau 1 2 0 0
echo scaled tau: A ratio {{getfield /c/na Y_A->table[30]} / a0}, B {getfield /c/na Y_B->table[30]}
scaletabchan /c/na Y minf 1 1 0 0.1
echo shifted minf: A - old A / 2 = 0.1 / tau: {{abs {{getfield /c/na Y_A->table[30]} - a0 / 2 - 0.1 / 0.02}} < 1e-3}
// TABFILL resamples a gate's tables: 20 divisions, linear (mode 2)
call /c/k TABFILL X 20 2
echo TABFILL: {getfield /c/k X_A->xdivs} divisions, A[1] {getfield /c/k X_A->table[1]}, A[20] {getfield /c/k X_A->table[20]}, B[3] {getfield /c/k X_B->table[3]}
