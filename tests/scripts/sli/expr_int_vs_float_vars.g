int i = 5
int j = 2
float x = 2
str num = "5"
echo {i/j} {i/x} {num/2}
