// test-options: -nox
// messages a widget does not take, and bad slots: errors, nothing added
setclock 0 1
create pulsegen /pg
create xform /f
create xgraph /f/g
create xdraw /f/d
create xview /f/d/v
addmsg /pg /f/g VAL1 output
addmsg /pg /f/g PLOT output *name
addmsg /pg /f/g PLOT *text *name *red
addmsg /pg /f/g X output *nosuchplot
addmsg /pg /f/d/v COORDS x y
addmsg /pg /f/d/v IVAL1 *first output
addmsg /pg /f PLOT output *p *red
echo {getmsg /f/g -incoming -count} {getmsg /f/d/v -incoming -count} {el /f/g/#[TYPE=xplot]}
// an ICOORDS index must be a point number; a shown field must exist; field2
// cannot be msgin: reset warns, leaves that part of the view empty, and the
// simulation goes on
addmsg /pg /f/d/v ICOORDS -1 x y z
addmsg /pg /f/d/v ICOORDS 1 x y z
reset
echo ncoords {getfield /f/d/v ncoords}
deletemsg /f/d/v 0 -incoming
addmsg /pg /f/d/v ICOORDS 2.5e9 x y z
reset
echo ncoords {getfield /f/d/v ncoords}
deletemsg /f/d/v 0 -incoming
deletemsg /f/d/v 0 -incoming
setfield /f/d/v path /pg field nosuchfield field2 nosuchfield2
reset
step 1
echo ncoords {getfield /f/d/v ncoords} value {getfield /f/d/v values[0][0]}
setfield /f/d/v field output field2 msgin
reset
setfield /pg level1 5 baselevel 3
setfield /f/d/v field2 ""
reset
echo {getfield /f/d/v ncoords} {getfield /f/d/v values[0][0]}
// points outside ncoords are not fields
echo {getfield /f/d/v values[0][1]}
echo {getfield /f/d/v values[5][0]}
