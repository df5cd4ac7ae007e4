// rconnect_grid.g: a 6 x 4 grid of cells 1 m apart cut into nnodes
// horizontal slices (as rnet_grid.g: node n makes rows n*4/nnodes ..
// (n+1)*4/nnodes - 1, io_index = ix + 6*iy), each cell with a spikegen and
// a synchan, connected to its eight neighbours by rvolumeconnect. Then the
// last node replaces its last cell's synchan by a neutral, and every node
// runs the same rvolumeconnect again: it must fail on every node, naming
// that element and its node, and add no synapse anywhere. "total TAG NODE
// N": the synapses of the node's synchans before and after.
paron -parallel
int N = {nnodes}
int me = {mynode}
int NX = 6
int NY = 4
int y0 = me*NY/N
int rows = (me + 1)*NY/N - y0
int i

create neutral /lib
create neutral /lib/cell
addfield /lib/cell io_index
create spikegen /lib/cell/spike
create synchan /lib/cell/syn
createmap /lib/cell /net {NX} {rows} -delta 1 1 -origin 0 {y0}
for (i = 0; i < NX*rows; i = i + 1)
    setfield /net/cell[{i}] io_index {i + NX*y0}
end

function total(tag)
    str tag
    int i, n = 0
    for (i = 0; i < NX*rows; i = i + 1)
        if ({isa synchan /net/cell[{i}]/syn})
            n = n + {getsyncount /net/cell[{i}]/syn}
        end
    end
    echo total {tag} {me} {n}
end

barrier
rvolumeconnect /net/cell[]/spike /net/cell[]/syn@all -relative \
    -sourcemask box -1 -1 -1 10 10 1 -destmask ellipsoid 0 0 0 1.5 1.5 0.5 \
    -desthole box -0.5 -0.5 -0.5 0.5 0.5 0.5
barrier
if (me == N - 1)
    delete /net/cell[{NX*rows - 1}]/syn
    create neutral /net/cell[{NX*rows - 1}]/syn
end
barrier
total before
rvolumeconnect /net/cell[]/spike /net/cell[]/syn@all -relative \
    -sourcemask box -1 -1 -1 10 10 1 -destmask ellipsoid 0 0 0 1.5 1.5 0.5 \
    -desthole box -0.5 -0.5 -0.5 0.5 0.5 0.5
barrier
total after
