function f(a, b, c)
    echo [{a}] [{b}] [{c}] {argc}
end
f x
