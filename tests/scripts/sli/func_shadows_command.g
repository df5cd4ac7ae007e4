function strlen(s)
    return 99
end
echo {strlen abc}
