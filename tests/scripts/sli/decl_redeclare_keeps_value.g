int a = 5
float a
echo {a} {a/2}
int a
echo {a}
