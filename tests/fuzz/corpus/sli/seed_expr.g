int a, b = 2, c = a + b
float x = 1.5e-3
str s = "t" @ 1 @ 2.5
echo {a / 2} {x * 2} {s @ "!"} {-a ** 2} {!a + 1} {a < b && b >= c || 0}
echo {"3" + 1} {5 % 3} {~5 & 3 | 1 ^ 2} {{strlen {s}} * 2} {(1+2)*3}
x = {getfield /a x} / 2
