// test-options: -nosimrc
echo {1/0} {5 % 0}
echo after
