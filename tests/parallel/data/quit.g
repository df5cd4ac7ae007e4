// quit.g: quit@all on node 0 ends every node wherever it is (here: at a
// barrier, where PGENESIS scripts keep the other nodes for node 0).
paron -parallel
int top = {nnodes} - 1
if ({mynode} == 0)
    echo@{top} before
    quit@all
    echo never 0
end
barrier 15
echo never {mynode}
