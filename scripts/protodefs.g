// SPDX-License-Identifier: GPL-2.0-or-later
// protodefs.g: a ready-made prototype library for readcell. It creates the
// neutral /library (disabled, so the prototypes never run) when it does
// not exist, and fills it with:
//
//   compartment, symcompartment            cylinders (compartments.g)
//   compartment_sphere, symcompartment_sphere
//   Na_hh_tchan, K_hh_tchan                squid HH channels (hh_tchan.g)
//   Ex_channel, Inh_channel                synchans (synchans.g)
//   spike                                  a spikegen (protospike.g)
//
// so a .p file may name these on its compartment lines. A model with its
// own channels usually has its own protodefs.g next to it, which include
// finds first (the current directory and SIMPATH come before the library).

include compartments
include hh_tchan
include synchans
include protospike

if (!{exists /library})
    create neutral /library
end
disable /library

// the prototypes are made in the working element: /library for now
str gs_protodefs_cwe = {el .}
ce /library
make_cylind_compartment
make_cylind_symcompartment
make_sphere_compartment
make_sphere_symcompartment
make_Na_hh_tchan
make_K_hh_tchan
make_Ex_channel
make_Inh_channel
make_spike
ce {gs_protodefs_cwe}
