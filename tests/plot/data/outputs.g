// outputs.g [h5]: the rsnet tutorial at 8 x 8 cells for 0.1 s, writing
// every kind of file gensh-plot reads: the tutorial's own asc_file
// (rsnet_vm.dat) and spikehistory (rsnet_spikes.txt), a spikehistory
// that names its sources (ident.txt), a disk_out (vm.fmt1) and, with h5,
// an hdf5_out (vm.h5) and a sonata_out (spikes.h5) of the same sources.
// Prints the spike count.
include rsnet.g 8 8 0
create spikehistory /output/ident
setfield /output/ident filename ident.txt ident_toggle 1 leave_open 1
addmsg /network/rscell[{middle}]/soma/spike /output/ident SPIKESAVE
addmsg /network/rscell[0]/soma/spike /output/ident SPIKESAVE
create disk_out /output/fmt1
setfield /output/fmt1 filename vm.fmt1 leave_open 1
addmsg /network/rscell[{middle}]/soma /output/fmt1 SAVE Vm
addmsg /network/rscell[0]/soma /output/fmt1 SAVE Vm
if ({argc} > 0)
    create hdf5_out /output/vmh
    setfield /output/vmh filename vm.h5 units V
    addmsg /network/rscell[{middle}]/soma /output/vmh SAVE Vm
    addmsg /network/rscell[0]/soma /output/vmh SAVE Vm
    addmsg /network/rscell[{right_edge}]/soma /output/vmh SAVE Vm
    create sonata_out /output/spikesh
    setfield /output/spikesh filename spikes.h5 population rsnet
    addmsg /network/rscell[]/soma/spike /output/spikesh SPIKESAVE
end
reset
step 0.1 -time
echo spikes {getfield /output/spikes nspikes} ident {getfield /output/ident nspikes}
