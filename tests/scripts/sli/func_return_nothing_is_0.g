function f
    return
end
function g
    echo side effect
end
echo {f} {g}
