// regions_file.g: patterns read from files (regions_pairs*.txt) between
// region a (node 0) and b (the last node): a destination that does not
// exist, a bad number, a source that is no port, a missing file and bad
// options are errors with nothing connected; the good file connects its
// three lines with their weights and delays (-weight/-delay where a line
// gives none).
include regions_cell
paron -parallel
int N = {nnodes}
int me = {mynode}
if (me == 0)
    createmap /proto/cell /a 2 1
end
if (me == N - 1)
    createmap /proto/cell /b 2 1
end
region a /a -node 0
region b /b -node {N - 1}
regionport a /a/cell[0:2]/soma/spike -output
regionport b /b/cell[0:2]/soma/syn -input
regionconnect p -file regions_pairs_bad1.txt -weight 4
regionconnect p -file regions_pairs_bad2.txt
regionconnect p -file regions_pairs_bad3.txt
regionconnect p -file nothere.txt
regionconnect p -file regions_pairs.txt -alltoall
regionconnect p /a/cell[0]/soma/spike -file regions_pairs.txt
echo made {regionconnect p -file regions_pairs.txt -weight 4 -delay 0.001}
showpattern p
if (me == N - 1)
    echo {getsyncount /b/cell[0]/soma/syn} {getsyncount /b/cell[1]/soma/syn}
end
