// rschannels.g - the three voltage-gated channels of the regular-spiking
// (RS) cell of the rsnet tutorial, as functions that make a tabchannel
// prototype in the current working element.
//
// The kinetics are the reduced cortical pyramidal cell model of Destexhe,
// Rudolph, Fellous and Sejnowski (Neuroscience 107:13-24, 2001), which
// rescales the Traub-Miles hippocampal channels:
//
//   rs_na   fast sodium, m^3 h        (reverses at E_na)
//   rs_kdr  delayed rectifier, n^4    (reverses at E_k)
//   rs_km   slow muscarinic K, p      (reverses at E_k; spike-rate adaptation)
//
// Every rate has GENESIS's setupalpha form
//     rate(V) = (A + B*V) / (C + exp((V + D) / F))
// and the tables cover setupalpha's default range, -0.1 to 0.05 V in 3000
// steps.  V_T (-63 mV) shifts the Traub-Miles curves to the cortical cell.

float rs_VT = -0.063    // "vtraub", V
float rs_ENa = 0.050    // sodium reversal potential, V
float rs_EK = -0.090    // potassium reversal potential, V

// Fast Na: activation m (cubed) and inactivation h; h is shifted 10 mV
// more negative than in the Traub-Miles original.
function make_rs_na(name)
    str name
    float hshift = -0.010
    if ({exists {name}})
        return
    end
    create tabchannel {name}
    setfield {name} Ek {rs_ENa} Xpower 3 Ypower 1 Zpower 0
    // alpha_m = 0.32e6 (V - VT - 13 mV) / (1 - exp(-(V - VT - 13 mV) / 4 mV))
    // beta_m  = 0.28e6 (V - VT - 40 mV) / (exp((V - VT - 40 mV) / 5 mV) - 1)
    setupalpha {name} X \
        {320e3 * (0.013 + rs_VT)} -320e3 -1.0 {-1.0 * (0.013 + rs_VT)} -0.004 \
        {-280e3 * (0.040 + rs_VT)} 280e3 -1.0 {-1.0 * (0.040 + rs_VT)} 5.0e-3
    // alpha_h = 128 exp(-(V - VT - 17 mV - shift) / 18 mV)
    // beta_h  = 4000 / (1 + exp(-(V - VT - 40 mV - shift) / 5 mV))
    setupalpha {name} Y \
        128.0 0.0 0.0 {-1.0 * (0.017 + rs_VT + hshift)} 0.018 \
        4.0e3 0.0 1.0 {-1.0 * (0.040 + rs_VT + hshift)} -5.0e-3
end

// Delayed-rectifier K: activation n, fourth power.
function make_rs_kdr(name)
    str name
    if ({exists {name}})
        return
    end
    create tabchannel {name}
    setfield {name} Ek {rs_EK} Xpower 4 Ypower 0 Zpower 0
    // alpha_n = 0.032e6 (V - VT - 15 mV) / (1 - exp(-(V - VT - 15 mV) / 5 mV))
    // beta_n  = 500 exp(-(V - VT - 10 mV) / 40 mV)
    setupalpha {name} X \
        {32e3 * (0.015 + rs_VT)} -32e3 -1.0 {-1.0 * (0.015 + rs_VT)} -0.005 \
        500 0.0 0.0 {-1.0 * (0.010 + rs_VT)} 0.04
end

// Muscarinic K (M current): one slow activation gate, no inactivation.
// It builds up over a burst and spaces later spikes out.
function make_rs_km(name)
    str name
    if ({exists {name}})
        return
    end
    create tabchannel {name}
    setfield {name} Ek {rs_EK} Xpower 1 Ypower 0 Zpower 0
    // alpha_p = 100 (V + 30 mV) / (1 - exp(-(V + 30 mV) / 9 mV))   (in 1/s)
    // beta_p  = -100 (V + 30 mV) / (1 - exp((V + 30 mV) / 9 mV))
    setupalpha {name} X \
        -3.0 -100.0 -1.0 0.03 -0.009 \
        3.0 100.0 -1.0 0.030 0.009
end
