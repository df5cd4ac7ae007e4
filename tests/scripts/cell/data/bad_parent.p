*relative
soma none 10 0 0 10
dend axon 10 0 0 2
