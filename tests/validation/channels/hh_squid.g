// hh_squid.g: the squid axon as one compartment with two hh_channels
// (Hodgkin and Huxley 1952, rates in the analytic forms of GENESIS's
// hh_channel: Na m with LINOID alpha and EXPONENTIAL beta, h with
// EXPONENTIAL alpha and SIGMOID beta; K n with LINOID alpha, EXPONENTIAL
// beta), for tests/validation/channels.test. 0.3 nA from 2 ms to 12 ms,
// then 0.6 nA from 20 ms; 2500 steps of 20 us; Vm, Na Gk, K Gk, Na X, Na
// Y written every step with 15 digits. Runs unchanged in GENESIS 2.4
// (the form codes are defined here, as hhchan.g does).
int EXPONENTIAL = 1
int SIGMOID = 2
int LINOID = 3
float EREST = -0.070
float area = 2.8274e-9
create compartment /soma
setfield /soma Rm {0.333 / area} Cm {0.01 * area} Em {EREST + 0.0106} initVm {EREST}
create hh_channel /soma/Na
setfield /soma/Na Ek 0.045 Gbar {1.2e3 * area} Xpower 3 Ypower 1 \
    X_alpha_FORM {LINOID} X_alpha_A -0.1e6 X_alpha_B -0.010 X_alpha_V0 {0.025 + EREST} \
    X_beta_FORM {EXPONENTIAL} X_beta_A 4.0e3 X_beta_B -18.0e-3 X_beta_V0 {EREST} \
    Y_alpha_FORM {EXPONENTIAL} Y_alpha_A 70.0 Y_alpha_B -20.0e-3 Y_alpha_V0 {EREST} \
    Y_beta_FORM {SIGMOID} Y_beta_A 1.0e3 Y_beta_B -10.0e-3 Y_beta_V0 {30.0e-3 + EREST}
create hh_channel /soma/K
setfield /soma/K Ek -0.082 Gbar {360.0 * area} Xpower 4 Ypower 0 \
    X_alpha_FORM {LINOID} X_alpha_A -10.0e3 X_alpha_B -10.0e-3 X_alpha_V0 {10.0e-3 + EREST} \
    X_beta_FORM {EXPONENTIAL} X_beta_A 125.0 X_beta_B -80.0e-3 X_beta_V0 {EREST}
addmsg /soma /soma/Na VOLTAGE Vm
addmsg /soma/Na /soma CHANNEL Gk Ek
addmsg /soma /soma/K VOLTAGE Vm
addmsg /soma/K /soma CHANNEL Gk Ek
create asc_file /out
setfield /out filename hh_squid.out leave_open 1 float_format %.15g
addmsg /soma /out SAVE Vm
addmsg /soma/Na /out SAVE Gk
addmsg /soma/K /out SAVE Gk
addmsg /soma/Na /out SAVE X
addmsg /soma/Na /out SAVE Y
setclock 0 2e-5
reset
step 100
setfield /soma inject 3e-10
step 500
setfield /soma inject 0
step 400
setfield /soma inject 6e-10
step 1500
quit
