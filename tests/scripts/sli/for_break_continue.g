int i
for (i = 0; i < 10; i = i + 1)
    if (i == 2)
        continue
    end
    if (i == 5)
        break
    end
    echo {i}
end
echo stopped at {i}
