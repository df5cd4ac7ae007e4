// vaprotos.g - the prototypes readcell copies into the vanet cell, made
// in /library: a compartment, Traub-style sodium and potassium channels
// (as modified by Destexhe and Pare, 1999), the excitatory and inhibitory
// dual-exponential synaptic channels and a spike generator.  /library is
// disabled: prototypes are templates and are never simulated themselves.

// The rate functions below are shifted by vtraub = -63 mV.
float vtraub = -0.063

if (!{exists /library})
    create neutral /library
end
disable /library
pushe /library

// readcell sets every field of this compartment from the .p file
if (!{exists compartment})
    create compartment compartment
end

// Sodium: m^3 h, reversing at +50 mV.  setupalpha's form for a rate is
// (A + B V) / (C + exp((V + D) / F)), alpha's five numbers then beta's.
if (!{exists Na_hh})
    create tabchannel Na_hh
    setfield Na_hh Ek 0.050 Gbar 0 Xpower 3 Ypower 1 Zpower 0
    setupalpha Na_hh X \
        {320e3*(0.013 + vtraub)} -320e3 -1.0 {-(0.013 + vtraub)} -0.004 \
        {-280e3*(0.040 + vtraub)} 280e3 -1.0 {-(0.040 + vtraub)} 0.005
    setupalpha Na_hh Y \
        128.0 0.0 0.0 {-(0.017 + vtraub)} 0.018 \
        4.0e3 0.0 1.0 {-(0.040 + vtraub)} -0.005
end

// Potassium (delayed rectifier): n^4, reversing at -90 mV.
if (!{exists K_hh})
    create tabchannel K_hh
    setfield K_hh Ek -0.090 Gbar 0 Xpower 4 Ypower 0 Zpower 0
    setupalpha K_hh X \
        {32e3*(0.015 + vtraub)} -32e3 -1.0 {-(0.015 + vtraub)} -0.005 \
        500.0 0.0 0.0 {-(0.010 + vtraub)} 0.040
end

// Synapses: a dual exponential with a 1 ms rise and a 5 ms (excitatory,
// reversing at 0 V) or 10 ms (inhibitory, at -80 mV) decay.  readcell
// sets gmax from the .p file; vanet.g sets it again from its parameters.
if (!{exists Ex_syn})
    create synchan Ex_syn
    setfield Ex_syn Ek 0.0 tau1 5e-3 tau2 1e-3 gmax 0
end
if (!{exists Inh_syn})
    create synchan Inh_syn
    setfield Inh_syn Ek -0.080 tau1 10e-3 tau2 1e-3 gmax 0
end

// A spike is a crossing of 0 V, at most one per 5 ms.
if (!{exists spike})
    create spikegen spike
    setfield spike thresh 0.0 abs_refract 0.005 output_amp 1
end

pope
