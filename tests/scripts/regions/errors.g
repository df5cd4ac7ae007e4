// test-options: -nox
// regions refuse bad input with one clear error and connect nothing
include netcell
createmap /proto/cell /lam 2 1 -delta 1e-3 1e-3
createmap /proto/cell /med 3 1 -delta 1e-3 1e-3
create neutral /other
region lam /lam
region med /med
regionport lam /lam/cell[0:2]/soma/spike -output
regionport lam /lam/cell[0:2]/soma/syn -input
regionport med /med/cell[0:3]/soma/spike -output
regionport med /med/cell[0:3]/soma/syn -input
// declaring
region lam /other
region x /lam/cell[1]
region y /nothing
region a/b /other
regionport nowhere /other -input
regionport lam /lam/cell[0:2]/soma/spike -output
regionport lam /lam/cell[0:3]/soma/spike -output
regionport lam /lam/cell[0:2]/soma -output
regionport lam /lam/cell[0]/soma/spike -input
regionport lam /med/cell[0]/soma/syn -input
regionport lam /lam/cell[0]/soma/syn -input -output
regionport lam /lam/cell[0:2/soma/syn -input
showregion nowhere
// patterns
regionconnect q /lam/cell[0]/soma/syn /med/cell[0]/soma/syn
regionconnect q /lam/cell[0]/soma/spike /med/cell[0]/soma/spike
regionconnect q /lam/cell[0:2]/soma/spike /med/cell[0:3]/soma/syn
regionconnect q /lam/cell[0]/soma/spike,/med/cell[0]/soma/spike /med/cell[0:2]/soma/syn
regionconnect q /other /med/cell[0]/soma/syn
regionconnect q /lam/cell[0]/soma /med/cell[0]/soma/syn
regionconnect q /lam/cell[0:2]/soma/spike /med/cell[0:3]/soma/syn -alltoall -random 0.5
regionconnect q /lam/cell[0:2]/soma/spike /med/cell[0:3]/soma/syn -random 1.5
regionconnect q /lam/cell[0:2]/soma/spike /med/cell[0:3]/soma/syn -alltoall -delay -1
regionconnect q /lam/cell[0:2]/soma/spike /med/cell[0:3]/soma/syn[1:3] -alltoall
showpattern q
// nothing was connected by any of them
echo {getsyncount /med/cell[0]/soma/syn} {getsyncount /med/cell[1]/soma/syn} \
    {getsyncount /med/cell[2]/soma/syn} {getsyncount /lam/cell[0]/soma/spike}
regionconnect q /lam/cell[0:2]/soma/spike /med/cell[1:3]/soma/syn
regionconnect q /lam/cell[0:2]/soma/spike /med/cell[1:3]/soma/syn
showregion lam
// graded ports: a field to send, a message of one value to receive, one
// kind per side and per pattern, no weight or delay
regionport lam /lam/cell[0:2]/soma -output -graded Vx
regionport med /med/cell[0]/soma -input -graded PLUS
regionport lam /lam/cell[0]/soma -input -graded CHANNEL
echo {regionport lam /lam/cell[0:2]/soma -output -graded Vm}
echo {regionport med /med/cell[0:3]/soma -input -graded INJECT}
regionconnect g /lam/cell[0:2]/soma/spike /med/cell[0:2]/soma
regionconnect g /lam/cell[0:2]/soma /med/cell[0:2]/soma/syn
regionconnect g /lam/cell[0]/soma,/lam/cell[1]/soma/spike /med/cell[0:2]/soma
regionconnect g /lam/cell[0:2]/soma /med/cell[0:2]/soma -weight 2
regionconnect g /lam/cell[0:2]/soma /med/cell[0:2]/soma -delay 0.001
echo {regionconnect g /lam/cell[0:2]/soma /med/cell[2,0]/soma}
showpattern g
showregion med
