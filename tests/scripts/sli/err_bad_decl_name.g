int ok
int 5x = 3
