// test-options: -nosimrc
echo {sqrt}
echo next
