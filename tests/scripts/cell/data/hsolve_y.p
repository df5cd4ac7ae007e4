// A branched cell of symcompartments (tests/scripts/cell/hsolve_symmetric.g):
// a soma with three dendrites, two of them in pieces.
*symmetric
*relative
*cartesian
*set_compt_param RM 2.0
*set_compt_param RA 1.0
*set_compt_param CM 0.01
*set_compt_param EREST_ACT -0.065
soma none 20 0 0 20
d1 soma 50 0 0 2
d1b d1 50 0 0 2
d2 soma 0 50 0 2
d3 soma 0 0 50 1
d3b d3 0 0 50 1
d3c d3b 0 0 50 1
