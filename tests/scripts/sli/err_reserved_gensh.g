// test-options: -nosimrc
int gensh = 1
echo ok
