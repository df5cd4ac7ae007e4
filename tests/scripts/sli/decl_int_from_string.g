int i = "42abc"
int j = "  -7"
int k = "3.9"
echo {i} {j} {k}
