create neutral /proto
create compartment /proto/soma
create spikegen /proto/soma/spike
setfield /proto/soma/spike thresh 0 abs_refract 0.001
create synchan /proto/soma/syn
setfield /proto/soma/syn tau1 0.001 tau2 0.002 gmax 1e-9
addmsg /proto/soma/syn /proto/soma CHANNEL Gk Ek
addmsg /proto/soma /proto/soma/syn VOLTAGE Vm
addmsg /proto/soma /proto/soma/spike INPUT Vm
createmap /proto /net 4 4 -delta 1 1
planarconnect /net/soma[]/spike /net/soma[]/syn -relative -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1 -probability 0.5
planarweight /net/soma[]/spike -fixed 2
planardelay /net/soma[]/spike -fixed 0.001
getsyncount /net/soma[0]/syn
setclock 0 5e-5
reset
step 40
