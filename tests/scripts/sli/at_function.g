function f(a)
    echo f got {a}
    return 7
end
f@0 one
echo {f@all two}
