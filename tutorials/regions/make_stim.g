// make_stim.g - writes stim.h5, the regions tutorial's input: the current
// injected into each of the 30 sensory neurons, a column per neuron, a
// row per millisecond from 0 to 1 s: 0 until 0.3 s, then a step until 0.6 s,
// then 0 again. The steps average 0.6 nA and run from 0.45 to 0.75 nA
// across the neurons, so that they do not fire in lockstep.
//     gensh -batch make_stim.g
int NSENS = 30
int NROWS = 1001            // t = 0 .. 1 s: a run of 1 s reads its last row at 1 s
setclock 0 1e-3
create neutral /stim
create hdf5_out /stim/file
setfield /stim/file filename stim.h5 units A
int i
for (i = 0; i < NSENS; i = i + 1)
    create pulsegen /stim/pulse[{i}]
    setfield /stim/pulse[{i}] level1 {(0.45 + 0.3 * i / (NSENS - 1)) * 1e-9} \
        delay1 0.3 width1 0.3 delay2 10 width2 0 baselevel 0 trig_mode 0
    addmsg /stim/pulse[{i}] /stim/file SAVE output
end
reset
step {NROWS}
quit
