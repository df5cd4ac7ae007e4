int i
for (i = 0; \
     i < 2; \
     i = i + 1)
    echo {i}
end
