echo {1 +
   2}
echo after
