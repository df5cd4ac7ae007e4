include inc_defs
function use(n)
    int n
    return {inc_twice {n}} + INC_N
end
echo {use 2}
