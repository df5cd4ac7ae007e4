int local = 1
int end_x = 2
str nil = "n"
int _u = 3
int C = 4
int S = 5
echo {local} {end_x} {nil} {_u} {C} {S}
