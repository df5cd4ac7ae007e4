// parh5.g MODE: par_hdf5_out on every node. Six pulsegens p{i} on node
// i % nnodes, io_index 5i mod 6 (the columns interleave the nodes); p{i}
// rests at 0.5 i and gives 10 + i for 0.4 ms from 0.15 + 0.2 i ms. Each
// node sends its pulsegens' SAVE messages to its own par_hdf5_out
// (@{mynode}): no value travels. The file's clock ticks every 3 steps of
// 0.1 ms; blocks of 4 rows.
// MODE:
//   rows    par.h5, and par.txt from a par_asc_file on node 0 fed by the
//           same sources (%.17g): reset, 30 steps
//   append  append 1: reset, 9 steps, reset, 9 steps
//   gap     p4 has index 7: reset fails on every node, the old file stays
//   dup     p4 has index 0: the same
//   differ  flush_rows differs on the last node: reset fails everywhere
//   long    a long run (killed by the test once the file holds rows)
str mode = {argv 1}
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
if ({4 % N} == me)
    if ({strcmp {mode} gap} == 0)
        setfield /p4 io_index 7
    elif ({strcmp {mode} dup} == 0)
        setfield /p4 io_index 0
    end
end
create par_hdf5_out /out
setfield /out filename par.h5 flush_rows 4 units A
useclock /out 1
if ({strcmp {mode} append} == 0)
    setfield /out append 1
elif ({strcmp {mode} differ} == 0 && me == N - 1)
    setfield /out flush_rows 5
end
int text = {strcmp {mode} rows} == 0
if (text && me == 0)
    create par_asc_file /txt
    setfield /txt filename par.txt float_format %.17g
    useclock /txt 1
end
barrier
for (i = 0; i < K; i = i + 1)
    if (i % N == me)
        raddmsg /p{i} /out@{me} SAVE io_index output
        if (text)
            raddmsg /p{i} /txt@0 SAVE io_index output
        end
    end
end
barrier
echo ncols {getfield /out ncols}
reset
if ({strcmp {mode} append} == 0)
    step 9
    reset
    step 9
elif ({strcmp {mode} long} == 0)
    step 10000000
else
    step 30
    echo nfile {getfield /out nfile} nrows {getfield /out nrows}
end
