*relative
soma none 0 0 0 10
