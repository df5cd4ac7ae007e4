// rnet_grid.g MODE: a 6 x 4 grid of cells 1 m apart, cut into nnodes
// horizontal slices as PGENESIS's par-RSnet does: node n makes rows
// n*4/nnodes .. (n+1)*4/nnodes - 1 with createmap, and each cell's
// io_index is its number in the whole grid, ix + 6*iy. Each cell has a
// spikegen and a synchan. MODE:
//   serial  one node, volumeconnect over the whole grid;
//   all     rvolumeconnect from each node's cells to the synchans @all;
//   half    the same with -probability 0.5;
//   half7   half after randseed 7;
//   err     as all, then rvolumeconnect commands that must fail, each
//           followed by "total TAG NODE N": the synapses of the node.
// Every synchan then prints "syn DST SRC" for each of its synapses
// (DST, SRC: io_index of the cells; a remote source is an rspike proxy
// whose gid is that index) and "count DST N".
str mode = {argv 1}
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
if ({strcmp {mode} serial} == 0)
    y0 = 0
    rows = NY
end
createmap /lib/cell /net {NX} {rows} -delta 1 1 -origin 0 {y0}
for (i = 0; i < NX*rows; i = i + 1)
    setfield /net/cell[{i}] io_index {i + NX*y0}
end
barrier

// The io_index of the source of a synapse (the gid of a proxy).
function srcid(path)
    str path
    if ({isa rspike {path}})
        return {getfield {path} gid}
    end
    return {getfield {getpath {path} -head} io_index}
end

function show
    int i, k, n
    for (i = 0; i < NX*rows; i = i + 1)
        n = {getsyncount /net/cell[{i}]/syn}
        echo count {i + NX*y0} {n}
        for (k = 0; k < n; k = k + 1)
            echo syn {i + NX*y0} {srcid {getsynsrc /net/cell[{i}]/syn {k}}}
        end
    end
end

// the eight neighbours of each cell (diagonals are 1.41 m away)
if ({strcmp {mode} serial} == 0)
    volumeconnect /net/cell[]/spike /net/cell[]/syn -relative \
        -sourcemask box -1 -1 -1 10 10 1 -destmask ellipsoid 0 0 0 1.5 1.5 0.5 \
        -desthole box -0.5 -0.5 -0.5 0.5 0.5 0.5
elif ({strcmp {mode} all} == 0)
    rvolumeconnect /net/cell[]/spike /net/cell[]/syn@all -relative \
        -sourcemask box -1 -1 -1 10 10 1 -destmask ellipsoid 0 0 0 1.5 1.5 0.5 \
        -desthole box -0.5 -0.5 -0.5 0.5 0.5 0.5
elif ({strcmp {mode} half} == 0 || {strcmp {mode} half7} == 0)
    if ({strcmp {mode} half7} == 0)
        randseed 7
    end
    rvolumeconnect /net/cell[]/spike /net/cell[]/syn@all -relative \
        -sourcemask box -1 -1 -1 10 10 1 -destmask ellipsoid 0 0 0 1.5 1.5 0.5 \
        -desthole box -0.5 -0.5 -0.5 0.5 0.5 0.5 -probability 0.5
end
barrier
if ({strcmp {mode} err} != 0)
    show
    return
end

function total(tag)
    str tag
    int i, n = 0
    for (i = 0; i < NX*rows; i = i + 1)
        n = n + {getsyncount /net/cell[{i}]/syn}
    end
    echo total {tag} {me} {n}
end
rvolumeconnect /net/cell[]/spike /net/cell[]/syn@all -relative \
    -sourcemask box -1 -1 -1 10 10 1 -destmask ellipsoid 0 0 0 1.5 1.5 0.5 \
    -desthole box -0.5 -0.5 -0.5 0.5 0.5 0.5
barrier
total start
rvolumeconnect /net/cell[]/spike /net/cell[]/syn@all -sourcemask box -1 -1 -1 10 10 1 \
    -destmask box 0 0 1
barrier
total mask
rvolumeconnect /net/cell[]/spike /net/cell[]@all -sourcemask box -1 -1 -1 10 10 1 \
    -destmask box -1 -1 -1 10 10 1
barrier
total notsyn
rvolumeconnect /net/cell[]/spike /net/cell[]/syn@{N} -sourcemask box -1 -1 -1 10 10 1 \
    -destmask box -1 -1 -1 10 10 1
barrier
total range
rvolumeconnect /net/cell[]/spike /net/cell[]/syn@0,{N + 2} -sourcemask box -1 -1 -1 10 10 1 \
    -destmask box -1 -1 -1 10 10 1
barrier
total range2
