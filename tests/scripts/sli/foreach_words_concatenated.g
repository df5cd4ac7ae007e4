int i = 7
str s
foreach s (x{i} {i}y "q"r)
    echo {s}
end
