int n
n = {strlen hello}
float h
h = {strlen abc} / 2
float k = {strlen abc} / 2.0
echo {n} {h} {k}
