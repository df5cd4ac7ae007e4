echo a
/* never closed
echo b
