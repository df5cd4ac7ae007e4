// SPDX-License-Identifier: GPL-2.0-or-later
// protospike.g: the spike generator prototype of GENESIS's neurokit
// library. make_spike creates spikegen "spike" in the working element
// (unless it exists): threshold 0 V, refractory period 10 ms, spikes of
// amplitude 1. On a compartment line of a .p file, "spike THRESH" copies
// it into the compartment, with THRESH as its threshold and an INPUT
// message from the compartment's Vm.

function make_spike
    if ({exists spike})
        return
    end
    create spikegen spike
    setfield spike thresh 0.0 abs_refract 10.0e-3 output_amp 1
end
