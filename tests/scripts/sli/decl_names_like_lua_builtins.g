str table = "t"
int type = 2
float print = 1.5
echo {table} {type} {print * 2}
