int a = 5
int a = 7
echo {a}
