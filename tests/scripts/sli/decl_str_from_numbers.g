str s = 1.0/3
str t = 7 * 6
str u = 2.50
echo {s} {t} {u}
