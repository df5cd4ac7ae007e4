// three.p: a soma and two dendrite compartments in a chain
*relative
*set_compt_param RM 0.5
*set_compt_param RA 2.0
*set_compt_param CM 0.015
*set_compt_param EREST_ACT -0.065
*set_compt_param ELEAK -0.06
soma  none  25 0 0  25
dend1 soma  200 0 0 2.5
dend2 dend1 0 150 0 1.5
