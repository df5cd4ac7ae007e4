// par-rsnet.g - the rsnet sheet of regular-spiking cells, cut into
// horizontal slices that run on separate nodes (the gensh par-rsnet
// tutorial; see README.md).
//
//   gensh -nodes 5 -batch par-rsnet.g -batch        4 slices + output node
//   gensh -nodes 3 par-rsnet.g 64                   64 x 64, 2 slices, prompt
//
// Arguments: [NX [NY [TMAX]]] as for ../rsnet/rsnet.g, then options:
//   -slices S      worker nodes (default: all nodes but one)
//   -spikes FILE   write every spike to FILE (spikehistory format)
//   -novm          no Vm.dat (the output node idles: for timing the exchange)
//   -batch         run TMAX, then end every node (quit@all)
//
// Nodes 0 .. S-1 each build and simulate a horizontal band of rows of the
// NX x NY sheet; node S (the output node) holds the par_asc_file Vm.dat
// that receives the soma Vm of every cell every 0.5 ms. Spikes that cross
// a slice boundary travel between the nodes; the result is the serial
// network's, whatever S is.

// ---- parameters -------------------------------------------------------------

int NX = 32                  // cells along x
int NY = 0                   // cells along y (0: as many as NX)
float tmax = 0.5             // simulated time, s
int n_slices = 0             // worker nodes (0: every node but the last)
str spikefile = ""           // "": no spike output
int batch = 0                // 1: run and quit; 0: run, then node 0's prompt
int vm_out = 1               // 0: no Vm.dat

float dt = 50e-6             // time step, s
float out_dt = 0.0005        // Vm.dat row interval, s
float sep = 0.001            // distance between neighbours, m
float velocity = 0.5         // axonal conduction velocity, m/s
float delay = sep/velocity   // so neighbours are 2 ms apart
float weight = 10            // synaptic weight (multiplies gmax)
float syn_gmax = 1e-9        // peak conductance of one unit event, S
float pulse_amp = 1e-9       // injected current, A
float pulse_width = 0.05     // s

// The command line: up to three numbers, then options. Every node reads
// the same arguments, so every node comes to the same parameters.
int a = 1
int npos = 0
str arg
while (a <= {argc})
    arg = {argv {a}}
    if ({strcmp {arg} "-slices"} == 0)
        n_slices = {argv {a + 1}}
        a = a + 1
    elif ({strcmp {arg} "-spikes"} == 0)
        spikefile = {argv {a + 1}}
        a = a + 1
    elif ({strcmp {arg} "-batch"} == 0)
        batch = 1
    elif ({strcmp {arg} "-novm"} == 0)
        vm_out = 0
    elif (npos == 0)
        NX = {arg}
        npos = 1
    elif (npos == 1)
        NY = {arg}
        npos = 2
    elif (npos == 2)
        tmax = {arg}
        npos = 3
    else
        echo par-rsnet.g: unexpected argument "'"{arg}"'"
    end
    a = a + 1
end
if (NY <= 0)
    NY = NX
end

// ---- nodes --------------------------------------------------------------------

// Workers 0 .. n_slices-1 hold the slices; the output node holds Vm.dat.
// On a single node (a build without MPI, or -nodes 1) node 0 does both.
// Nodes beyond the output node are spares: they only keep the barriers.
if (n_slices <= 0)
    n_slices = {nnodes} - 1
    if (n_slices < 1)
        n_slices = 1
    end
end
if (n_slices > {nnodes} || n_slices > NY)
    if ({mynode} == 0)
        echo "par-rsnet.g: "{n_slices}" slices need "{n_slices}" worker nodes and at most NY = "{NY}" rows; this run has "{nnodes}" nodes"
    end
    quit
end
int output_node = n_slices
if (output_node >= {nnodes})
    output_node = 0
end

