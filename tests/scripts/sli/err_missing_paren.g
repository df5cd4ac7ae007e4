if 1 < 2
    echo x
end
