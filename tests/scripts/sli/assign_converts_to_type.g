int i
i = 7.8
str s
s = 1.5e-3
float f
f = 2
echo {i} {s} {f} {f / 4}
