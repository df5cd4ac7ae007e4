// synchan: one spike of weight 2 through a synapse with a 1 ms delay gives
// the alpha function 2 gmax (t/tau) exp(1 - t/tau) from its arrival (peak
// 2 gmax at tau = 3 ms); with tau1 = 1 ms, tau2 = 5 ms the dual exponential
// peaks at weight * gmax, tau1 tau2 ln(tau1/tau2) / (tau1 - tau2) = 2.01 ms
// after the arrival; Ik = Gk (Ek - Vm) with the Vm of the step's start. The
// spikegen runs before the pulsegen (spiking before device in the default
// schedule), so it sees the pulse one step late, at 5.01 ms, as in GENESIS.
// The weight is read when a spike arrives, the delay when it is sent.
float dt = 1e-5
setclock 0 {dt}
create compartment /c
setfield /c Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07
// a step in a pulsegen's output crosses the spikegen's threshold at 5 ms
create pulsegen /p
setfield /p level1 1 width1 1 delay1 0.005 delay2 10
create spikegen /sg
setfield /sg thresh 0.5 abs_refract 10 output_amp 1
addmsg /p /sg INPUT output
create synchan /c/syn
setfield /c/syn Ek 0 gmax 1e-9 tau1 3e-3 tau2 3e-3
addmsg /c /c/syn VOLTAGE Vm
addmsg /sg /c/syn SPIKE
setfield /c/syn synapse[0].weight 2 synapse[0].delay 0.001
echo synapses: {getfield /c/syn nsynapses}, weight {getfield /c/syn synapse[0].weight}, delay {getfield /c/syn synapse[0].delay}
function run(tau)
    float t, g, gpeak = 0, tpeak = 0, t0 = -1, worst = 0, a
    reset
    int i
    for (i = 0; i < 3000; i = i + 1)
        step 1
        t = {getstat -time}
        g = {getfield /c/syn Gk}
        if (t0 < 0 && g > 0)
            t0 = t - dt
        end
        if (g > gpeak)
            gpeak = g
            tpeak = t
        end
        if (t0 >= 0 && tau > 0)
            a = (t - t0) / tau
            if ({abs {g - 2e-9 * a * {exp {1 - a}}}} > worst)
                worst = {abs {g - 2e-9 * a * {exp {1 - a}}}}
            end
        end
    end
    echo spike sent at {getfield /sg lastevent}, conductance from {t0}
    echo peak {gpeak} at {tpeak}
    if (tau > 0)
        echo alpha function within 1% of the peak: {worst < 0.01 * 2e-9}
    end
end
run 3e-3
echo last_spike_time (when it arrives): {getfield /c/syn synapse[0].last_spike_time}
float ik = {getfield /c/syn Ik}
echo Ik = Gk (Ek - Vm): {{abs {ik - {getfield /c/syn Gk} * (0 - {getfield /c previous_state})}} < 1e-8 * {abs {ik}}}
setfield /c/syn tau1 1e-3 tau2 5e-3
run 0
// a delay changed while the spike is in flight does not move it; a weight
// changed then does apply
setfield /c/syn tau1 3e-3 tau2 3e-3
reset
step 0.0055 -time
setfield /c/syn synapse[0].delay 0.003
step 0.0007 -time
echo delay 3 ms set in flight: Gk {getfield /c/syn Gk} at {getstat -time}
reset
step 0.0055 -time
setfield /c/syn synapse[0].weight 0
step 0.004 -time
echo weight 0 set in flight: Gk {getfield /c/syn Gk}
setfield /c/syn synapse[0].weight 2 synapse[0].delay 0.001
// reset clears the state and the queue
step 0.001 -time
reset
echo after reset: Gk {getfield /c/syn Gk} X {getfield /c/syn X} Y {getfield /c/syn Y} last_spike_time {getfield /c/syn synapse[0].last_spike_time}
