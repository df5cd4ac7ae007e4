// rscell.p - the one-compartment regular-spiking cell of the rsnet
// tutorial, read with: readcell rscell.p /library/rscell
//
// Units: lengths in micrometres; everything else SI.  The soma is a
// cylinder 105 um long and 105 um across (its side area, about
// 3.46e-8 m^2, scales the densities below).  The channel prototypes
// must exist in /library before readcell runs (rsprotos.g makes them).

*cartesian          // x y z are the end point of the compartment
*relative           // ... measured from its parent's end (here, the origin)
*asymmetric

*set_compt_param    RM          2.2     // membrane resistivity, ohm m^2
*set_compt_param    RA          2.5     // axial resistivity, ohm m
*set_compt_param    CM          0.01    // membrane capacitance, F/m^2
*set_compt_param    ELEAK      -0.080   // leak reversal (the Em field), V
*set_compt_param    EREST_ACT  -0.070   // initial potential (initVm), V

//  name parent  x  y  z    d    channel  density (S/m^2; spike: threshold V)
soma    none     0  0  105  105  \
    Na_rs   516  \
    Kdr_rs  100  \
    KM_rs     5  \
    Ex_syn  0.3  \
    spike   0.0
