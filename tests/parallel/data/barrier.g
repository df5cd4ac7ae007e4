// barrier.g: barrier and barrierall with and without ids, bad arguments,
// barriers whose ids do not match (the timeout names the node that did
// not come and where it is), and a barrier that the node ending the run
// will never reach.
paron -parallel
barrier 1
barrier
barrierall 2
barrierall
barrier 0
barrier 25
barrier 3 -1
int top = {nnodes} - 1
if ({nnodes} > 1)
    if ({mynode} == top)
        barrier 5 30
    else
        if ({mynode} == 0)
            barrier 6 1
        else
            barrier 6 30
        end
        barrier 5 30
    end
end
echo@0 passed {mynode}
barrier 7
if ({mynode} != 0)
    barrier 8 30
end
