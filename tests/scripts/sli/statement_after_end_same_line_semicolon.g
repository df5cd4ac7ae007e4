if (1)
    echo a
end; echo b
