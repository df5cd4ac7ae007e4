echo a
end
