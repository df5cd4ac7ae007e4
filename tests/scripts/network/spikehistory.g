// spikehistory: a line per spike (message number or path, and the time
// of the step the source fired in), in element order within a step;
// SPIKE delivery after the synaptic delay; reset starts the file again
// unless append; nspikes
include netcell
setclock 0 1e-4
createmap /proto/cell /net 3 1 -delta 1e-3 0
// cell 0 is driven hard and fires every 4 ms (its refractory period);
// it excites cell 1 through a strong synapse with a 1 ms delay
setfield /net/cell[0]/soma inject 2e-9
addmsg /net/cell[0]/soma/spike /net/cell[1]/soma/syn SPIKE
setfield /net/cell[1]/soma/syn gmax 1e-8 synapse[0].weight 20 synapse[0].delay 0.001
create spikehistory /h
setfield /h filename spikes.txt ident_toggle 0 leave_open 1
addmsg /net/cell[]/soma/spike /h SPIKESAVE
create spikehistory /p
setfield /p filename paths.txt ident_toggle 1
addmsg /net/cell[1]/soma/spike /p SPIKESAVE
reset
step 0.02 -time
sh cat spikes.txt
sh cat paths.txt
echo {getfield /h nspikes} {getfield /p nspikes} {getfield /h is_open} {getfield /p is_open}
// reset starts the file again; with append it grows
reset
step 0.006 -time
sh wc -l < spikes.txt
setfield /h append 1
reset
step 0.006 -time
sh wc -l < spikes.txt
echo {getfield /h nspikes}
call /h FLUSH
call /h SAVE
echo {getfield /h is_open}
