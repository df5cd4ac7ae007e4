// paron_nodes.g: the script needs three nodes (PGENESIS's hello.g asks
// the same way); on fewer, the run stops at paron, on every node.
paron -parallel -nodes 3
echo@0 past paron on node {mynode}
barrier
paroff
echo after paroff
