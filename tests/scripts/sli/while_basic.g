int i = 3
while (i > 0)
    echo {i}
    i = i - 1
end