paron -parallel -silent 0
// A node waiting at a barrier notes whom it waits for after 3 s, then
// after 6, 12, ... Building a large sheet (rvolumeconnect) can keep the
// workers that long; note only after a minute.
setfield /post pvm_hang_time 60
int me = {mynode}
int i_am_worker = me < n_slices
int i_am_output = me == output_node

// The worker list for the @ commands: "0,1,2,3".
str workers = "0"
int k
for (k = 1; k < n_slices; k = k + 1)
    workers = {workers} @ "," @ {k}
end

// ---- slices ---------------------------------------------------------------------

// Slice k holds rows first_row(k) .. first_row(k+1)-1 (as even a split as
// integer division gives; NY need not be a multiple of n_slices). Within
// a slice createmap numbers the cells from 0 row by row, so the cell
// numbered ix + NX*iy on the whole sheet (its io_index) is local cell
// io_index - NX*first_row(k) of slice k.
function first_row(slice)
    int slice
    return {slice*NY/n_slices}
end

function cell_slice(cell_num) // the slice that holds a cell
    int cell_num, s
    int iy = cell_num/NX
    for (s = 0; iy >= {first_row {s + 1}}; s = s + 1)
    end
    return {s}
end

function cell_index(cell_num) // the cell's number within its slice
    int cell_num
    return {cell_num - NX*{first_row {cell_slice {cell_num}}}}
end

// The middle cell (as in rsnet.g) and the two others the README plots.
int middle = (NY - 1)/2*NX + (NX - 1)/2
int right_edge = (NY - 1)/2*NX + NX - 1

int row0 = {first_row {me}}
int nrows = {first_row {me + 1}} - row0
int ncells = NX*nrows
int first_cell = NX*row0

// The cell: the files of the serial tutorial, ../rsnet next to this
// directory, found through SIMPATH from wherever gensh was started.
setclock 0 {dt}
str here = {getpath {argv 0} -head}
setenv SIMPATH {here}../rsnet:{getenv SIMPATH}

function make_slice
    include rsprotos.g
    readcell rscell.p /library/rscell
    setfield /library/rscell/soma/Ex_syn gmax {syn_gmax}
    // io_index: the cell's number on the whole sheet. The par_asc_file
    // orders its columns by it, and the spike exchange orders spikes of
    // one step by it, which makes every slicing give the same result.
    addfield /library/rscell/soma io_index
    createmap /library/rscell /network {NX} {nrows} -delta {sep} {sep} \
        -origin 0 {row0*sep}
    int i
    for (i = 0; i < ncells; i = i + 1)
        setfield /network/rscell[{i}]/soma io_index {first_cell + i}
    end
end

// The connections of rsnet.g (each cell's four nearest neighbours), in
// three dimensions: the sheet lies in z = 0. Each worker connects its own
// spike generators to the synapses of every slice; a synapse on another
// node receives its spikes through the exchange between the nodes.
function connect_slice
    float r = 1.2*sep
    float h = 0.5*sep
    rvolumeconnect /network/rscell[]/soma/spike \
        /network/rscell[]/soma/Ex_syn@{workers} \
        -relative \
        -sourcemask box -1 -1 -1 1 1 1 \
        -destmask ellipsoid 0 0 0 {r} {r} {r} \
        -desthole box {-h} {-h} {-h} {h} {h} {h} \
        -probability 1.1        // above 1: every cell in the mask, no draws
    rvolumedelay /network/rscell[]/soma/spike -fixed {delay}
    rvolumeweight /network/rscell[]/soma/spike -fixed {weight}
end

// Every worker makes the stimulus (so injection can move to any cell);
// only the slice that holds the chosen cell connects it.
int inj_cell = -1
function inject(cell_num)
    int cell_num
    if (inj_cell >= 0 && {cell_slice {inj_cell}} == me)
        deletemsg /network/rscell[{cell_index {inj_cell}}]/soma \
            {getmsg /network/rscell[{cell_index {inj_cell}}]/soma -in -find /stim/amp INJECT} -in
    end
    if ({cell_slice {cell_num}} == me)
        addmsg /stim/amp /network/rscell[{cell_index {cell_num}}]/soma INJECT output
    end
    inj_cell = cell_num
