function sign(n)
    int n
    if (n < 0)
        return -1
    end
    if (n == 0)
        return 0
    end
    return 1
end
echo {sign -5} {sign 0} {sign 7}
