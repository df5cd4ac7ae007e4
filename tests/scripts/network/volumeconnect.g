// volumeconnect: masks in x-y-z (box, ellipsoid); planarconnect ignores z;
// volumedelay/volumeweight measure distances in x-y-z
include netcell
createmap /proto/cell /net 3 1 -delta 1e-3 0
position /net/cell[1] I I 2e-3
echo {getfield /net/cell[1]/soma/syn z}
// cell 1 is 2.24 mm from cells 0 and 2, which are 2 mm apart: none is
// within 1.5 mm of another
volumeconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -relative \
    -sourcemask box -1 -1 -1 1 1 1 -destmask ellipsoid 0 0 0 1.5e-3 1.5e-3 1.5e-3 \
    -desthole box -1e-4 -1e-4 -1e-4 1e-4 1e-4 1e-4
echo {getsyncount /net/cell[0]/soma/syn} {getsyncount /net/cell[1]/soma/syn} {getsyncount /net/cell[2]/soma/syn}
// seen from above (x-y only) cell 1 is 1 mm from each
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -relative \
    -sourcemask box -1 -1 1 1 -destmask ellipse 0 0 1.5e-3 1.5e-3 -desthole box -1e-4 -1e-4 1e-4 1e-4
echo {getsyncount /net/cell[0]/soma/syn} {getsyncount /net/cell[1]/soma/syn} {getsyncount /net/cell[2]/soma/syn}
// a sphere of 2.5 mm reaches cell 1 from both ends
volumeconnect /net/cell[0]/soma/spike /net/cell[]/soma/syn -relative \
    -sourcemask ellipsoid 0 0 0 1 1 1 -destmask e 0 0 0 2.5e-3 2.5e-3 2.5e-3 -desthole b 0 0 0 0 0 0
echo {getsyncount /net/cell[0]/soma/spike}
// distances: x-y-z for volumedelay/volumeweight, x-y for planardelay
volumedelay /net/cell[0]/soma/spike /net/cell[1]/soma/syn -radial 1
volumeweight /net/cell[0]/soma/spike /net/cell[1]/soma/syn -decay 1000 2 1
echo {getfield /net/cell[1]/soma/syn synapse[0].delay} {getfield /net/cell[1]/soma/syn synapse[2].weight} {getfield /net/cell[1]/soma/syn synapse[1].weight}
planardelay /net/cell[0]/soma/spike /net/cell[1]/soma/syn -radial 1
echo {getfield /net/cell[1]/soma/syn synapse[0].delay} {getfield /net/cell[1]/soma/syn synapse[2].delay}
