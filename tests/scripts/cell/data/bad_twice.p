*relative
soma none 10 0 0 10
soma none 10 0 0 10
