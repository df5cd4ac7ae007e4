if (0)
    echo no
else
    echo yes
end
