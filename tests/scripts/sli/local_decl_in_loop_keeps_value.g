function f
    int n = 0
    while (n < 3)
        int count
        count = count + 1
        n = n + 1
        echo {count}
    end
end
f
