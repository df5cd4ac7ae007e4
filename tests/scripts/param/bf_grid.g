// paramtableBF: a 5 x 3 grid over two parameters of a function whose
// minimum is known (a = 2, b = 0.5); the third parameter is held fixed.
// The expected output is nxgenesis 2.4's for this script.
function f(a, b, c)
    float a, b, c
    return {(a - 2) * (a - 2) + 10 * (b - 0.5) * (b - 0.5) + c}
end

create paramtableBF /bf
call /bf TABCREATE 3
initparamBF /bf 0 0 2.0 1.0 "a (additive)"
initparamBF /bf 1 1 4.0 0.5 "b (multiplicative)"
initparamBF /bf 2 0 1.0 0.25 c
echo {getfield /bf min[0]} {getfield /bf max[0]} {getfield /bf min[1]} {getfield /bf max[1]}
echo {getfield /bf orig[1]} {getfield /bf label[0]} {getfield /bf type[1]}
call /bf INITSEARCH 0 5 1.0 1 3 0.5
echo {getfield /bf search[0]} {getfield /bf search[1]} {getfield /bf search[2]}
echo {getfield /bf best_match} {getfield /bf done} {getfield /bf iteration_number}
int n = 0
float m
while ({getfield /bf done} == 0)
    m = {f {getfield /bf current[0]} {getfield /bf current[1]} {getfield /bf current[2]}}
    echo {getfield /bf current[0]} {getfield /bf current[1]} {m}
    call /bf EVALUATE {m}
    call /bf UPDATE_PARAMS
    n = n + 1
end
echo points {n} iterations {getfield /bf iteration_number}
echo best {getfield /bf best[0]} {getfield /bf best[1]} {getfield /bf best[2]} match {getfield /bf best_match}
echo new_best {getfield /bf new_best_match} current_match {getfield /bf current_match}
call /bf DISPLAY
call /bf SAVEBEST bf_best.txt
sh cat bf_best.txt
call /bf SAVE bf_state.bin
create paramtableBF /bf3
call /bf3 RESTORE bf_state.bin
echo restored {getfield /bf3 best[1]} {getfield /bf3 search_count[0]} {getfield /bf3 search_divisions[1]} {getfield /bf3 label[1]}