end

function make_stimulus
    create pulsegen /stim
    setfield /stim level1 1.0 width1 {pulse_width} delay1 0 delay2 1 width2 0 \
        baselevel 0.0 trig_mode 0
    create diffamp /stim/amp
    setfield /stim/amp gain {pulse_amp} saturation 10000
    addmsg /stim /stim/amp PLUS output
    inject {middle}
end

// A spikehistory numbers a spike by the position of the source's
// SPIKESAVE message. Slice k first adds first_cell messages from a silent
// placeholder, so its own cells get their numbers on the whole sheet (from
// 1, as in rsnet.g): each slice's file FILE.k reads like part of the
// serial file.
function make_spike_output
    create spikegen /output/nospikes
    disable /output/nospikes
    create spikehistory /output/spikes
    setfield /output/spikes filename {spikefile}.{me} ident_toggle 0 leave_open 1
    int i
    for (i = 0; i < first_cell; i = i + 1)
        addmsg /output/nospikes /output/spikes SPIKESAVE
    end
    addmsg /network/rscell[]/soma/spike /output/spikes SPIKESAVE
end

// ---- building, in step on every node ----------------------------------------------

barrier
if (i_am_worker)
    make_slice
end
barrier 1               // every slice exists before any node connects to it
if (i_am_worker)
    connect_slice
    make_stimulus
end
if (!{exists /output})
    create neutral /output
end
if (i_am_output && vm_out)
    create par_asc_file /output/vm
    setfield /output/vm filename Vm.dat leave_open 1 flush 1
    setclock 1 {out_dt}
    useclock /output/vm 1
end
barrier 2               // the file exists before the workers send to it
if (i_am_worker)
    // each soma's Vm goes to column io_index of Vm.dat
    if (vm_out)
        raddmsg /network/rscell[]/soma /output/vm@{output_node} SAVE io_index Vm
    end
    if ({strlen {spikefile}} > 0)
        make_spike_output
    end
end
barrier 3               // all output messages are in place before reset

// ---- running (node 0 drives the others) ------------------------------------------

// The per-slice spike files merged into one, in the serial file's order:
// by time, and within a step by cell number (= slice order, then order
// within the slice). Needs the nodes' files in one directory.
function merge_spikes
    str files = ""
    int s
    for (s = 0; s < n_slices; s = s + 1)
        call@{s} /output/spikes FLUSH
        files = {files} @ " " @ {spikefile} @ "." @ {s}
    end
    sh "LC_ALL=C sort -s -n -k2,2"{files}" > "{spikefile}
end

function run_net
    reset@all
    step@all {tmax} -time
    echo "par-rsnet: "{NX}" x "{NY}" cells in "{n_slices}" slices (nodes "{workers}"), output on node "{output_node}
    if (vm_out)
        echo {tmax}" s in "{getstat -step}" steps of "{dt}" s; Vm.dat: t and "{NX*NY}" Vm every "{out_dt}" s"
    else
        echo {tmax}" s in "{getstat -step}" steps of "{dt}" s; no Vm.dat"
    end
    if ({strlen {spikefile}} > 0)
        int s, n = 0
        for (s = 0; s < n_slices; s = s + 1)
            n = n + {getfield@{s} /output/spikes nspikes}
        end
        merge_spikes
        echo "spikes: "{n}" in "{spikefile}" (middle cell "{middle}", right edge "{right_edge}")"
    end
end

if (me == 0)
    run_net
    if (batch)
        quit@all
    end
else
    // Every other node waits here, running what node 0 asks of it. A wait
    // normally notes every few seconds whom it waits for; here waiting for
    // node 0 (its run, its prompt) is the plan, so no notes.
    setfield /post pvm_hang_time 0
    barrier 15
end
