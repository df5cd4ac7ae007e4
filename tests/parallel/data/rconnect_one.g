// rconnect_one.g: rvolumeconnect's refusals on a handful of elements,
// run by every node alike: each node has a spike source /s and, under
// /net, the synchans a and c around a neutral b. Every refused command
// must leave every synapse count as it was ("count NODE a c s": the
// synapses of /net/a and /net/c, the SPIKE messages of /s).
paron -parallel
int me = {mynode}
create spikegen /s
create neutral /net
create synchan /net/a
create neutral /net/b
create synchan /net/c
function counts(tag)
    str tag
    echo count {tag} {me} {getsyncount /net/a} {getsyncount /net/c} {getsyncount /s}
end
barrier
// b is no synchan: nothing is connected, not even a (which comes first)
rvolumeconnect /s /net/#@0 -sourcemask box -1 -1 -1 1 1 1 -destmask box -1 -1 -1 1 1 1
barrier
counts notsyn
// a negative probability: volumeconnect's own message
rvolumeconnect /s /net/a@0 -sourcemask box -1 -1 -1 1 1 1 -destmask box -1 -1 -1 1 1 1 \
    -probability -0.5
volumeconnect /s /net/a -sourcemask box -1 -1 -1 1 1 1 -destmask box -1 -1 -1 1 1 1 \
    -probability -0.5
// no destination mask
rvolumeconnect /s /net/a@0 -sourcemask box -1 -1 -1 1 1 1
barrier
counts prob
// the same without b connects every node's /s to a and c on node 0
rvolumeconnect /s /net/#[TYPE=synchan]@0 -sourcemask box -1 -1 -1 1 1 1 -destmask box -1 -1 -1 1 1 1
barrier
counts good
