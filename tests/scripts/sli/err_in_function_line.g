// test-options: -nosimrc
function f
    echo in f
    nosuch
    echo still in f
end
f
echo back
