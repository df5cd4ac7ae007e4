// step.g: the PGENESIS way of driving a parallel model from node 0's
// prompt: the other nodes wait at a barrier and run step@all, reset@all
// while they wait (between the steps they run requests too).
paron -parallel
setclock 0 0.001
create neutral /x
reset
if ({mynode} != 0)
    barrier 15
end
echo@0 ready
