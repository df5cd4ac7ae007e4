// test-options: -nosimrc
echo {nosuchvar * 2}
echo next
