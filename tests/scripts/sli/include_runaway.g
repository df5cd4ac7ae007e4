// test-options: -nosimrc
include inc_self
echo after
