// rscell.p: a one-compartment regular-spiking cell with the passive and
// channel parameters of the RSnet tutorial's cell: a 105 um cylinder,
// 105 um long, resting at -0.07 V with a leak reversing at -0.08 V.
*cartesian
*relative
*asymmetric

*set_global RM 2.2         // ohm m^2
*set_global RA 2.5         // ohm m
*set_global CM 0.01        // F/m^2
*set_global EREST_ACT -0.07
*set_compt_param ELEAK -0.08

// name parent x y z dia, then channel densities (S/m^2); the spikegen's
// "density" is its threshold; the synchan's gmax is set by the script
soma none 0 0 105 105  Na_rs 516  Kdr_rs 100  KM_rs 5  spike 0.0  Ex_rs 1
