int i = 1
i = i + i * 2
echo {i}
