function find(what)
    str w
    foreach w (a b c d)
        if (w == what)
            return "found " @ w
        end
    end
    return "none"
end
echo {find c} {find z}
