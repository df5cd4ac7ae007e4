// squid.p: a soma with squid HH channels and a dendrite with a synapse
// (the example of GENESIS's readcell documentation, in our own numbers)
*relative
*cartesian
*asymmetric
*set_compt_param RM 0.33333
*set_compt_param RA 0.3
*set_compt_param CM 0.01
*set_compt_param EREST_ACT -0.07
*set_compt_param ELEAK -0.0594      // the soma's leak balances its resting channels
soma none 30 0 0 30  Na_squid_hh 1200  K_squid_hh 360  spike 0.0
*set_compt_param ELEAK -0.07
dend soma 100 0 0 2  Ex_channel 0.795775
