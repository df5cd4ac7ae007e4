// vacell.p - the one-compartment Hodgkin-Huxley cell of the vanet
// tutorial (the same cell for the excitatory and the inhibitory layer),
// read with: readcell vacell.p /library/Ex_cell
//
// Units: lengths in micrometres; everything else SI.  The soma is a
// cylinder 79.7885 um long and as wide, so its side area is 2e-8 m^2
// (20,000 um^2).  The channel prototypes must exist in /library before
// readcell runs (vaprotos.g makes them).

// x y z are the end point of a compartment, measured from its parent's
// end (here, the origin)
*cartesian
*relative
*asymmetric

*set_compt_param    RM          2       // membrane resistivity, ohm m^2
*set_compt_param    RA          0.3     // axial resistivity, ohm m
*set_compt_param    CM          0.01    // membrane capacitance, F/m^2
*set_compt_param    EREST_ACT  -0.065   // Em and initVm, V

// A negative density is an absolute conductance (S), not one per area.
//  name parent  x        y  z  d        channel  density
soma    none     79.7885  0  0  79.7885  \
    Na_hh     1000    \
    K_hh       300    \
    Ex_syn    -6e-9   \
    Inh_syn  -67e-9   \
    spike      0.0
