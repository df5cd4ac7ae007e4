str s
foreach s (foo bar baz)
    echo {s}
end
