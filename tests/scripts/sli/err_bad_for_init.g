int i
for (echo; i < 3; i = i + 1)
end
