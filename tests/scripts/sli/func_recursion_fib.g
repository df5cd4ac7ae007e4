function fib(n)
    int n
    if (n < 2)
        return n
    end
    return {fib {n-1}} + {fib {n-2}}
end
echo {fib 15}
