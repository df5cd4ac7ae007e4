// paramtableSA: simulated annealing of a function of three parameters
// (a = 2 additive, b = 0.5 multiplicative, c fixed, d = -1 additive),
// drawing from GENESIS's Numerical Recipes generator so that every point
// is GENESIS's. The expected output is nxgenesis 2.4's for this script.
setrand -nr
randseed 2468
function f(a, b, d)
    float a, b, d
    return {(a - 2) * (a - 2) + 10 * (b - 0.5) * (b - 0.5) + (d + 1) * (d + 1)}
end
function iterate(sa, n)
    str sa
    int n, k
    float m
    int last = {getfield {sa} num_params} - 1
    for (k = 0; k < n; k = k + 1)
        m = {f {getfield {sa} current[0]} {getfield {sa} current[1]} {getfield {sa} current[{last}]}}
        call {sa} EVALUATE {m}
        call {sa} UPDATE_PARAMS
        echo {getfield {sa} iteration_number} {getfield {sa} state} {getfield {sa} temperature} {m} {getfield {sa} current[0]} {getfield {sa} current[1]} {getfield {sa} current[{last}]} {getfield {sa} best_match} {getfield {sa} done}
    end
end

create paramtableSA /sa
echo {getfield /sa iterations_per_temp} {getfield /sa stop_after} {getfield /sa scale} {getfield /sa inittemp}
call /sa TABCREATE 4
initparamSA /sa 0 0 3.0 1.0 0.5 a
initparamSA /sa 1 1 4.0 1.0 0.3 b
initparamSA /sa 2 0 1.0 7.0 0.0 c
initparamSA /sa 3 0 2.0 0.0 0.4 d
setsearch /sa 2 -not
setfield /sa inittemp 0.5 annealing_method 2 annealing_rate 0.9 iterations_per_temp 3 tolerance 0.001 testtemp 0.01 simplex_init_noise 0.1
call /sa INITSEARCH random
echo {getfield /sa num_params_to_search} {getfield /sa current[0]} {getfield /sa current[1]} {getfield /sa current[2]} {getfield /sa current[3]}
iterate /sa 60
call /sa DISPLAY
call /sa DISPLAY2
call /sa SAVE sa_state.bin
call /sa SAVEBEST sa_best.txt
sh cat sa_best.txt
call /sa RESTART
call /sa RECENTER
echo {getfield /sa center[0]} {getfield /sa min[1]} {getfield /sa max[3]}
setfield /sa restart_every 4 annealing_method 1 max_iterations 100 stop_after 10
iterate /sa 20

// SAVE and RESTORE of a search over every parameter (GENESIS's RESTORE
// reads num_params_to_search + 1 of the num_params + 1 simplex points its
// SAVE writes, so only such a file reads back the same there)
create paramtableSA /sc
call /sc TABCREATE 2
initparamSA /sc 0 0 3.0 1.0 0.5 a
initparamSA /sc 1 1 4.0 1.0 0.3 b
setfield /sc scale 0.8 inittemp 0.2
call /sc INITSEARCH
iterate /sc 7
call /sc SAVE sc_state.bin
create paramtableSA /sd
call /sd RESTORE sc_state.bin
echo restored {getfield /sd iteration_number} {getfield /sd temperature} {getfield /sd state} {getfield /sd best_match} {getfield /sd label[1]} {getfield /sd scale} {getfield /sd simplex_match[1]} {getfield /sd current[0]}
