// stepall.g: node 1 finishes its script at once; node 0 then steps every
// node with step@all (as a user does at node 0's prompt): node 1, though
// done with its script, runs the step and meets node 0 at the step's
// barrier (stepall.test).
function steps
    return {getstat -step}
end
paron -parallel
create compartment /c
setclock 0 1e-4
reset
if ({mynode} == 0)
    step@all 200
    echo node 0 at step {getstat -step}, node 1 at step {steps@1}
    step@all 0.01 -time
    echo node 0 at step {getstat -step}, node 1 at step {steps@1}
end
