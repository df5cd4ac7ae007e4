// planarconnect: -relative masks (ellipse with a box hole) give the four
// nearest neighbours; synapses are numbered in source order; absolute
// masks; several masks and holes; probability above 1; getsyn queries
include netcell
createmap /proto/cell /net 4 3 -delta 1e-3 1e-3
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -relative \
    -sourcemask box -1 -1 1 1 -destmask ellipse 0 0 1.2e-3 1.2e-3 \
    -desthole box -0.5e-3 -0.5e-3 0.5e-3 0.5e-3 -probability 1.1
str s = ""
int i
for (i = 0; i < 12; i = i + 1)
    s = s @ {getsyncount /net/cell[{i}]/soma/syn} @ " "
end
echo synapses per cell: {s}
echo sources of cell 5: {getsynsrc /net/cell[5]/soma/syn 0} {getsynsrc /net/cell[5]/soma/syn 1} \
    {getsynsrc /net/cell[5]/soma/syn 2} {getsynsrc /net/cell[5]/soma/syn 3}
echo targets of cell 5: {getsyncount /net/cell[5]/soma/spike} {getsyndest /net/cell[5]/soma/spike 0} \
    {getsyndest /net/cell[5]/soma/spike 3 -index}
echo {getsyncount /net/cell[5]/soma/spike /net/cell[6]/soma/syn} \
    {getsyncount /net/cell[6]/soma/syn /net/cell[5]/soma/spike} \
    {getsyncount /net/cell[5]/soma/spike /net/cell[11]/soma/syn}
echo {getsynindex /net/cell[6]/soma/spike /net/cell[5]/soma/syn}
// a box of side 2.02 mm around each source also takes the diagonals
createmap /proto/cell /n2 3 3 -delta 1e-3 1e-3
planarconnect /n2/cell[]/soma/spike /n2/cell[]/soma/syn -relative -sourcemask b -1 -1 1 1 \
    -destmask b -1.01e-3 -1.01e-3 1.01e-3 1.01e-3 -desthole b 0 0 0 0
echo centre {getsyncount /n2/cell[4]/soma/syn} corner {getsyncount /n2/cell[0]/soma/syn}
// absolute masks: only sources in the left column, only targets in the
// right column, two destination masks
createmap /proto/cell /n3 3 3 -delta 1e-3 1e-3
planarconnect /n3/cell[]/soma/spike /n3/cell[]/soma/syn -sourcemask box 0 0 0.5e-3 1 \
    -destmask box 1.5e-3 0 1 0.5e-3 -destmask ellipse 2e-3 2e-3 0.1e-3 0.1e-3
echo {getsyncount /n3/cell[0]/soma/spike} {getsyncount /n3/cell[1]/soma/spike} \
    {getsyncount /n3/cell[2]/soma/syn} {getsyncount /n3/cell[5]/soma/syn} \
    {getsyncount /n3/cell[8]/soma/syn}
// a hole overrules every mask
planarconnect /n3/cell[]/soma/spike /n3/cell[]/soma/syn -sourcemask box -1 -1 1 1 \
    -destmask box -1 -1 1 1 -desthole box -1 -1 1 1
echo {getsyncount /n3/cell[4]/soma/syn}
