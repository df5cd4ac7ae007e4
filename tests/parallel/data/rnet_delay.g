// rnet_delay.g: a SPIKE message from node 0 to the last node with a delay
// of 0 (below one step): the first step fails on every node, since a
// spike could not reach the other node in time; on one node the message
// is local and the run goes on.
paron -parallel
int N = {nnodes}
setclock 0 1e-4
if ({mynode} == 0)
    create spikegen /src
end
if ({mynode} == N - 1)
    create synchan /syn
end
barrier
if ({mynode} == 0)
    raddmsg /src /syn@{N - 1} SPIKE
end
barrier
reset
step 5
echo stepped {mynode} {getstat -step}
