int i
for (i = 1; i <= 5; i = i + 1)
    echo {i}
end
echo after {i}
