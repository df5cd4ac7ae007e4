if (1) echo same line
end
if (0) echo no
else echo else line
end
