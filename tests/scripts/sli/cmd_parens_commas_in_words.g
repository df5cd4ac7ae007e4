echo (a,b) f(x) [1,2,3]
