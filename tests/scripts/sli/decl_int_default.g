int a
echo {a}
