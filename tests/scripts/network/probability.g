// planarconnect -probability p < 1: each pair is kept when its keyed draw
// is below p; the draws depend on the seed, the command's words and the
// two elements, not on a shared sequence, so they repeat exactly
include netcell
createmap /proto/cell /net 10 10 -delta 1e-3 1e-3
function count_all(path)
    str path
    int i, n = 0
    for (i = 0; i < 100; i = i + 1)
        n = n + {getsyncount {path}/cell[{i}]/soma/syn}
    end
    return {n}
end
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -sourcemask box -1 -1 1 1 \
    -destmask box -1 -1 1 1 -probability 0.25
// 10,000 pairs at p = 0.25
int n1 = {count_all /net}
echo {n1 > 2350 && n1 < 2650}
// the same command on a copy of the map with the same element names
// draws the same pairs
createmap /proto/cell /net2 10 10 -delta 1e-3 1e-3
move /net /net_a
move /net2 /net
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -sourcemask box -1 -1 1 1 \
    -destmask box -1 -1 1 1 -probability 0.25
echo {{count_all /net} == n1} {getsynsrc /net/cell[7]/soma/syn 2} {getsynsrc /net_a/cell[7]/soma/syn 2}
// other words (here p 0.2500) draw independently
createmap /proto/cell /n3 10 10 -delta 1e-3 1e-3
planarconnect /n3/cell[]/soma/spike /n3/cell[]/soma/syn -sourcemask box -1 -1 1 1 \
    -destmask box -1 -1 1 1 -probability 0.2500
echo {{count_all /n3} != n1}
// p = 0 connects nothing; p = 1 and p > 1 connect every pair
int n3 = {count_all /n3}
planarconnect /n3/cell[]/soma/spike /n3/cell[]/soma/syn -sourcemask box -1 -1 1 1 \
    -destmask box -1 -1 1 1 -probability 0
echo {{count_all /n3} == n3}
createmap /proto/cell /n4 2 2
planarconnect /n4/cell[]/soma/spike /n4/cell[]/soma/syn -sourcemask box -10 -10 10 10 \
    -destmask box -10 -10 10 10 -probability 1
echo {getsyncount /n4/cell[0]/soma/syn} {getsynsrc /n4/cell[0]/soma/syn 0}
