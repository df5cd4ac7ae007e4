echo ok
echo {1 + 2
