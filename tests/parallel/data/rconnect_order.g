// rconnect_order.g: rvolumeconnect's pairs and their order against a
// plain double loop written here. 200 spike sources /net/s[i] and 200
// synchans /net/d[j] on an irregular lattice of 1/8 m steps, 12 x 11 x 3.5 m (so the mask
// arithmetic is exact, here and in C, and many cells lie exactly on a
// mask's edge, where binning is most easily wrong). Masks: two source
// masks with a hole; relative destination masks: an ellipsoid, an offset
// box and a hole (small next to the lattice, so that each source looks
// at a few bins of destinations only). For every synchan, the sources of its synapses in index
// order must be the sources, in list order, whose relative position is in
// the destination region. Every node makes the same elements; the last
// node connects its sources to node 0's synchans (so on more than one node
// the positions travel and the synapses come from rspike proxies, whose
// gid is the source's io_index), and node 0 checks. It prints "synapses
// N", then "wrong J ..." for a synchan whose list differs.
paron -parallel
int n = 200
create neutral /net
int i, j
for (i = 0; i < n; i = i + 1)
    create spikegen /net/s[{i}]
    addfield /net/s[{i}] io_index
    setfield /net/s[{i}] io_index {i}
    setfield /net/s[{i}] x {((i*7) % 97)/8.0} y {((i*11) % 89)/8.0} z {((i*3) % 29)/8.0}
    create synchan /net/d[{i}]
    setfield /net/d[{i}] x {((i*13) % 97)/8.0} y {((i*5) % 89)/8.0} z {((i*2) % 29)/8.0}
end

function in_src(x, y, z)
    float x, y, z
    if (x >= 1.5 && x <= 3.5 && y >= 0.25 && y <= 1.5 && z >= 0 && z <= 1)
        return 0
    end
    if (x >= 0 && x <= 11 && y >= 0 && y <= 11 && z >= 0 && z <= 3.5)
        return 1
    end
    if ((x - 11.5)*(x - 11.5)/1 + (y - 3)*(y - 3)/4 + (z - 2)*(z - 2)/4 <= 1)
        return 1
    end
    return 0
end

function in_dst(x, y, z)
    float x, y, z
    if (x >= -0.25 && x <= 0.25 && y >= -0.25 && y <= 0.25 && z >= -0.25 && z <= 0.25)
        return 0
    end
    if (x*x/1 + y*y/0.25 + z*z/1 <= 1)
        return 1
    end
    if (x >= 0.5 && x <= 1.25 && y >= -1 && y <= 0.5 && z >= -0.5 && z <= 0.5)
        return 1
    end
    return 0
end

// the source of a synapse: its io_index, or the gid of its proxy
function srcid(path)
    str path
    if ({isa rspike {path}})
        return {getfield {path} gid}
    end
    return {getfield {path} io_index}
end

barrier
if ({mynode} == {nnodes} - 1)
    rvolumeconnect /net/s[] /net/d[]@0 -relative \
        -sourcemask box 0 0 0 11 11 3.5 -sourcemask ellipsoid 11.5 3 2 1 2 2 \
        -sourcehole box 1.5 0.25 0 3.5 1.5 1 \
        -destmask ellipsoid 0 0 0 1 0.5 1 -destmask box 0.5 -1 -0.5 1.25 0.5 0.5 \
        -desthole box -0.25 -0.25 -0.25 0.25 0.25 0.25
end
barrier
if ({mynode} != 0)
    return
end

int total = 0, k
str want, got
float dx, dy, dz
for (j = 0; j < n; j = j + 1)
    want = ""
    for (i = 0; i < n; i = i + 1)
        dx = {getfield /net/d[{j}] x} - {getfield /net/s[{i}] x}
        dy = {getfield /net/d[{j}] y} - {getfield /net/s[{i}] y}
        dz = {getfield /net/d[{j}] z} - {getfield /net/s[{i}] z}
        if ({in_src {getfield /net/s[{i}] x} {getfield /net/s[{i}] y} {getfield /net/s[{i}] z}} && {in_dst {dx} {dy} {dz}})
            want = {want} @ " " @ {i}
        end
    end
    got = ""
    for (k = 0; k < {getsyncount /net/d[{j}]}; k = k + 1)
        got = {got} @ " " @ {srcid {getsynsrc /net/d[{j}] {k}}}
    end
    total = total + {getsyncount /net/d[{j}]}
    if ({strcmp {want} {got}} != 0)
        echo wrong {j} want{want} got{got}
    end
end
echo synapses {total}
