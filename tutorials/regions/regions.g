// regions.g - three brain regions on any number of nodes (issue 14):
// regions, ports, patterns and their mapping onto nodes. See README.md.
//
//     gensh -batch regions.g -batch                # one node
//     gensh -nodes 3 -batch regions.g -batch       # a region a node
//     gensh -nodes 4 -batch regions.g 0.7 -batch   # 0.7 s; node 3 idle
//     gensh -nodes 2 -batch regions.g -auto -batch # nodes chosen by gensh
//
// Arguments: [TMAX] [-batch] [-nopicture] [-auto]. TMAX is the model time
// (1 s); -batch runs it, writes the picture and ends every node;
// -nopicture leaves the picture out; -auto lets regionmap choose the
// regions' nodes (by their cells and synapses) instead of region k on
// node k % N.

float tmax = 1.0
float dt = 1e-4             // time step, s
int NCELL = 30              // local, projection and sensory neurons per group
float syn_gmax = 1e-9       // peak conductance of one unit event, S
float w_inside = 20         // sensory -> local and local -> projection, one to one
float w_between = 3         // projection -> local neurons of another region
float p_between = 0.1       // the probability of each such pair
float d_inside = 0.002      // delays, s
float d_between = 0.004
float g_graded = 2e-9       // A per V of the projection neurons' summed depolarization
float v_rest = -0.08        // the rest the graded inputs are measured from, V

int batch = 0
int picture = 1
int automap = 0
int a = 1
str arg
while (a <= {argc})
    arg = {argv {a}}
    if ({strcmp {arg} "-batch"} == 0)
        batch = 1
    elif ({strcmp {arg} "-nopicture"} == 0)
        picture = 0
    elif ({strcmp {arg} "-auto"} == 0)
        automap = 1
    else
        tmax = {arg}
    end
    a = a + 1
end

paron -parallel -silent 0
setfield /post pvm_hang_time 60
setclock 0 {dt}
int N = {nnodes}
int me = {mynode}

// The cell of the rsnet tutorial (../rsnet, found through SIMPATH), and
// the graded input of a local neuron: a diffamp whose output, an injected
// current, is g_graded times the summed depolarization it receives.
str here = {getpath {argv 0} -head}
setenv SIMPATH {here}:{here}../rsnet:{getenv SIMPATH}
include rsprotos.g
readcell rscell.p /library/rscell
setfield /library/rscell/soma/Ex_syn gmax {syn_gmax}
create diffamp /library/amp
setfield /library/amp gain {g_graded} saturation 1e-6 minus {2 * v_rest}

// One to one SPIKE messages from group SRC's spikegens to group DST's
// synchans inside a region, with weight w_inside.
function wire(src, dst)
    str src, dst
    int i
    for (i = 0; i < NCELL; i = i + 1)
        addmsg {src}/rscell[{i}]/soma/spike {dst}/rscell[{i}]/soma/Ex_syn SPIKE
        setfield {dst}/rscell[{i}]/soma/Ex_syn synapse[0].weight {w_inside} \
            synapse[0].delay {d_inside}
    end
end

// Region R, made on its node only: projection and local neurons, the
// local neurons' graded inputs, and for the first region the sensory
// neurons played stim.h5. Its files: R_vm.h5, the V of every neuron (a
// column each: projection, local, sensory), and R_spikes.h5, their spikes
// (SONATA, population R; node ids in the same order).
function make_region(r, sensory)
    str r
    int sensory, i
    create neutral /{r}
    createmap /library/rscell /{r}/proj {NCELL} 1 -delta 1e-4 1e-4
    createmap /library/rscell /{r}/local {NCELL} 1 -delta 1e-4 1e-4 -origin 0 1e-3
    createmap /library/amp /{r}/gin {NCELL} 1
    for (i = 0; i < NCELL; i = i + 1)
        addmsg /{r}/gin/amp[{i}] /{r}/local/rscell[{i}]/soma INJECT output
    end
    wire /{r}/local /{r}/proj
    str groups = "proj local"
    if (sensory)
        createmap /library/rscell /{r}/sens {NCELL} 1 -delta 1e-4 1e-4 -origin 0 2e-3
        create hdf5_in /{r}/stim
        setfield /{r}/stim filename {here}stim.h5
        for (i = 0; i < NCELL; i = i + 1)
            addmsg /{r}/stim /{r}/sens/rscell[{i}]/soma INJECT val[{i}]
        end
        wire /{r}/sens /{r}/local
        groups = "proj local sens"
    end
    create hdf5_out /{r}/vm
    setfield /{r}/vm filename {r}_vm.h5 units V
    create sonata_out /{r}/spikes
    setfield /{r}/spikes filename {r}_spikes.h5 population {r}
    str g
    foreach g ({arglist {groups}})
        addmsg /{r}/{g}/rscell[]/soma /{r}/vm SAVE Vm
        addmsg /{r}/{g}/rscell[]/soma/spike /{r}/spikes SPIKESAVE
    end
