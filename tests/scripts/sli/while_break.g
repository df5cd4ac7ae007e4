int i = 0
while (1)
    i = i + 1
    if (i == 4)
        break
    end
end
echo {i}
