int x = 4
str s = "text"
echo {x} {s}
