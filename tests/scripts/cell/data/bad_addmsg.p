*relative
soma none 10 0 0 10 CaL 1
