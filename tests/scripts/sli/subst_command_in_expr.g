echo {{strlen abc} * 2 + 1}
