int i
if (i == 0)
 echo zero
elif (i < 0); echo neg
else
 echo pos
end
while (i < 3)
 i = i + 1
 if (i == 2)
  continue
 end
end
for (i = 0; i < 3; i = i + 1)
 break
end
str s
foreach s (a {arglist "b c"} "d e")
 echo {s}
end
