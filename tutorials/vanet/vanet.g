// vanet.g - the Vogels-Abbott network of Hodgkin-Huxley cells: 3,200
// excitatory and 800 inhibitory one-compartment cells, randomly
// connected, with dual-exponential conductance synapses (the gensh
// vanet tutorial; see README.md).
//
//   gensh -batch tutorials/vanet/vanet.g [TMAX [RNG]]
//
// TMAX is the simulated time in seconds (default 1).  RNG chooses the
// random number generator that draws the connections: "keyed" (gensh's
// default) or "nr" (GENESIS 2.4's default generator, which reproduces
// GENESIS's connections and spikes; see README.md for why the two give
// different firing rates).  A 1 nA, 50 ms pulse into the middle
// excitatory cell starts activity that then sustains itself.  The run
// writes
//   va_ex_spikes.txt, va_inh_spikes.txt
//                     one line per spike: cell number (from 1) and time
//   va_vm.dat         t, then Vm of the middle and the first excitatory
//                     cell, every step
// and prints a summary.

// ---- parameters -----------------------------------------------------------

float tmax = 1.0             // simulated time, s
str rng = "keyed"            // connection draws: keyed or nr
if ({argc} >= 1)
    tmax = {argv 1}
end
if ({argc} >= 2)
    rng = {argv 2}
end

float dt = 50e-6             // time step, s
int Ex_NX = 64               // excitatory cells: Ex_NX x Ex_NY, 1 mm apart
int Ex_NY = 50
int Inh_NX = 32              // inhibitory cells: Inh_NX x Inh_NY, 2 mm apart
int Inh_NY = 25
float Ex_sep = 0.001         // m
float Inh_sep = 2*Ex_sep
float p_connect = 0.02       // probability of each possible connection
float Ex_gmax = 6e-9         // peak conductance of one excitatory event, S
float Inh_gmax = 67e-9       // ... of one inhibitory event, S
float pulse_amp = 1e-9       // injected current, A
float pulse_width = 0.05     // s

// The middle excitatory cell; cells are numbered row by row.
int middle = {(Ex_NY - 1)/2}*Ex_NX + {(Ex_NX - 1)/2}

if (rng == "nr")
    setrand -nr
else
    if (rng != "keyed")
        echo "vanet.g: RNG must be keyed or nr, not "{rng}"; using keyed"
    end
end

// ---- the cells --------------------------------------------------------------

// The cell files sit next to this script: let include and readcell find
// them from wherever gensh was started.
str va_dir = {getpath {argv 0} -head}
if ({strlen {va_dir}} > 0)
    setenv SIMPATH {va_dir}:{getenv SIMPATH}
end

setclock 0 {dt}
include vaprotos.g
readcell vacell.p /library/Ex_cell
readcell vacell.p /library/Inh_cell
setfield /library/Ex_cell/soma/Ex_syn gmax {Ex_gmax}
setfield /library/Ex_cell/soma/Inh_syn gmax {Inh_gmax}
setfield /library/Inh_cell/soma/Ex_syn gmax {Ex_gmax}
setfield /library/Inh_cell/soma/Inh_syn gmax {Inh_gmax}

// ---- the network --------------------------------------------------------------

// Two sheets: the inhibitory one has twice the spacing, its origin half a
// step in from the excitatory one's, so there is one inhibitory cell for
// every four excitatory cells.
createmap /library/Ex_cell /Ex_layer {Ex_NX} {Ex_NY} -delta {Ex_sep} {Ex_sep}
createmap /library/Inh_cell /Inh_layer {Inh_NX} {Inh_NY} \
    -delta {Inh_sep} {Inh_sep} -origin {Ex_sep/2} {Ex_sep/2}

// Every cell may connect to every other (the 2 m masks cover both
// sheets) with probability p_connect; a hole the size of one cell keeps
// a cell from connecting to itself.  The four planarconnects draw in this
// order, as GENESIS's tutorial does, so that "nr" gives its connections.
planarconnect /Ex_layer/Ex_cell[]/soma/spike /Ex_layer/Ex_cell[]/soma/Ex_syn \
    -relative -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1 \
    -desthole box {-Ex_sep/2} {-Ex_sep/2} {Ex_sep/2} {Ex_sep/2} \
    -probability {p_connect}
planarconnect /Ex_layer/Ex_cell[]/soma/spike /Inh_layer/Inh_cell[]/soma/Ex_syn \
    -relative -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1 \
    -probability {p_connect}
planarconnect /Inh_layer/Inh_cell[]/soma/spike /Inh_layer/Inh_cell[]/soma/Inh_syn \
    -relative -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1 \
    -desthole box {-Inh_sep/2} {-Inh_sep/2} {Inh_sep/2} {Inh_sep/2} \
    -probability {p_connect}
