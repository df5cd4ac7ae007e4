// prompt.g: the PGENESIS pattern: every node but 0 waits at a barrier, and
// node 0's prompt drives them.
function twice(x)
    int x
    return {x * 2}
end
paron -parallel
if ({mynode} != 0)
    barrier 15
end
echo@0 ready
