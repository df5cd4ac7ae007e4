function f
    echo x
