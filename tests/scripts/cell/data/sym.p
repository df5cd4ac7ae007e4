// sym.p: symmetric compartments: a soma with three children
*relative
*symmetric
*set_compt_param RM 1.0
*set_compt_param RA 1.0
*set_compt_param CM 0.01
*set_compt_param EREST_ACT -0.07
soma none 10 0 0 10
d1 soma 20 0 0 2
d2 soma 0 20 0 2
d3 soma 0 0 20 2
t1 d1 20 0 0 1
