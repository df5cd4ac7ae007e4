// dens.p: what the number after each name means
*relative
*set_compt_param RM 1.0
*set_compt_param RA 1.0
*set_compt_param CM 0.01
*set_compt_param EREST_ACT -0.07
// positive: per m^2 of membrane; negative: an absolute value
soma none 30 0 0 20  Na 1200  K -3e-8  Ex 2  Inh -5e-10  spike -0.02
// Ca_concen: B per volume (of the shell 'thick' deep, or the whole),
// negative: B itself; the channels' addmsg fields link them
dend soma 100 0 0 4  CaL 10  Ca_pool 2.6e-8  KCa 20  Ca_shell -1e11
// names not in /library set compartment fields; RA, RM and CM recompute
// Ra, Rm and Cm from the cell's constants
*set_compt_param RA 3.0
tip dend 10 0 0 1  inject 2e-10  Em -0.06  RA 0
