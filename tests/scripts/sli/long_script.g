//genesis  -  long_script.g
/*======================================================================
  A long script in the style of the GENESIS tutorial networks (RSnet.g,
  par-RSnet.g and their includes): it uses each construct they use, and
  prints what it computes so the test can check it.
  ======================================================================*/

/* Customize these strings and parameters.
*/
str cellfile = "RScell.p"  // name of the cell parameter file
str synpath = "soma/Ex_channel" // compartment-name/synchan-name
// Label to appear on the graph
str graphlabel = "Network of simplified cortical pyramidal cells"

int graphics = 1	// display control panel, graphs, optionally net view
int output = 0          // send simulation output to a file
int batch = 0           // if (batch) do a run with default params and quit

float tmax = 0.5		// simulation time
float dt = 50e-6		// simulation time step
float out_dt = 0.0005    // output every 0.5 msec

int n_slices = 4        // each slice will do a horizontal slice of network
int n_nodes             // total number of nodes
int control_node        // mode for console i/o
int i_am_control_node, i_am_worker_node // booleans indicating the function
int i_am_output_node, i_am_spare_node   //   assigned to this node

if (output)
        n_nodes = n_slices + 1
else
        n_nodes = n_slices
end
control_node = 0  // This should be the terminal window

int NX = 32  // number of cells = NX*NY
int NY = NX

float SEP_X = 0.001 // 1 mm
float SEP_Y = 0.001
float SEP_Z = 1.0e-6 // give it a tiny z range in case of round off errors

int cells_per_slice = NX*NY / n_slices
float syn_weight = 10 // synaptic weight, effectively multiplies gmax
float cond_vel = 0.5 // m/sec
float prop_delay = SEP_X/cond_vel
float gmax = 1e-9 // 1 nS

// index of middle cell (or approximately, if NX, NY are odd)
int middle_cell = {round {(NY-1)/2}}*NX + {round {(NX -1)/2}}
int Redge_cell = {{round {(NY-1)/2}}*NX} + NX -1 // middle right edge
int LLcorner_cell = 0                    // index of lower left corner
int InjCell = middle_cell // default current injection point

// Create a comma-separated list of worker nodes
int worker0 = 0	    // node for the first of n_slices workers
str workers = "0"   // "0" is first in list of nodes
int i
for (i = 1; i < n_slices; i = i + 1)
        workers = workers @ "," @ {i} // add a comma and the next worker
end

include long_script_lib.g  // functions shared with the "graphics" file
include long_script_lib    // again, without .g: functions are redefined

// =============================
//   Function definitions
// =============================

function say // prints its arguments, dashes and all
    str line = ""
    int k
    for (k = 1; k <= {argc}; k = k + 1)
        line = line @ " " @ {argv {k}}
    end
    echo {line}
end

function step_tmax
    echo {NX*NY}" cells    dt = "{dt}"   tmax = "{tmax}
    echo "START: " {strlen {cellfile}}
//    step {tmax} -time
    echo "END  : " ok
end

function set_inj_timing(delay, width, interval)
    float delay, width, interval
    echo setfield /injectpulse width1 {width} delay1 {delay}  \
        baselevel 0.0 trig_mode 0 delay2 {interval - delay} width2 0
    // free run mode with very long delay for 2nd pulse (non-repetitive)
    // level1 is set by the inj_toggle function
end

function cell_node(cell_num) // return the node that cell_num is in
    int cell_num
    return {trunc {cell_num/cells_per_slice}}
end

function cell_index(cell_num) // return the cell index within that node
    int cell_num, node
    node = {cell_node {cell_num}}
    return {cell_num - node*cells_per_slice}
end

function add_injection(cell_num)
    int cell_num,  INJECT_mesg_num
    if (cell_num > {NX*NY-1})
      echo "There are only "{NX*NY}" cells - numbering begins with 0"
      return
    end
    INJECT_mesg_num = {cell_index {InjCell}} - 200
    if ({INJECT_mesg_num} >= 0)
	    say deletemsg /network/cell[{cell_index {InjCell}}]/soma \
		{INJECT_mesg_num} -in
    end
    if ({control_node} == {cell_node {cell_num}})
      echo@{control_node} "Current injection is to cell number "{cell_num} \
          "on node "{cell_node {cell_num}}" index = "{cell_index {cell_num}}
    end
    InjCell = cell_num
end // function add_injection

function make_slice
    int slice = {cell_node {InjCell}}  // The worker node number is the slice number
    say createmap /library/cell /network {NX} {NY / n_slices} \
	-delta {SEP_X} {SEP_Y} \
        -origin 0 {slice * SEP_Y * NY / n_slices}
        for (i = 0; i < 3; i=i+1)
            echo setfield /network/cell[{i}]/soma \
                     io_index {slice * cells_per_slice + i}
        end
end // function make_slice

function connect_cells
    say rvolumeconnect /network/cell[]/soma/spike \
        /network/cell[]/{synpath}@{workers}   \
    -relative \	    // Destination coordinates are measured relative to source
    -sourcemask box -1 -1 -1 1  1 1 \ // Larger than source area ==> all cells
    -destmask ellipsoid 0 0 0 {SEP_X*1.2}  {SEP_Y*1.2} {SEP_Z*0.5} \
    -desthole box {-SEP_X*0.5} {-SEP_Y*0.5} {-SEP_Z*0.5} \
        {SEP_X*0.5} {SEP_Y*0.5} {SEP_Z*0.5} \
    -probability 1.1	// set probability > 1 to connect to all in destmask
end // function connect_cells

function make_graph_messages
    /* Set up plotting messages, with offsets */
    if ({control_node} == {cell_node {middle_cell}})
        echo raddmsg /network/cell[{cell_index {middle_cell}}]/soma \
            /data/voltage@{control_node} \
            PLOT Vm *"center "{middle_cell} *black
    end
    if ({control_node} != {cell_node {Redge_cell}})
        echo raddmsg /network/cell[{cell_index {Redge_cell}}]/soma \
            /data/voltage@{cell_node {Redge_cell}} \
           PLOTSCALE Vm *"R edge "{Redge_cell} *blue  1 0.05
    end
end // function  make_graph_messages

//===============================
//    Main simulation section
//===============================

echo@{control_node}  "n_nodes = " {n_nodes}
echo@{control_node} Worker nodes are: {workers}
echo cells per slice {cells_per_slice} middle {middle_cell} edge {Redge_cell} delay {prop_delay}

i_am_control_node = {strlen x} == {control_node + 1}
i_am_worker_node =  {control_node} <  n_slices
i_am_output_node =  (output) && ({control_node} == {n_slices})
echo flags {i_am_control_node} {i_am_worker_node} {i_am_output_node}

/* Set up the network on the worker nodes */
if (i_am_worker_node)
    make_slice
    connect_cells
    set_inj_timing 0 0.05 1
    add_injection {InjCell}
    add_injection 5000
else
    echo not a worker
end  // if (i_am_worker_node)

if (i_am_control_node && graphics)
    make_graph_messages
    makegraphscale /data/voltage
    makegraphscale
    showgraphscale /form/voltage_scaleform
end

step_tmax
synapse_info /network/cell[5]/soma/Ex_channel
echo@{control_node} "Network of "{NX}" by "{NY}" cells with separations "{SEP_X}" by "{SEP_Y}

if (batch && i_am_control_node)
	step_tmax
        quit@all
end
if (!i_am_control_node)
   echo barrier 15
end
