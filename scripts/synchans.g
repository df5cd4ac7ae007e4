// SPDX-License-Identifier: GPL-2.0-or-later
// synchans.g: prototype synaptic channels under the names of GENESIS's
// neurokit library: an excitatory (glutamate-like) and an inhibitory
// (GABA-like) synchan with alpha-function conductances (tau1 = tau2).
//
//   make_Ex_channel    "Ex_channel":  Ek EGlu,  tau1 = tau2 = 3 ms,  gmax GGlu
//   make_Inh_channel   "Inh_channel": Ek EGABA, tau1 = tau2 = 20 ms, gmax GGABA
//
// The constants are script globals, as in neurokit, so a script may change
// them before calling the functions. readcell scales gmax by the
// compartment's area (or sets it, for a negative density).

float EGlu = 0.045     // V
float EGABA = -0.082   // V
float SOMA_A = 1e-9    // m^2, neurokit's reference area
float GGlu = SOMA_A * 50   // S
float GGABA = SOMA_A * 50  // S

// Creates synchan NAME in the working element unless it exists.
function gs_make_synchan_proto(name, ek, tau1, tau2, gmax)
    str name
    if ({exists {name}})
        return
    end
    create synchan {name}
    setfield {name} Ek {ek} tau1 {tau1} tau2 {tau2} gmax {gmax}
end

function make_Ex_channel
    gs_make_synchan_proto Ex_channel {EGlu} 3.0e-3 3.0e-3 {GGlu}
end

function make_Inh_channel
    gs_make_synchan_proto Inh_channel {EGABA} 20.0e-3 20.0e-3 {GGABA}
end