planarconnect /Inh_layer/Inh_cell[]/soma/spike /Ex_layer/Ex_cell[]/soma/Inh_syn \
    -relative -sourcemask box -1 -1 1 1 -destmask box -1 -1 1 1 \
    -probability {p_connect}

// Unit weights and no conduction delay: a spike acts in the step it is
// detected.
planarweight /Ex_layer/Ex_cell[]/soma/spike -fixed 1
planarweight /Inh_layer/Inh_cell[]/soma/spike -fixed 1
planardelay /Ex_layer/Ex_cell[]/soma/spike -fixed 0
planardelay /Inh_layer/Inh_cell[]/soma/spike -fixed 0

// ---- the stimulus -------------------------------------------------------------

// A pulse generator gives 1 during the first pulse_width of every second;
// the amplifier turns that into pulse_amp amperes into the middle cell.
create pulsegen /stim
setfield /stim level1 1.0 width1 {pulse_width} delay1 0 delay2 1 width2 0 \
    baselevel 0.0 trig_mode 0
create diffamp /stim/amp
setfield /stim/amp gain {pulse_amp} saturation 10000
addmsg /stim /stim/amp PLUS output
addmsg /stim/amp /Ex_layer/Ex_cell[{middle}]/soma INJECT output

// ---- output -------------------------------------------------------------------

create neutral /va
create spikehistory /va/ex_spikes
setfield /va/ex_spikes filename va_ex_spikes.txt ident_toggle 0 leave_open 1
addmsg /Ex_layer/Ex_cell[]/soma/spike /va/ex_spikes SPIKESAVE
create spikehistory /va/inh_spikes
setfield /va/inh_spikes filename va_inh_spikes.txt ident_toggle 0 leave_open 1
addmsg /Inh_layer/Inh_cell[]/soma/spike /va/inh_spikes SPIKESAVE
create asc_file /va/vm
setfield /va/vm filename va_vm.dat leave_open 1 float_format %.9g
addmsg /Ex_layer/Ex_cell[{middle}]/soma /va/vm SAVE Vm
addmsg /Ex_layer/Ex_cell[0]/soma /va/vm SAVE Vm

// ---- run ----------------------------------------------------------------------

// The synapses on one channel of a layer's cells: their number, the
// standard deviation of a cell's count and how many cells have none.
// Draws that are independent give a binomial count: for 800 inhibitory
// sources at p = 0.02, a spread of 3.96 and (almost surely) no cell
// without inhibition; see README.md for what GENESIS's generator gives.
function synapse_counts(what, layer, chan, ncells)
    str what, layer, chan
    int ncells, i, k, nsyn = 0, nzero = 0
    float sum2 = 0, mean, sd
    for (i = 0; i < ncells; i = i + 1)
        k = {getfield {layer}[{i}]/soma/{chan} nsynapses}
        nsyn = nsyn + k
        sum2 = sum2 + k*k
        if (k == 0)
            nzero = nzero + 1
        end
    end
    mean = nsyn
    mean = mean/ncells
    sd = {sqrt {sum2/ncells - mean*mean}}
    echo {what}": "{nsyn}" synapses, "{{round {mean*10}}/10.0}" +- "{{round {sd*100}}/100.0}" a cell, "{nzero}" cells with none"
end

synapse_counts "Ex -> Ex  " /Ex_layer/Ex_cell Ex_syn {Ex_NX*Ex_NY}
synapse_counts "Inh -> Ex " /Ex_layer/Ex_cell Inh_syn {Ex_NX*Ex_NY}
synapse_counts "Ex -> Inh " /Inh_layer/Inh_cell Ex_syn {Inh_NX*Inh_NY}
synapse_counts "Inh -> Inh" /Inh_layer/Inh_cell Inh_syn {Inh_NX*Inh_NY}

reset
step {tmax} -time
echo "vanet: "{Ex_NX*Ex_NY}" excitatory and "{Inh_NX*Inh_NY}" inhibitory cells, "{tmax}" s, connections drawn by "{rng}
// gensh's spikehistory counts what it wrote; GENESIS's has no such field
// (the script runs in both), so there the files tell.
if ({exists /va/ex_spikes nspikes})
    int nex = {getfield /va/ex_spikes nspikes}
    int ninh = {getfield /va/inh_spikes nspikes}
    echo "spikes: "{nex}" excitatory ("{nex/(Ex_NX*Ex_NY*tmax)}" Hz a cell), "{ninh}" inhibitory ("{ninh/(Inh_NX*Inh_NY*tmax)}" Hz a cell)"
end
