// shapes.p: spheres and cylinders, symmetric compartments, a prototype
// compartment with children, membrane factors and collapsed spines
*relative
*set_compt_param RM 1.0
*set_compt_param RA 1.0
*set_compt_param CM 0.01
*set_compt_param EREST_ACT -0.07
*spherical
soma none 0 0 0 20            // a 20 um sphere: no length
*cylindrical
axon soma 50 0 0 1
*memb_factor 2                // doubles Rm's and Cm's area, not the channels'
dend soma 0 50 0 2  chan 10
*memb_factor 1
*add_spines 1.5 2 3           // dia <= 1.5 um: 2 spines/um of 3 um^2 each
thin dend 0 20 0 1  chan 10
*compt /library/rich          // copies of a compartment with channels in it
rich1 dend 0 40 0 4
rich2 rich1 0 80 0 4
