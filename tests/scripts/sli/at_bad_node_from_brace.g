// test-options: -nosimrc
str w = "0,,1"
echo@{w} x
str e = ""
echo@{e} y
