// test-status: 0
// createmap: copies numbered in row order, positions from -delta and
// -origin rounded to float, the subtree moved with each copy, a missing
// destination made as a neutral, a map replaced with a warning, -object
include netcell
createmap /proto/cell /net 3 2 -delta 1e-3 2e-3 -origin 0.5e-3 -1e-3
le /net
echo {getfield /net/cell[4] x} {getfield /net/cell[4] y} {getfield /net/cell[4]/soma/spike x}
echo {getfield /net/cell[0]/soma/syn y} {getfield /net/cell[5]/soma/syn y}
// the messages inside each copy came along
showmsg /net/cell[5]/soma/syn
echo {getfield /net/cell[2] index} {getfield /net/cell[2]/soma/spike thresh}
// default spacing 1 1 and origin 0 0; an existing destination is used
create neutral /grid
createmap /proto/cell /grid 2 2
echo {getfield /grid/cell[3] x} {getfield /grid/cell[3] y}
// again over the same map: replaced (warning), not duplicated
createmap /proto/cell /grid 2 1 -delta 5 5
echo {countelementlist /grid/cell[]} {getfield /grid/cell[1] x} {getfield /grid/cell[3] y}
// -object: elements of a class
createmap compartment /cmp 2 1 -object -delta 0.1 0
echo {getfield /cmp/compartment[1] x} {isa compartment /cmp/compartment[1]}
