// launch.g: a small parallel script with one error on node 0.
paron -parallel
echo@0 node {mynode} of {nnodes}
barrier
if ({mynode} == 0)
    nosuch
end
