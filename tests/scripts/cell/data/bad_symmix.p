*relative
soma none 10 0 0 10
*symmetric
dend soma 10 0 0 2
