// params.p: compartment constants from *set_compt_param and *set_global
*relative
*set_compt_param RM 2.0
*set_compt_param RA 0.5
*set_compt_param CM 0.02
*set_compt_param EREST_ACT -0.065      // ELEAK follows EREST_ACT ...
a none 100 0 0 4
*set_global RM {RM_SCRIPT}             // a script global, in braces
*set_global CM CM_SCRIPT               // or bare
*set_global EREST_ACT -0.06
b a 100 0 0 4
*set_compt_param ELEAK -0.05           // ... until ELEAK is given
*set_global EREST_ACT -0.07
*set_global OTHER 42                   // any global
c b 100 0 0 4
*set_compt_param CONNECTTAIL 2         // two RAXIAL messages per link
d c 100 0 0 4
