// spikegen: a spike when the input is >= thresh and abs_refract has passed
// since the last one; as in GENESIS it is level-triggered, so an input held
// above thresh fires every abs_refract (here a 1 ms pulse of 5 ms from a
// pulsegen: spikes at 1.1, 3.1 and 5.1 ms, the spikegen seeing the pulse a
// step late because devices run after spiking elements). state is
// output_amp in the step of a spike, else 0; THRESH sets the threshold.
setclock 0 1e-4
create pulsegen /p
setfield /p level1 1 width1 5e-3 delay1 1e-3 delay2 1
create spikegen /sg
setfield /sg thresh 0.5 abs_refract 2e-3 output_amp 3
addmsg /p /sg INPUT output
function run(n)
    int i
    reset
    echo lastevent after reset: {getfield /sg lastevent}
    for (i = 1; i <= n; i = i + 1)
        step 1
        if ({getfield /sg state} != 0)
            echo step {i}: state {getfield /sg state}, lastevent {getfield /sg lastevent}
        end
    end
end
run 100
// a threshold above the input: no spikes
setfield /sg thresh 1.5
run 100
// THRESH from a diffamp (0.25) replaces the field each step; in the first
// step the diffamp still holds its reset output, 0, so the input 0 fires
// at once; the pulse then fires at 2.0 ms, once the refractory time is over
setfield /sg thresh 1.5
create diffamp /th
setfield /th plus 0.25 gain 1 saturation 10
addmsg /th /sg THRESH output
run 40
echo thresh now {getfield /sg thresh}
