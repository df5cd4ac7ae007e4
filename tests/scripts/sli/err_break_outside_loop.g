if (1)
    break
end
