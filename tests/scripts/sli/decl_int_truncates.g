int i = 3.9
int j = -3.9
echo {i} {j}
