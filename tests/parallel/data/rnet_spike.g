// rnet_spike.g MODE: spike sources on some nodes feeding synchans on
// others through raddmsg SPIKE (MODE par), or the same network on one
// node built with addmsg (MODE serial). Five pulse-driven spikegens and
// a randomspike (/cell{i}, io_index i, on node i % nnodes) feed four passive
// compartments with a synchan (/dcell{j}, io_index 100 + j, on node
// (j + 1) % nnodes). Each synapse gets a weight and delay that depend on
// its source and destination, set through synapse[k].weight/delay after
// finding the source of synapse k (a remote source is an rspike proxy
// whose gid is the source's io_index). Phase 1 runs 40 ms printing the
// destinations' Gk and Vm every 1 ms and the step of each destination's
// first spike arrival; phase 2 sets every synapse of each
// source to one delay and weight with rvolumedelay/rvolumeweight -fixed
// (volumedelay/volumeweight in MODE serial), prints every synapse's
// weight and delay on the node that holds it, and runs again.
str mode = {argv 1}
paron -parallel
int serial = {strcmp {mode} serial} == 0
int N = {nnodes}
int me = {mynode}
int NS = 5
int ND = 4
int i, j, k
setclock 0 1e-4

function src_node(i)
    int i
    return {i % N}
end

function dst_node(j)
    int j
    return {(j + 1) % N}
end

// The randomspike's draws are keyed by its identity (the io_index of
// /cell5), not by when it was made, so every slicing sees the same spikes:
// the first at step 46, which reaches /dcell2 58 steps later in phase 1
// (step 104) and 35 steps later in phase 2 (step 81).
if ({src_node 5} == me)
    create neutral /cell5
    addfield /cell5 io_index
    setfield /cell5 io_index 5
    create randomspike /cell5/spike
    setfield /cell5/spike rate 150 abs_refract 0.001 min_amp 1 max_amp 1
end
for (i = 0; i < NS; i = i + 1)
    if ({src_node {i}} == me)
        create neutral /cell{i}
        addfield /cell{i} io_index
        setfield /cell{i} io_index {i}
        create pulsegen /cell{i}/pulse
        // 1 ms pulses, the first at 6.1 + 1.3 i ms (a spike one step later)
        setfield /cell{i}/pulse level1 1 width1 0.001 delay1 {0.0061 + 0.0013*i} \
            level2 1 width2 0.001 delay2 {0.007 + 0.001*i} baselevel 0 trig_mode 0
        create spikegen /cell{i}/spike
        setfield /cell{i}/spike thresh 0.5 abs_refract 0.0005 output_amp 1
        addmsg /cell{i}/pulse /cell{i}/spike INPUT output
    end
end
for (j = 0; j < ND; j = j + 1)
    if ({dst_node {j}} == me)
        create compartment /dcell{j}
        setfield /dcell{j} Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
        addfield /dcell{j} io_index
        addfield /dcell{j} first
        setfield /dcell{j} io_index {100 + j}
        create synchan /dcell{j}/syn
        setfield /dcell{j}/syn Ek 0 tau1 0.001 tau2 0.003 gmax 1e-9
        addmsg /dcell{j}/syn /dcell{j} CHANNEL Gk Ek
        addmsg /dcell{j} /dcell{j}/syn VOLTAGE Vm
    end
end
barrier

// source i feeds destination j
function conn(i, j)
    int i, j
    if ({src_node {i}} != me)
        return
    end
    if (serial)
        addmsg /cell{i}/spike /dcell{j}/syn SPIKE
    else
        raddmsg /cell{i}/spike /dcell{j}/syn@{dst_node {j}} SPIKE
    end
end
conn 0 0
conn 0 1
conn 1 0
conn 1 2
conn 2 3
conn 3 1
conn 3 2
conn 3 3
conn 4 0
conn 4 3
conn 5 0
conn 5 2
barrier

// The io_index of the source of a synapse (the gid of a proxy).
function srcid(path)
    str path
    if ({isa rspike {path}})
        return {getfield {path} gid}
    end
    return {getfield {getpath {path} -head} io_index}
end

for (j = 0; j < ND; j = j + 1)
    if ({dst_node {j}} == me)
        for (k = 0; k < {getsyncount /dcell{j}/syn}; k = k + 1)
            int s = {srcid {getsynsrc /dcell{j}/syn {k}}}
            setfield /dcell{j}/syn synapse[{k}].weight {0.5 + s + 0.25*j} \
                synapse[{k}].delay {0.0015 + 0.0007*s + 0.0004*j}
        end
    end
end

function show(phase)
    str phase
    int j
    for (j = 0; j < ND; j = j + 1)
        if ({dst_node {j}} == me)
            echo {phase} {getstat -step} {j} {getfield /dcell{j}/syn Gk} {getfield /dcell{j} Vm}
        end
    end
end

// Steps one at a time, noting for each destination the first step after
// which its Gk is above 0 (the first spike's arrival).
function run(phase)
    str phase
    int t, j
    float g
    reset
    for (j = 0; j < ND; j = j + 1)
        if ({dst_node {j}} == me)
            setfield /dcell{j} first 0
        end
    end
    show {phase}
    for (t = 1; t <= 400; t = t + 1)
        step
        for (j = 0; j < ND; j = j + 1)
            if ({dst_node {j}} == me)
                g = {getfield /dcell{j}/syn Gk}
                if (g > 0 && {getfield /dcell{j} first} == 0)
                    setfield /dcell{j} first {t}
                    echo first {phase} {j} {t}
                end
            end
        end
        if (t % 10 == 0)
            show {phase}
        end
    end
end

run 1
barrier

for (i = 0; i <= NS; i = i + 1)
    if ({src_node {i}} == me)
        if (serial)
            volumedelay /cell{i}/spike -fixed {0.001 + 0.0005*i}
            volumeweight /cell{i}/spike -fixed {3 - 0.5*i}
        else
            rvolumedelay /cell{i}/spike -fixed {0.001 + 0.0005*i}
            rvolumeweight /cell{i}/spike -fixed {3 - 0.5*i}
        end
    end
end
barrier
for (j = 0; j < ND; j = j + 1)
    if ({dst_node {j}} == me)
        for (k = 0; k < {getsyncount /dcell{j}/syn}; k = k + 1)
            echo syn {j} {srcid {getsynsrc /dcell{j}/syn {k}}} \
                {getfield /dcell{j}/syn synapse[{k}].weight} \
                {getfield /dcell{j}/syn synapse[{k}].delay}
        end
    end
end
run 2
barrier
