float x = 2.5
str x
echo {x @ "!"}
