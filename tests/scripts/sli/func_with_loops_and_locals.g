function sum_to(n)
    int n, i, total = 0
    for (i = 1; i <= n; i = i + 1)
        total = total + i
    end
    return total
end
echo {sum_to 100}
