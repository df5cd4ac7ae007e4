int x = 1
function f
    int x = 2
    echo in {x}
end
f
echo out {x}
