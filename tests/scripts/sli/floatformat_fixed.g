floatformat %.2f
echo {3.14159} {7} {1e-3}
str s = 2.0/3
echo {s}
