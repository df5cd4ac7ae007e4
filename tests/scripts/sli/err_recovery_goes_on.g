// test-options: -nosimrc
echo one
nosuch
echo two
x = 1
echo {undeclared}
echo three
