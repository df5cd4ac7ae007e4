// regions_h5.g FILE...: patterns read from pattern files, text or HDF5,
// between region a (node 0) and b (the last node), as regions_file.g
// makes them: each file in turn, -weight 4 -delay 0.001 for the rows that
// give none; the last pattern made is listed and b's synapses counted.
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
int i
str made = ""
for (i = 1; i <= {argc}; i = i + 1)
    made = {regionconnect p{i} -file {argv {i}} -weight 4 -delay 0.001}
end
echo made {made}
showpattern p{argc}
if (me == N - 1)
    echo {getsyncount /b/cell[0]/soma/syn} {getsyncount /b/cell[1]/soma/syn}
end
