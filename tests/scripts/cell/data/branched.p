// hsolve_branched.g's cell: an asymmetric branched tree whose children
// come in mixed order (branches with and without children of their own)
*relative
*cartesian
*asymmetric
*set_global RM 2.0
*set_global RA 1.5
*set_global CM 0.012
*set_global EREST_ACT -0.068
soma  none  0   0   20   20  Na 1200  K 360
d1    soma  0   0   100  4
d2    soma  0   0   -60  3   K 50
d3    soma  40  0   0    3
d1a   d1    50  0   50   2
d1b   d1    -50 0   50   2
d1b1  d1b   0   0   80   1
d3a   d3    40  0   0    2
