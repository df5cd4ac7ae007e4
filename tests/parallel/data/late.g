// late.g: node 1 is still busy when node 0's prompt comes; what node 1
// prints afterwards must appear above node 0's prompt, not in the line
// being typed.
paron -parallel
if ({mynode} == 1)
    sh sleep 2
    echo late line from node 1
    setfield /nothing Vm 1
    barrier 15
end
