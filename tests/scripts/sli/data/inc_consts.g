int NC = 5
float HALF = 0.5
