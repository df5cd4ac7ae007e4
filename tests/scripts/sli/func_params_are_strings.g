function f(a, b)
    echo [{a}] [{b}] {a @ b} {a == "01"}
end
f 01 2
