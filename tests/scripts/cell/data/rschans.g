// SPDX-License-Identifier: GPL-2.0-or-later
// rschans.g: channels of a regular-spiking cortical cell for the readcell
// tests, with the kinetics of the RSnet tutorial's cell (Destexhe-Pare Na,
// Kdr and KM, gates in setupalpha form, shifted by a threshold voltage
// VT = -0.063 V), and an excitatory synchan. rs_make_channels PATH
// creates them under PATH as Na_rs, Kdr_rs, KM_rs and Ex_rs.

function rs_make_channels(path)
    str path
    float vt = -0.063
    create tabchannel {path}/Na_rs
    setfield ^ Ek 0.050 Xpower 3 Ypower 1 Zpower 0
    setupalpha ^ X {320e3 * (0.013 + vt)} -320e3 -1.0 {-1.0 * (0.013 + vt)} -0.004 \
        {-280e3 * (0.040 + vt)} 280e3 -1.0 {-1.0 * (0.040 + vt)} 5.0e-3
    // inactivation 10 mV more negative than activation
    setupalpha ^ Y 128.0 0.0 0.0 {-1.0 * (0.017 + vt - 0.010)} 0.018 \
        4.0e3 0.0 1.0 {-1.0 * (0.040 + vt - 0.010)} -5.0e-3
    create tabchannel {path}/Kdr_rs
    setfield ^ Ek -0.090 Xpower 4 Ypower 0 Zpower 0
    setupalpha ^ X {32e3 * (0.015 + vt)} -32e3 -1.0 {-1.0 * (0.015 + vt)} -0.005 \
        500 0.0 0.0 {-1.0 * (0.010 + vt)} 0.04
    create tabchannel {path}/KM_rs
    setfield ^ Ek -0.090 Xpower 1 Ypower 0 Zpower 0
    setupalpha ^ X -3.0 -100.0 -1.0 0.03 -0.009 3.0 100.0 -1.0 0.030 0.009
    create synchan {path}/Ex_rs
    setfield ^ Ek 0.045 tau1 3e-3 tau2 3e-3 gmax 1e-9
end
