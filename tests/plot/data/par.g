// par.g [h5]: the parallel output objects on one node: four pulsegens
// whose io_index runs backwards (column 3 - i holds p{i}), written by a
// par_asc_file (par.txt) and, with h5, a par_hdf5_out (par.h5).
// p{i} rests at i and gives 10 + i for 1 ms from (1 + i) ms.
paron -parallel
int K = 4
int i
int h5 = {argc} > 0
setclock 0 1e-4
for (i = 0; i < K; i = i + 1)
    create pulsegen /p{i}
    setfield /p{i} level1 {10 + i} width1 0.001 delay1 {0.001 * (1 + i)} \
        level2 0 width2 0 delay2 1 baselevel {i} trig_mode 0
    addfield /p{i} io_index
    setfield /p{i} io_index {K - 1 - i}
end
create par_asc_file /txt
setfield /txt filename par.txt
if (h5)
    create par_hdf5_out /h5
    setfield /h5 filename par.h5 units A
end
barrier
for (i = 0; i < K; i = i + 1)
    raddmsg /p{i} /txt@0 SAVE io_index output
    if (h5)
        raddmsg /p{i} /h5@0 SAVE io_index output
    end
end
barrier
reset
step 80
