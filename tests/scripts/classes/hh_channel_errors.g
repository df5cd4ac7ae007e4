// test-options: -nox
// errors of hh_channel: a FORM other than 1-3, a negative power (each
// refused by setfield, changing nothing, as showfield shows), a gate with
// a power but no FORM and a channel without a VOLTAGE message (reset
// refuses them, naming the element), then the fixed channel runs.
setclock 0 1e-5
create compartment /c
setfield /c Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
create hh_channel /c/k
setfield /c/k Gbar 1e-8 Ek -0.08 Xpower 4 X_alpha_FORM 3 X_alpha_A -1e4 X_alpha_B -0.01 X_alpha_V0 -0.06
setfield /c/k X_beta_FORM 4
setfield /c/k Xpower -1 Ek 0
setfield /c/k Ypower -2
showfield /c/k X_beta_FORM Xpower Ypower Ek
addmsg /c/k /c CHANNEL Gk Ek
reset
step 1
setfield /c/k X_beta_FORM 1 X_beta_A 125 X_beta_B -0.08 X_beta_V0 -0.07
reset
addmsg /c /c/k VOLTAGE Vm
reset
echo {getfield /c/k X} {getfield /c/k Gk}
step 10
echo {getfield /c Vm}
