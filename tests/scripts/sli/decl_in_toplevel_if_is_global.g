if (1)
    int g = 5
end
echo {g}
