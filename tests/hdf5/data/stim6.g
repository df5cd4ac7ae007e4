// stim6.g: six pulsegens' outputs, 200 steps, in stim.h5 (columns 0-5)
setclock 0 1e-4
int k
create hdf5_out /stim
setfield /stim filename stim.h5 units A
for (k = 0; k < 6; k = k + 1)
    create pulsegen /p{k}
    setfield /p{k} level1 {(k + 1) * 2e-11} width1 {0.001 + k * 0.0005} delay1 {0.001 * k} \
        baselevel {-1e-11 * k} trig_mode 0
    addmsg /p{k} /stim SAVE output
end
reset
step 200
