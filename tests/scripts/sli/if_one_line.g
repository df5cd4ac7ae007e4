int a = 1
int b = 2
if( a < b); echo {a} is less than {b}; end
if (0); echo no; else; echo else; end
