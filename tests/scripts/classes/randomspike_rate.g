// randomspike: Poisson events at `rate` with abs_refract between them
// (the rate used, realrate = rate / (1 - rate abs_refract), makes up for
// the dead time); amplitudes uniform in [min_amp, max_amp]; with reset,
// state returns to reset_value in the steps without a spike. The draws are
// keyed by the seed and the element, so a run repeats after reset.
setclock 0 1e-4
create randomspike /r
setfield /r rate 100 abs_refract 5e-3 min_amp 1 max_amp 2 reset 1 reset_value -1
echo realrate {getfield /r realrate}
int nspikes, nbad
float mingap, last, amin, amax
function run(n)
    int i
    reset
    nspikes = 0
    nbad = 0
    mingap = 1
    amin = 10
    amax = -10
    last = {getfield /r lastevent}
    for (i = 1; i <= n; i = i + 1)
        step 1
        float s = {getfield /r state}
        if ({getfield /r lastevent} != last)
            nspikes = nspikes + 1
            if ({getfield /r lastevent} - last < mingap && nspikes > 1)
                mingap = {getfield /r lastevent} - last
            end
            last = {getfield /r lastevent}
            if (s < amin)
                amin = s
            end
            if (s > amax)
                amax = s
            end
        elif (s != -1)
            nbad = nbad + 1
        end
    end
end
run 20000
echo 2 s at 100 Hz: {nspikes} spikes, within 15% of 200: {{abs {nspikes - 200}} < 30}
echo shortest interval at least abs_refract (to float rounding): {mingap >= 5e-3 - 1e-6}
echo amplitudes in [1, 2]: {amin >= 1 && amax <= 2}, spread over it: {amin < 1.1 && amax > 1.9}
echo state is reset_value between spikes: {nbad == 0}
int first = nspikes
run 20000
echo the same run after reset: {nspikes == first}
setfield /r rate 0
run 1000
echo rate 0: {nspikes} spikes
