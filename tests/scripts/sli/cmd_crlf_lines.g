echo a
echo b
int x = 1
echo {x}
