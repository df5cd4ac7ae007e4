extern f2
function f1
    f2 called
end
function f2(a)
    echo f2 got {a}
end
f1
