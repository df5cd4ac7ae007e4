echo one
x = 1
echo two
