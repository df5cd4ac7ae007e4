*relative
soma none 10 0 0 10 Na 100

dend soma 10 0 0 2 Na_x 5