end

// Region k on node k % N: with 3 nodes a region a node, with 4 one idle,
// with 1 all three on node 0. Only the region's node makes its cells.
// With -auto, regionmap chooses: each region is declared first with its
// size (cells: projection, local and sensory neurons; synapses: those
// inside it and the expected ones from the other two regions), then made
// on the node chosen (on 2 nodes the lamina, the largest, alone on node
// 0, the other two on node 1).
str r
int k = 0
int node
if (automap)
    foreach r (lamina medulla lobula)
        int cells = {2 * NCELL}
        int inside = NCELL
        if (k == 0)
            cells = {3 * NCELL}
            inside = {2 * NCELL}
        end
        region {r} /{r} -node auto -cells {cells} \
            -synapses {inside + 2 * NCELL * NCELL * p_between}
        k = k + 1
    end
    regionmap
    if (me == 0)
        showregion
    end
end
k = 0
foreach r (lamina medulla lobula)
    node = {k % N}
    if (automap)
        node = {regionnode {r}}
    end
    if (node == me)
        make_region {r} {k == 0}
    end
    if (!automap)
        region {r} /{r} -node {node}
    end
    regionport {r} /{r}/proj/rscell[0:{NCELL}]/soma/spike -output
    regionport {r} /{r}/proj/rscell[0:{NCELL}]/soma -output -graded Vm
    regionport {r} /{r}/local/rscell[0:{NCELL}]/soma/Ex_syn -input
    regionport {r} /{r}/gin/amp[0:{NCELL}] -input -graded PLUS
    k = k + 1
end

// Every region feeds every other both ways: spikes of its projection
// neurons to the other's local neurons, each pair with probability
// p_between (drawn from the seed and the two ports, so the same on any
// mapping), and their V one to one to the local neurons' graded inputs.
str s, d
int seed = 1
foreach s (lamina medulla lobula)
    foreach d (lamina medulla lobula)
        if ({strcmp {s} {d}} != 0)
            int n = {regionconnect {s}_{d} /{s}/proj/rscell[0:{NCELL}]/soma/spike \
                /{d}/local/rscell[0:{NCELL}]/soma/Ex_syn -random {p_between} -seed {seed} \
                -weight {w_between} -delay {d_between}}
            int ng = {regionconnect {s}_{d}_v /{s}/proj/rscell[0:{NCELL}]/soma \
                /{d}/gin/amp[0:{NCELL}]}
            if (me == 0)
                echo {s} -> {d}: {n} spiking, {ng} graded connections
            end
            seed = seed + 1
        end
    end
end

// Closes this node's output files (they are complete once closed); at
// node 0's prompt: close_files@all.
function close_files
    str f
    foreach f ({el /##[TYPE=hdf5_out],/##[TYPE=sonata_out]})
        call {f} SAVE
    end
end

if (batch)
    reset
    step {tmax} -time
    // each node closes its files; node 0 draws them once all are closed
    close_files
    barrier
    if (me == 0 && picture)
        gensh-plot -o regions.png --lines --title "regions: input, then each region's spikes (0-29 projection, 30-59 local, 60-89 sensory)" \
            {here}stim.h5 lamina_spikes.h5 medulla_spikes.h5 lobula_spikes.h5
    end
    quit@all
elif (me != 0)
    // Node 0 keeps the prompt and drives the run (reset@all, step@all);
    // every other node waits here, running what it asks. Waiting for node
    // 0 is the plan: no notes about it.
    setfield /post pvm_hang_time 0
    barrier 15
end
