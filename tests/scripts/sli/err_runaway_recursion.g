// test-options: -nosimrc
function f(n)
    int n
    f {n + 1}
end
f 1
echo not reached
