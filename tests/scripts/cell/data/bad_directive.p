*relative
*set_compt_param RM 2
*sphere_mode
soma none 10 0 0 10
