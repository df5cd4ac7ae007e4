// paramtableCG: a gradient search for the minimum of a smooth function of
// three parameters (a = 2 additive, b = 0.5 multiplicative, c with an
// empty range, so not searched). Deterministic; the expected output is
// nxgenesis 2.4's for this script.
function f(a, b, c)
    float a, b, c
    return {(a - 2) * (a - 2) + 3 * (b - 0.5) * (b - 0.5) + 0.5 * (a - 2) * (b - 0.5) + c}
end
function iterate(cg, n)
    str cg
    int n, k
    float m
    for (k = 0; k < n && {getfield {cg} done} == 0; k = k + 1)
        m = {f {getfield {cg} current[0]} {getfield {cg} current[1]} {getfield {cg} current[2]}}
        call {cg} EVALUATE {m}
        call {cg} UPDATE_PARAMS
        echo {getfield {cg} iteration_number} {getfield {cg} state} {getfield {cg} deriv_index} {getfield {cg} linemin_number} {m} {getfield {cg} current[0]} {getfield {cg} current[1]} {getfield {cg} done}
    end
end

create paramtableCG /cg
echo {getfield /cg tolerance} {getfield /cg linemin_tolerance}
call /cg TABCREATE 3
initparamCG /cg 0 0 3.0 0.5 a
initparamCG /cg 1 1 4.0 2.0 b
initparamCG /cg 2 0 0.0 0.25 c
echo {getfield /cg search[0]} {getfield /cg search[1]} {getfield /cg search[2]} {getfield /cg deriv_h_init[1]} {getfield /cg min[1]}
silent 2
call /cg INITSEARCH
iterate /cg 120
echo deriv {getfield /cg deriv[0]} {getfield /cg deriv[1]} dir {getfield /cg dir[0]} {getfield /cg dir[1]}
call /cg DISPLAY
call /cg SAVEBEST cg_best.txt
sh cat cg_best.txt
call /cg SAVE cg_state.bin
create paramtableCG /cg2
call /cg2 RESTORE cg_state.bin
echo restored {getfield /cg2 iteration_number} {getfield /cg2 state} {getfield /cg2 best_match} {getfield /cg2 label[1]}
iterate /cg2 200
call /cg2 LOADBEST
echo best {getfield /cg2 current[0]} {getfield /cg2 current[1]} {getfield /cg2 best_match}
call /cg2 RESTART
echo {getfield /cg2 state} {getfield /cg2 done}
