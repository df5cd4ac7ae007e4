// planarweight/planardelay: -fixed, -radial, -decay, -add, a destination
// path, and random parts (uniform, gaussian, exponential; relative or
// -absoluterandom) drawn per connection, so they repeat exactly
include netcell
createmap /proto/cell /net 3 3 -delta 1e-3 1e-3
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -relative -sourcemask box -1 -1 1 1 \
    -destmask box -1.5e-3 -1.5e-3 1.5e-3 1.5e-3 -desthole box 0 0 0 0
planardelay /net/cell[]/soma/spike -fixed 0.002
planarweight /net/cell[]/soma/spike -fixed 10
echo {getsyncount /net/cell[4]/soma/syn} {getfield /net/cell[4]/soma/syn synapse[7].delay} \
    {getfield /net/cell[4]/soma/syn synapse[7].weight}
// radial: the diagonal neighbours are sqrt(2) mm away
planardelay /net/cell[]/soma/spike -radial 0.5
echo {getfield /net/cell[4]/soma/syn synapse[0].delay} {getfield /net/cell[4]/soma/syn synapse[1].delay}
planardelay /net/cell[]/soma/spike -fixed 0.001 -add
echo {getfield /net/cell[4]/soma/syn synapse[0].delay}
// a destination path limits the synapses set
planarweight /net/cell[4]/soma/spike /net/cell[0]/soma/syn -fixed 3
echo {getfield /net/cell[0]/soma/syn synapse[2].weight} {getfield /net/cell[1]/soma/syn synapse[3].weight} \
    {getsynsrc /net/cell[0]/soma/syn 2}
// decay with distance
planarweight /net/cell[]/soma/spike -decay 500 4 1
echo {getfield /net/cell[4]/soma/syn synapse[0].weight} {getfield /net/cell[4]/soma/syn synapse[1].weight}
// random parts: within their bounds, and the same on a second identical call
function spread(field, lo, hi)
    str field
    float lo, hi
    int i, k, n = 0
    float v
    for (i = 0; i < 9; i = i + 1)
        for (k = 0; k < {getsyncount /net/cell[{i}]/soma/syn}; k = k + 1)
            v = {getfield /net/cell[{i}]/soma/syn synapse[{k}].{field}}
            if (v < lo || v > hi)
                n = n + 1
            end
        end
    end
    return {n}
end
planarweight /net/cell[]/soma/spike -fixed 10 -uniform 0.2
echo uniform: outside {spread weight 8 12}
str w1 = {getfield /net/cell[4]/soma/syn synapse[5].weight}
planarweight /net/cell[]/soma/spike -fixed 10 -uniform 0.2
echo repeat: {strcmp {w1} {getfield /net/cell[4]/soma/syn synapse[5].weight}}
planarweight /net/cell[]/soma/spike -fixed 10 -uniform 0.2 -absoluterandom
echo absolute: outside {spread weight 9.8 10.2}
planardelay /net/cell[]/soma/spike -fixed 0.002 -gaussian 0.1 0.15
echo gaussian: outside {spread delay 0.0017 0.0023}
planardelay /net/cell[]/soma/spike -fixed 0.002 -exponential 0.001 0.003 -absoluterandom
echo exponential: outside {spread delay 0.002 0.005}
// a random part never makes a value negative
planarweight /net/cell[]/soma/spike -fixed 1 -uniform 5 -absoluterandom
echo negative: outside {spread weight 0 6}
