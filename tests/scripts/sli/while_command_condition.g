str s = "x"
while ({strlen {s}} < 4)
    s = s @ "x"
end
echo {s}
