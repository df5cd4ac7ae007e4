*relative
soma none 10 0 0 0
