*relative
soma none 10 0 0 10 Na 1e3e
