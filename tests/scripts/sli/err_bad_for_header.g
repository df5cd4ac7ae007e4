int i
for (i = 0; i < 3)
    echo {i}
end
