// SPDX-License-Identifier: GPL-2.0-or-later
// hhchan.g: the Hodgkin-Huxley squid channels under the names of neurokit's
// hh_channel versions (make_Na_squid_hh -> "Na_squid_hh", make_K_squid_hh
// -> "K_squid_hh"), with the same kinetics, conductances and reversal
// potentials. gensh has no hh_channel object, so they are tabchannels
// built as in hh_tchan.g (rates tabulated by setupalpha, 3000 divisions on
// [-0.1, 0.05] V): the X_alpha_FORM-style fields of hh_channel do not
// exist on them. Including this file sets EREST_ACT, ENA, EK and SOMA_A
// (see hh_tchan.g) and the form codes EXPONENTIAL, SIGMOID and LINOID.

include hh_tchan

int EXPONENTIAL = 1
int SIGMOID = 2
int LINOID = 3

function make_Na_squid_hh
    make_Na_hh_tchan Na_squid_hh
end

function make_K_squid_hh
    make_K_hh_tchan K_squid_hh
end
