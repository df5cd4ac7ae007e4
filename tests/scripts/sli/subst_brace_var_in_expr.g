int n = 4
echo {{n} + 1} {({n})*2}
