*relative
*rand_spines 1 2 3 4 5 spine
