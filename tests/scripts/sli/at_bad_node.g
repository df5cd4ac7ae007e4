// test-options: -nosimrc
echo@3 hi
echo@1,0 x
echo@0.2 z
echo after
