// rsnet.p: the regular-spiking cell of rscell.p with the library's
// synchan and spike generator, as the RSnet tutorial names them
*cartesian
*relative
*asymmetric
*set_global RM 2.2
*set_global RA 2.5
*set_global CM 0.01
*set_global EREST_ACT -0.07
*set_compt_param ELEAK -0.08
soma none 0 0 105 105  Na_rs 516  Kdr_rs 100  KM_rs 5  spike 0.0  Ex_channel 1
