int i = 0
while (i < 5)
    i = i + 1
    if (i % 2 == 0)
        continue
    end
    echo {i}
end
