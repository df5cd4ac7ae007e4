echo a
if (1)
    while (1)
        echo x
    end
