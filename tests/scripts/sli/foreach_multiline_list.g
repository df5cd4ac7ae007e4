str s
foreach s ( a \
    b
    c )
    echo {s}
end
