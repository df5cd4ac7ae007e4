// rsnet.g - a sheet of regular-spiking cortical cells with local
// excitation (the gensh rsnet tutorial; see README.md).
//
//   gensh -batch tutorials/rsnet/rsnet.g [NX [NY [TMAX]]]
//
// NX x NY one-compartment RS cells sit on a grid 1 mm apart.  Every cell
// excites its four nearest neighbours through a synapse with a 2 ms
// conduction delay.  A 1 nA, 50 ms current pulse into the middle cell
// starts a wave of activity that spreads over the sheet.  The run writes
//   rsnet_vm.dat      t, then Vm of the middle, corner and right-edge
//                     cells, every step
//   rsnet_spikes.txt  one line per spike: cell number (from 1) and time
// and prints a summary.

// ---- parameters -----------------------------------------------------------

int NX = 25                  // cells along x
int NY = 0                   // cells along y (0: as many as NX)
float tmax = 0.5             // simulated time, s
if ({argc} >= 1)
    NX = {argv 1}
end
if ({argc} >= 2)
    NY = {argv 2}
end
if ({argc} >= 3)
    tmax = {argv 3}
end
if (NY <= 0)
    NY = NX
end

float dt = 50e-6             // time step, s
float sep = 0.001            // distance between neighbours, m
float velocity = 0.5         // axonal conduction velocity, m/s
float delay = sep/velocity   // so neighbours are 2 ms apart
float weight = 10            // synaptic weight (multiplies gmax)
float syn_gmax = 1e-9        // peak conductance of one unit event, S
float pulse_amp = 1e-9       // injected current, A
float pulse_width = 0.05     // s

// The middle cell (for even sizes, the one just below and left of the
// centre); cells are numbered row by row: number = ix + NX*iy.
int mid_x = (NX - 1)/2
int mid_y = (NY - 1)/2
int middle = mid_y*NX + mid_x
int right_edge = mid_y*NX + NX - 1

// ---- the cell ---------------------------------------------------------------

// The cell files sit next to this script: let include and readcell find
// them from wherever gensh was started.
str rs_dir = {getpath {argv 0} -head}
if ({strlen {rs_dir}} > 0)
    setenv SIMPATH {rs_dir}:{getenv SIMPATH}
end

setclock 0 {dt}
include rsprotos.g
readcell rscell.p /library/rscell
setfield /library/rscell/soma/Ex_syn gmax {syn_gmax}

// ---- the network --------------------------------------------------------------

// NX x NY copies of the prototype: /network/rscell[0..NX*NY-1], cell
// number ix + NX*iy at (ix*sep, iy*sep).
createmap /library/rscell /network {NX} {NY} -delta {sep} {sep}

// Each spike generator drives the synapses of the cells within 1.2 sep
// of it (an ellipse around the source, so only the four nearest
// neighbours), but not its own (the hole in the middle).
planarconnect /network/rscell[]/soma/spike /network/rscell[]/soma/Ex_syn \
    -relative \
    -sourcemask box -1 -1 1 1 \
    -destmask ellipse 0 0 {1.2*sep} {1.2*sep} \
    -desthole box {-0.5*sep} {-0.5*sep} {0.5*sep} {0.5*sep} \
    -probability 1.1        // above 1: every cell in the mask, no draws
planardelay /network/rscell[]/soma/spike -fixed {delay}
planarweight /network/rscell[]/soma/spike -fixed {weight}

// ---- the stimulus -------------------------------------------------------------

// A pulse generator gives 1 during the first pulse_width of every second;
// the amplifier turns that into pulse_amp amperes into the middle cell.
create pulsegen /stim
setfield /stim level1 1.0 width1 {pulse_width} delay1 0 delay2 1 width2 0 \
    baselevel 0.0 trig_mode 0
create diffamp /stim/amp
setfield /stim/amp gain {pulse_amp} saturation 10000
addmsg /stim /stim/amp PLUS output
addmsg /stim/amp /network/rscell[{middle}]/soma INJECT output

// ---- output -------------------------------------------------------------------

// /output exists from start-up, as in GENESIS
create asc_file /output/vm
setfield /output/vm filename rsnet_vm.dat leave_open 1 float_format %.9g
addmsg /network/rscell[{middle}]/soma /output/vm SAVE Vm
addmsg /network/rscell[0]/soma /output/vm SAVE Vm
addmsg /network/rscell[{right_edge}]/soma /output/vm SAVE Vm

create spikehistory /output/spikes
setfield /output/spikes filename rsnet_spikes.txt ident_toggle 0 leave_open 1
addmsg /network/rscell[]/soma/spike /output/spikes SPIKESAVE

// ---- run ----------------------------------------------------------------------

// How many cells fired at least once (a spike generator's lastevent is
// negative until its first spike). The field arrives as text; it goes
// through a float variable because SLI, like GENESIS, compares text with
// an int (the 0) as an int, and "-0.004" would read as 0.
function cells_fired
    int i, n = 0
    float last
    for (i = 0; i < NX*NY; i = i + 1)
        last = {getfield /network/rscell[{i}]/soma/spike lastevent}
        if (last >= 0)
            n = n + 1
        end
    end
    return {n}
end

function run_rsnet
    reset
    step {tmax} -time
    int nspikes = {getfield /output/spikes nspikes}
    int nfired = {cells_fired}
    echo "rsnet: "{NX}" x "{NY}" cells, "{tmax}" s in "{getstat -step}" steps of "{dt}" s"
    echo "spikes: "{nspikes}" from "{nfired}" cells (middle cell "{middle}", right edge "{right_edge}")"
    echo "files: rsnet_vm.dat (t, Vm of the middle, corner and right-edge cells), rsnet_spikes.txt"
end

check
// With a display (not -batch or -nox), the windows of rsgui.g: the run
// waits for their RUN button. Otherwise it runs now.
if ({xgetstat})
    include rsgui.g
else
    run_rsnet
end
