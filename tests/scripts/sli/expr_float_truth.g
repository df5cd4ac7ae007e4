if (0.5)
    echo half is true
else
    echo half is false
end
if (-1.5)
    echo minus one and a half is true
end
echo {!0.9} {0.9 && 1} {1.0 || 0}
