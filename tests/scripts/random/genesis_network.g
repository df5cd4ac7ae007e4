// planarconnect -probability, volumeconnect, planarweight, planardelay,
// volumeweight, volumedelay and syndelay with random parts, drawn from
// GENESIS's generators (ran1, then SPRNG): the same pairs, weights and
// delays as GENESIS 2.4 (the .out is nxgenesis's output for this script,
// less the progress dots GENESIS prints for each source)
setrand -nr
randseed 17
create neutral /proto/cell
create spikegen /proto/cell/spike
create synchan /proto/cell/syn
createmap /proto/cell /net 4 4 -delta 1 1
planarconnect /net/cell[]/spike /net/cell[]/syn -relative -sourcemask box -10 -10 10 10 -destmask box -1.5 -1.5 1.5 1.5 -desthole box -0.5 -0.5 0.5 0.5 -probability 0.5
planarweight /net/cell[]/spike -fixed 2 -uniform 0.5
planardelay /net/cell[]/spike -fixed 0.01 -gaussian 0.3 0.6
str line
int i, k, n
for (i = 0; i < 16; i = i + 1)
    n = {getsyncount /net/cell[{i}]/syn}
    line = {n}
    for (k = 0; k < n; k = k + 1)
        line = line @ " " @ {getfield /net/cell[{i}]/syn synapse[{k}].weight} @ "/" @ {getfield /net/cell[{i}]/syn synapse[{k}].delay}
    end
    echo {line}
end
planardelay /net/cell[]/spike -radial 10 -exponential 0.5 2 -absoluterandom
planarweight /net/cell[]/spike -decay 0.5 3 1 -gaussian 0.2 1
syndelay /net/cell[]/syn 0.002 -add -uniform 0.1
for (i = 0; i < 16; i = i + 1)
    n = {getsyncount /net/cell[{i}]/syn}
    line = {n}
    for (k = 0; k < n; k = k + 1)
        line = line @ " " @ {getfield /net/cell[{i}]/syn synapse[{k}].weight} @ "/" @ {getfield /net/cell[{i}]/syn synapse[{k}].delay}
    end
    echo {line}
end
echo {rand 0 1}
setrand -sprng
randseed 3
planarconnect /net/cell[]/spike /net/cell[]/syn -relative -sourcemask box -10 -10 10 10 -destmask box -1.5 -1.5 1.5 1.5 -probability 0.3
volumeconnect /net/cell[]/spike /net/cell[]/syn -relative -sourcemask box -10 -10 -10 10 10 10 -destmask ellipsoid 0 0 0 1.1 1.1 1 -probability 0.4
volumeweight /net/cell[]/spike -fixed 1 -exponential 0.3 0.9
volumedelay /net/cell[]/spike -fixed 0.005 -uniform 0.2
for (i = 0; i < 16; i = i + 1)
    n = {getsyncount /net/cell[{i}]/syn}
    line = {n}
    for (k = 0; k < n; k = k + 1)
        line = line @ " " @ {getfield /net/cell[{i}]/syn synapse[{k}].weight} @ "/" @ {getfield /net/cell[{i}]/syn synapse[{k}].delay}
    end
    echo {line}
end
echo {rand 0 1}
