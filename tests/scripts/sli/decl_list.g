int a, b = 2, c = a + b
echo {a} {b} {c}
