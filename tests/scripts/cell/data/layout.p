// layout.p: comments and continued lines
/* a block comment
   *relative    <- not a directive: inside the comment
*/
	*relative	// tabs and a comment after a directive
*set_compt_param RM 1 /* inline */ 
*set_compt_param RA 1
*set_compt_param CM 0.01
*set_compt_param EREST_ACT -0.07

soma none 20 0 0 20 \
    Na 100 \
    K 50     // the rest of a continued line
dend soma /* from the soma */ 40 0 0 2
