// Ca_concen: dC/dt = B I_Ca - C/tau, Ca = Ca_base + C, by exponential
// Euler, which is exact for a constant current: C(t) = B I tau (1 -
// exp(-t/tau)). Here I = 2 nA from a diffamp (two I_Ca messages of 1 nA),
// B = 5e9, tau = 10 ms: C settles at 0.1. BASE sets Ca_base.
setclock 0 1e-4
create diffamp /i
setfield /i plus 1 gain 1e-9 saturation 1
create Ca_concen /ca
setfield /ca B 5e9 tau 0.01 Ca_base 0.05
addmsg /i /ca I_Ca output
addmsg /i /ca I_Ca output
reset
echo after reset: Ca {getfield /ca Ca}, C {getfield /ca C}
// the diffamp's output is 0 in the first step (devices run after the pool)
step 1
echo first step: C {getfield /ca C}
// (the script's exp is GENESIS's, a float: 6e-8 relative)
function exact(t)
    float b = {getfield /ca B}, tau = {getfield /ca tau}
    return {b * 2e-9 * tau * (1 - {exp {-t / tau}})}
end
int n
foreach n (2 11 101 1001)
    step {n - {getstat -step}}
    float t = {getstat -time} - 1e-4
    float err = {abs {{getfield /ca C} - {exact {t}}}}
    echo t = {t}: C {getfield /ca C}, exact to 1e-6 relative: {err < 1e-6 * {exact {t}}}, Ca - C = Ca_base: {{abs {{getfield /ca Ca} - {getfield /ca C} - 0.05}} < 1e-9}
end
// writes go through: C set to 0 by hand; the current, removed now, still
// flows in the next step (the diffamp runs after the pool), then C decays
setfield /ca C 0 Ca 0.05
setfield /i plus 0
step 2
echo C after setting it to 0 and removing the current: {getfield /ca C}
// BASE replaces Ca_base each step
create diffamp /base
setfield /base plus 0.2 gain 1 saturation 1
addmsg /base /ca BASE output
reset
step 3
echo with BASE 0.2: Ca_base {getfield /ca Ca_base}, Ca {getfield /ca Ca}
