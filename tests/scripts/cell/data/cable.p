// cable.p: a soma and a 300 um cable, for the splitting options
*relative
*set_compt_param RM 1.0
*set_compt_param RA 1.0
*set_compt_param CM 0.01
*set_compt_param EREST_ACT -0.07
soma none 20 0 0 20
cable soma 300 0 0 2  Na 10
tip cable 30 0 0 1
