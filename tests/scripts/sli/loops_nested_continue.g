str a, b
foreach a (x y)
    foreach b (1 2 3)
        if (b == 2)
            continue
        end
        echo {a}{b}
    end
end
