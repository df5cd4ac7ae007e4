str s
foreach s (a b c d e)
    if (s == "b")
        continue
    end
    if (s == "d")
        break
    end
    echo {s}
end
