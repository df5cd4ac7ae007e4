// SPDX-License-Identifier: GPL-2.0-or-later
// hh_tchan.g: the Hodgkin-Huxley squid axon Na and K channels as
// tabchannels, under the names of GENESIS's neurokit library (SI units,
// rates in the setupalpha form (A + B V) / (C + exp((V + D) / F))):
//
//   make_Na_hh_tchan [path]   "Na_hh_tchan": m^3 h, Ek ENA, Gbar 1200 S/m^2 * SOMA_A
//   make_K_hh_tchan [path]    "K_hh_tchan":  n^4,   Ek EK,  Gbar 360 S/m^2 * SOMA_A
//
// The rates are shifted by the resting potential EREST_ACT. Including this
// file sets the globals EREST_ACT (-0.060 V), ENA, EK and SOMA_A, as
// neurokit's version does; set EREST_ACT after the include to shift the
// kinetics.

float EREST_ACT = -0.060   // V
float ENA = 0.045          // V
float EK = -0.090          // V
float SOMA_A = 1e-9        // m^2

function make_Na_hh_tchan
    str path = "Na_hh_tchan"
    if ({argc} == 1)
        path = {argv 1}
    end
    if ({exists {path}})
        return
    end
    create tabchannel {path}
    setfield {path} Ek {ENA} Gbar {1.2e3 * SOMA_A} Ik 0 Gk 0 Xpower 3 Ypower 1 Zpower 0
    // m: alpha = 0.1e6 (0.025 - v) / (exp((0.025 - v) / 0.01) - 1),
    //    beta = 4e3 exp(-v / 0.018), with v = V - EREST_ACT
    setupalpha {path} X {0.1e6 * (0.025 + EREST_ACT)} -0.1e6 -1.0 \
        {-1.0 * (0.025 + EREST_ACT)} -0.01 \
        4e3 0.0 0.0 {-1.0 * EREST_ACT} 18e-3
    // h: alpha = 70 exp(-v / 0.02), beta = 1e3 / (exp((0.03 - v) / 0.01) + 1)
    setupalpha {path} Y 70.0 0.0 0.0 {-1.0 * EREST_ACT} 0.02 \
        1.0e3 0.0 1.0 {-1.0 * (0.030 + EREST_ACT)} -10.0e-3
end

function make_K_hh_tchan
    str path = "K_hh_tchan"
    if ({argc} == 1)
        path = {argv 1}
    end
    if ({exists {path}})
        return
    end
    create tabchannel {path}
    setfield {path} Ek {EK} Gbar {360.0 * SOMA_A} Ik 0 Gk 0 Xpower 4 Ypower 0 Zpower 0
    // n: alpha = 1e4 (0.01 - v) / (exp((0.01 - v) / 0.01) - 1),
    //    beta = 125 exp(-v / 0.08)
    setupalpha {path} X {10e3 * (0.01 + EREST_ACT)} -10.0e3 -1.0 \
        {-1.0 * (0.01 + EREST_ACT)} -0.01 \
        125.0 0.0 0.0 {-1.0 * EREST_ACT} 80.0e-3
end
