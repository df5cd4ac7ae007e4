echo ok
echo "abc
echo never
