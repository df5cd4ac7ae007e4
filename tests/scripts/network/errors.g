// test-options: -nox
// network commands refuse bad input with one clear error and change nothing
include netcell
createmap /proto/cell /net 2 2 -delta 1e-3 1e-3
create compartment /plain
setclock 0 50e-6
// createmap
createmap /proto/cell /m 0 2
createmap /proto/cell /m 2 2 -delta -1 1
createmap /nothing /m 2 2
createmap nosuchclass /m 2 2 -object
createmap /proto/cell /no/such/parent 2 2
echo {exists /m}
// masks
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -sourcemask box -1 -1 1 1 -destmask box 0 0 1
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -sourcemask box -1 -1 1 1 -destmask circle 0 0 1 1
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -sourcemask box -1 -1 1 1 -destmask ellipse 0 0 0 1
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -sourcemask box 1 -1 -1 1 -destmask box -1 -1 1 1
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 x
volumeconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1
volumeconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -sourcemask box -1 -1 -1 1 1 1 -destmask ellipse 0 0 0 1 1 1
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -destmask box -1 -1 1 1
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -source box -1 -1 1 1 -destmask box -1 -1 1 1
// probability, classes, patterns
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1 -probability -0.5
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/# -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1
planarconnect /net/cell[]/soma /net/cell[]/soma/syn -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1
planarconnect /net/cell[]/soma/spike /net/celll[]/soma/syn -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1
echo {getsyncount /net/cell[0]/soma/syn}
// delays and weights
planarconnect /net/cell[]/soma/spike /net/cell[]/soma/syn -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1
planardelay /net/cell[]/soma/spike -fixed 0.002
planardelay /net/cell[]/soma/spike -fixed -0.001
planardelay /net/cell[]/soma/spike -fixed 1e6
planardelay /net/cell[]/soma/spike -radial 0
planardelay /net/cell[]/soma/spike
planardelay /net/cell[]/soma/spike -fixed 0.001 -radial 1
planardelay /net/cell[]/soma/spike -fixed 0.001 -uniform 0.1 -gaussian 0.1 0.2
planardelay /net/cell[]/soma/spike -fixed 0.001 -exponential 0 1
planardelay /net/cell[]/soma/spike -fixed 0.001 -exponential 0.1 -1
planardelay /net/cell[]/soma/spike -fixed 0.001 -gaussian 1 1e-9 -absoluterandom
planarweight /net/cell[]/soma/spike -fixed 2 -decay 1 2 3
planarweight /net/cell[]/soma/spike -decay 1 2
planarweight /nowhere -fixed 1
echo {getfield /net/cell[0]/soma/syn synapse[3].delay}
// syndelay and the queries
syndelay /net/cell[0]/soma/syn -0.5
syndelay /plain 0.001
syndelay /net/cell[0]/soma/syn 0.001 -uniform 1 -exponential 1 2
getsyncount /plain
getsyncount /net/cell[0]/soma/spike /net/cell[1]/soma/spike
getsyncount /net/cell[9]/soma/syn
getsynsrc /net/cell[0]/soma/syn 4
getsynsrc /net/cell[0]/soma/spike 0
getsyndest /net/cell[0]/soma/spike 4
getsyndest /net/cell[0]/soma/syn 0
getsynindex /net/cell[0]/soma/spike /plain
getsynindex /net/cell[0]/soma/spike /net/cell[1]/soma/syn -num 1
getsynindex /net/cell[0]/soma/spike /net/cell[1]/soma/syn -num -1
echo {getfield /net/cell[0]/soma/syn synapse[3].delay}
