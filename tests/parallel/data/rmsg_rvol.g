// rmsg_rvol.g MODE: rvolumeconnect, then rvolumedelay/rvolumeweight with
// distance rules and random parts (MODE par), or the same network on one
// node with volumeconnect, volumedelay and volumeweight (MODE serial).
// Eight cells (/net/cell[i], io_index i, on node i % nnodes) at points of
// a 4 x 2 x 3 grid, each with a spikegen and a synchan; every cell feeds
// the others within 250 um. Each node prints the weight and delay of
// every synapse it holds, named by the io_index of both ends: the lines,
// sorted, must be the same for 1, 2 and 4 nodes and for the serial
// commands.
str mode = {argv 1}
paron -parallel
int serial = {strcmp {mode} serial} == 0
int N = {nnodes}
int me = {mynode}
int NC = 8
int i, j, k
float x, y, z
if (serial)
    N = 1
end
create neutral /net
for (i = 0; i < NC; i = i + 1)
    if ({i % N} == me)
        x = {(i % 4)*1e-4}
        y = {{trunc {i / 4}}*1e-4}
        z = {(i % 3)*5e-5}
        create neutral /net/cell[{i}]
        addfield /net/cell[{i}] io_index
        setfield /net/cell[{i}] io_index {i}
        create spikegen /net/cell[{i}]/spike
        create synchan /net/cell[{i}]/syn
        setfield /net/cell[{i}] x {x} y {y} z {z}
        setfield /net/cell[{i}]/spike x {x} y {y} z {z}
        setfield /net/cell[{i}]/syn x {x} y {y} z {z}
    end
end
barrier
if (serial)
    volumeconnect /net/cell[]/spike /net/cell[]/syn -relative \
        -sourcemask box -1 -1 -1 1 1 1 -destmask ellipsoid 0 0 0 2.5e-4 2.5e-4 2.5e-4 \
        -desthole box -1e-6 -1e-6 -1e-6 1e-6 1e-6 1e-6
    volumedelay /net/cell[]/spike -radial 0.5 -gaussian 0.1 0.3
    volumeweight /net/cell[]/spike -decay 2000 2 0.5 -uniform 0.2
    volumedelay /net/cell[]/spike -fixed 0.001 -add -exponential 0.0005 0.002 -absoluterandom
else
    rvolumeconnect /net/cell[]/spike /net/cell[]/syn@all -relative \
        -sourcemask box -1 -1 -1 1 1 1 -destmask ellipsoid 0 0 0 2.5e-4 2.5e-4 2.5e-4 \
        -desthole box -1e-6 -1e-6 -1e-6 1e-6 1e-6 1e-6
    barrier
    rvolumedelay /net/cell[]/spike -radial 0.5 -gaussian 0.1 0.3
    rvolumeweight /net/cell[]/spike -decay 2000 2 0.5 -uniform 0.2
    rvolumedelay /net/cell[]/spike -fixed 0.001 -add -exponential 0.0005 0.002 -absoluterandom
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

for (j = 0; j < NC; j = j + 1)
    if ({j % N} == me)
        for (k = 0; k < {getsyncount /net/cell[{j}]/syn}; k = k + 1)
            echo syn {srcid {getsynsrc /net/cell[{j}]/syn {k}}} {j} \
                {getfield /net/cell[{j}]/syn synapse[{k}].weight} \
                {getfield /net/cell[{j}]/syn synapse[{k}].delay}
        end
    end
end
barrier
