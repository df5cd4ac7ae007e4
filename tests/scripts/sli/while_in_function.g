function count(n)
    int n, i = 0
    while (i < n)
        i = i + 1
    end
    return i
end
echo {count 4}
