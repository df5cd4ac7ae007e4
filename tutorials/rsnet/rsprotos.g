// rsprotos.g - the prototypes readcell copies into the rsnet cell, made
// in /library: a compartment, the three channels of rschannels.g, an
// excitatory synaptic channel and a spike generator.  /library is
// disabled: prototypes are templates and are never simulated themselves.

include rschannels.g

if (!{exists /library})
    create neutral /library
end
disable /library
pushe /library

// readcell sets every field of this compartment from the .p file
if (!{exists compartment})
    create compartment compartment
end

make_rs_na Na_rs
make_rs_kdr Kdr_rs
make_rs_km KM_rs

// Excitatory (glutamate-like) synapse: an alpha function with a 3 ms
// time constant, reversing at +45 mV.  rsnet.g sets its gmax.
if (!{exists Ex_syn})
    create synchan Ex_syn
    setfield Ex_syn Ek 0.045 tau1 3.0e-3 tau2 3.0e-3 gmax 0
end

// A spike is an upward crossing of 0 V, at most one per 4 ms.
if (!{exists spike})
    create spikegen spike
    setfield spike thresh 0.0 abs_refract 0.004 output_amp 1
end

pope
