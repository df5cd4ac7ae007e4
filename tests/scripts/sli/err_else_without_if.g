while (0)
else
end
