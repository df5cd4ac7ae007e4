// a line with too few words
*relative
soma none 10 0 0 10
dend soma 10 0
