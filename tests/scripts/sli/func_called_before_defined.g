function first
    second "from first"
end
function second(a)
    echo second got {a}
end
first
