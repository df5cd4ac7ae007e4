int i
for (i = 5; i < 3; i = i + 1)
    echo never
end
echo {i}
