// test-options: -nosimrc
echo start
include no_such_file
echo end
