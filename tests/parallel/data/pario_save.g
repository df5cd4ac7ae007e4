// pario_save.g MODE: raddmsg SAVE to a par_asc_file on node 0. Six
// pulsegens p{i} on node i % nnodes, io_index 5i mod 6 (so the columns
// interleave the nodes); p{i} rests at 0.5 i and gives 10 + i for 0.4 ms
// from 0.15 + 0.2 i ms. The file's clock ticks every 3 steps of 0.1 ms.
// MODE:
//   rows    pario.txt: reset, 30 steps (even p{i} give the index as the
//           field io_index, odd ones as a number)
//   format  the same with float_format %.5f
//   append  an old line, then append 1: reset, 9 steps, reset, 9 steps
//   restart the same with append 0 (each reset starts the file again)
//   open    leave_open 1, flush 1: the file as node 0 sees it after 9
//           steps, while it is open; is_open before and after
//   gap     p4 has index 7: reset fails, the old file is untouched
//   dup     p4 has index 0: reset fails, the old file is untouched
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
if (me == 0)
    create par_asc_file /out
    setfield /out filename pario.txt
    useclock /out 1
    if ({strcmp {mode} format} == 0)
        setfield /out float_format %.5f
    elif ({strcmp {mode} append} == 0)
        setfield /out append 1
    elif ({strcmp {mode} open} == 0)
        setfield /out leave_open 1 flush 1
    end
end
barrier
for (i = 0; i < K; i = i + 1)
    if (i % N == me)
        if (i % 2 == 0)
            raddmsg /p{i} /out@0 SAVE io_index output
        else
            raddmsg /p{i} /out@0 SAVE {(i*5) % K} output
        end
    end
end
barrier
if (me == 0)
    echo ncols {getfield /out ncols}
end
if ({strcmp {mode} gap} == 0 || {strcmp {mode} dup} == 0)
    reset
    step 3 // refused on every node: the reset failed
    return
end
reset
if ({strcmp {mode} append} == 0 || {strcmp {mode} restart} == 0)
    step 9
    reset
    step 9
elif ({strcmp {mode} open} == 0)
    if (me == 0)
        echo is_open {getfield /out is_open}
    end
    step 9
    if (me == 0)
        echo is_open {getfield /out is_open}
        sh cat pario.txt
    end
else
    step 30
end
barrier
