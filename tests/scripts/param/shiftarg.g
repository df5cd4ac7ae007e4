// shiftarg and remarg: the first word of a string, and what is left (the
// way the param library's scripts walk an argument list). The expected
// output is nxgenesis 2.4's for this script.
str rest = "  alpha beta	gamma  "
str w
while (1)
    w = {shiftarg {rest}}
    if ({strlen {w}} == 0)
        break
    end
    rest = {remarg}
    echo "word <"{w}"> rest <"{rest}">"
end
echo "<"{shiftarg "single"}"> <"{remarg}">"
echo "<"{shiftarg "   "}"> <"{remarg}">"
