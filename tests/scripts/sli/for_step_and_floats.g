float x
for (x = 0; x < 1; x = x + 0.25)
    echo {x}
end
