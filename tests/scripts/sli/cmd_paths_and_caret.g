echo /network/cell[3]/soma ../x ^ . cell[]
