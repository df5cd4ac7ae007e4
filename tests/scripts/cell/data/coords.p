// coords.p: the coordinate modes. Lengths come from the points; the
// compartment's position is its end point, in m.
*absolute                 // the default: points are absolute
*cartesian
*set_compt_param RM 1
*set_compt_param RA 1
*set_compt_param CM 0.01
*set_compt_param EREST_ACT -0.07
a none   10 0 0  2        // from the origin to (10, 0, 0) um
b a      10 20 0 2        // from a to (10, 20, 0): 20 um
*relative
c b      0 0 30  2        // 30 um along z from b
d .      3 4 0   2        // "." is the compartment of the line before
*polar
e d      50 90 90 2       // r 50 um, theta 90, phi 90: along y
f e      20 0 0  2        // phi 0: along z
*cartesian
*absolute
*origin 0.001 0 0         // metres, as GENESIS reads it
g none   1010 0 0 2       // 10 um from the origin at x = 1 mm
*double_endpoint
h g      1010 5 0  1010 15 0  2   // from (1010, 5, 0) to (1010, 15, 0): 10 um
*relative
i h      0 1 0  0 0 8  2          // starts 1 um past h, runs 8 um along z
*double_endpoint_off
