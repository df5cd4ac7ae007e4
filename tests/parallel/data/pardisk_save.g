// pardisk_save.g: raddmsg SAVE to a par_disk_out and a par_asc_file on
// node 0, from pulsegens spread over the nodes (pario_save.g's six: p{i}
// on node i % nnodes, io_index 5i mod 6, at rest 0.5 i, 10 + i for 0.4 ms
// from 0.15 + 0.2 i ms); the files' clock ticks every 3 steps of 0.1 ms;
// 30 steps. pardisk_read.g reads the FMT1 file back.
paron -parallel
int N = {nnodes}
int me = {mynode}
int K = 6
int i
setclock 0 1e-4
setclock 1 3e-4
for (i = 0; i < K; i = i + 1)
    if (i % N == me)
        create pulsegen /p{i}
        setfield /p{i} level1 {10 + i} width1 0.0004 delay1 {0.00015 + 0.0002*i} \
            level2 0 width2 0 delay2 1 baselevel {0.5*i} trig_mode 0
        addfield /p{i} io_index
        setfield /p{i} io_index {(i*5) % K}
    end
end
if (me == 0)
    create par_disk_out /bin
    setfield /bin filename pardisk.fmt1 leave_open 1
    useclock /bin 1
    create par_asc_file /txt
    setfield /txt filename pardisk.txt
    useclock /txt 1
end
barrier
for (i = 0; i < K; i = i + 1)
    if (i % N == me)
        raddmsg /p{i} /bin@0 SAVE io_index output
        raddmsg /p{i} /txt@0 SAVE io_index output
    end
end
barrier
reset
step 30
barrier
if (me == 0)
    echo ncols {getfield /bin ncols} ndata {getfield /bin ndata}
end
paroff
quit
