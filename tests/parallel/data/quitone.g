// quitone.g: quit on a node other than 0 ends that node's script only; it
// still runs what other nodes ask of it until node 0 ends the run.
paron -parallel
int top = {nnodes} - 1
if ({mynode} != 0)
    quit
    echo never
end
echo node 0 goes on
echo {mynode@{top}}
