str a = "10"
str b = "9"
int n = 9
echo {a < b} {a > n} {b == n}
