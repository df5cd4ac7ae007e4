function f(x)
    int x = 5
    echo {x} $1 $2 [{$1}] {$1 @ $2}
end
f 3 two
