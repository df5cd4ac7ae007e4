// forever.g: every node steps a compartment for a very long time, so that
// a test can signal the launcher while the ranks run. Node 0 writes
// "running" once the run has begun.
paron -parallel
create compartment /c
reset
barrier
if ({mynode} == 0)
    echo running
end
step 1e9
