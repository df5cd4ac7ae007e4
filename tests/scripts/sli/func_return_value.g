function sq(x)
    float x
    return {x * x}
end
echo {sq 3} {sq 1.5} {{sq 2} + 1}
