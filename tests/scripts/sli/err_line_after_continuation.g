echo a \
  b \
  c
echo {1 +* 2}
