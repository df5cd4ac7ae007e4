// paramtableGA: a genetic search for the maximum of a fitness of three
// parameters (a = 2 additive, b = 0.5 multiplicative, c fixed), drawing
// from GENESIS's Numerical Recipes generator, so that every generation is
// GENESIS's. The expected output is nxgenesis 2.4's for this script.
setrand -nr
randseed 4321
function fit(a, b)
    float a, b
    return {1.0 / (0.1 + (a - 2) * (a - 2) + 10 * (b - 0.5) * (b - 0.5))}
end
function show(ga, t)
    str ga
    int t, i
    str line = {t}
    for (i = 0; i < {getfield {ga} num_params}; i = i + 1)
        line = {line} @ " " @ {getparamGA {ga} {t} {i}}
    end
    echo {line}
end
function generations(ga, n)
    str ga
    int n, g, t
    for (g = 0; g < n; g = g + 1)
        for (t = 0; t < {getfield {ga} num_tables}; t = t + 1)
            setfield {ga} fitness[{t}] {fit {getparamGA {ga} {t} 0} {getparamGA {ga} {t} 1}}
        end
        call {ga} FITSTATS
        echo gen {getfield {ga} generation} max {getfield {ga} max_fitness} at {getfield {ga} max_fitness_index} min {getfield {ga} min_fitness} avg {getfield {ga} avg_fitness}
        show {ga} {getfield {ga} max_fitness_index}
        call {ga} UPDATE_PARAMS
    end
end

create paramtableGA /ga
echo {getfield /ga param_size} {getfield /ga preserve} {getfield /ga crossover_type} {getfield /ga crossover_probability} {getfield /ga mutation_probability} {getfield /ga use_gray_code} {getfield /ga restart_after}
call /ga TABCREATE 12 3 2
initparamGA /ga 0 0 3.0 1.0 a
initparamGA /ga 1 1 4.0 1.0 b
initparamGA /ga 2 0 1.0 7.0 c
setsearch /ga 2 -not
echo {getfield /ga num_params_to_search} {getfield /ga search[0]} {getfield /ga search[2]}
setfield /ga crossover_probability 0.7 mutation_probability 0.02 restart_after 3
call /ga INITSEARCH
show /ga 0
show /ga 1
generations /ga 8
echo sd {getfield /ga stdev_fitness}
call /ga SAVE ga_state.bin
call /ga SAVEBEST ga_best.txt
sh cat ga_best.txt
create paramtableGA /ga2
call /ga2 RESTORE ga_state.bin
echo restored {getfield /ga2 generation} {getfield /ga2 num_tables} {getfield /ga2 best_match} {getfield /ga2 label[1]} {getfield /ga2 fitness[3]} {getfield /ga2 restart_count}
show /ga2 5
setparamGA /ga2 5 0 2.5
setparamGA /ga2 5 1 0.75
show /ga2 5
call /ga2 RECENTER
echo recentered {getfield /ga2 center[0]} {getfield /ga2 center[1]}
show /ga2 5

// one-byte codes, plain binary, exact cuts that may fall inside a parameter
create paramtableGA /gb
call /gb TABCREATE 9 2 1
initparamGA /gb 0 0 3.0 1.0 a
initparamGA /gb 1 1 4.0 1.0 b
setfield /gb use_gray_code 0 crossover_type 0 crossover_break_param 1 crossover_number 1 preserve 2 do_restart 0
call /gb INITSEARCH random
show /gb 0
generations /gb 5
call /gb RESTART
show /gb 0
show /gb 4

// GENESIS's own SAVE file of /ga (nxgenesis 2.4, x86-64) restores here
create paramtableGA /gg
call /gg RESTORE ga_genesis.bin
echo genesis file {getfield /gg generation} {getfield /gg num_params_to_search} {getfield /gg fitness[7]}
show /gg 3
