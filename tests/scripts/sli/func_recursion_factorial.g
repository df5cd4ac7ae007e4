function fact(n)
    int n
    if (n <= 1)
        return 1
    end
    return n * {fact {n - 1}}
end
echo {fact 10} {fact 1}
