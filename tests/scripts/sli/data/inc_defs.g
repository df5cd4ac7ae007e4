// defines a function and a global
int INC_N = 21
function inc_twice(x)
    int x
    return 2 * x
end
