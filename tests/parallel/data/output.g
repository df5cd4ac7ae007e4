// output.g: where each node's ordinary output goes: node 0's to stdout as
// it is, the others' with "[node K] " in front of every line (Lua's print
// too), or to files NAME.K after paron -output NAME.
paron -parallel
echo line from {mynode}
echo -nonewline part from {mynode}
echo " and the rest"
lua print(42, gensh.C.mynode())
barrier 1
paroff
paron -parallel -output log
echo logged by {mynode}
echo@0 seen on node 0: {mynode}
barrier 2
