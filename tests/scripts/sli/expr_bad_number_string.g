// test-options: -nosimrc
str num = "i/x"
echo {num}
echo {{num}/2}
echo {"abc" + 1}
