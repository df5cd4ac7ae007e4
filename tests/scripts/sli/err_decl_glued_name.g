float tau-1 = 2
