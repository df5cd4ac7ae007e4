// test-options: -nosimrc
include inc_error
echo done
