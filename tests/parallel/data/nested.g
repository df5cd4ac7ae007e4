// nested.g: reset (an agreement among all nodes) then step@all from node 0,
// thirty times. A node may still be in reset's agreement when node 0's
// step@all reaches it: the step (and its own agreement, with the same
// meeting id) then runs inside it, and each agreement must pair with the
// right one on the other nodes.
paron -parallel
setclock 0 0.001
create neutral /x
int i
for (i = 0; i < 30; i = i + 1)
    reset
    if ({mynode} == 0)
        step@all 3
    end
    barrier 3
end
echo@0 node {mynode} at {getstat -time} after {getstat -step} steps
barrier 4
