function f
    echo one
end
f
function f
    echo two
end
f
