function hello
    echo hello from {argv 0}
end
hello
