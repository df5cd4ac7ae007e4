function add(a, b)
    int a, b
    return a + b
end
echo {add 2 3}
