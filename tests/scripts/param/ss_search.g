// paramtableSS: a stochastic search for the minimum of a function of
// three parameters (a = 2 additive, b = 0.5 multiplicative, c fixed),
// drawing from GENESIS's Numerical Recipes generator, so that every point
// is GENESIS's. The expected output is nxgenesis 2.4's for this script.
setrand -nr
randseed 1234
function f(a, b)
    float a, b
    return {(a - 2) * (a - 2) + 10 * (b - 0.5) * (b - 0.5)}
end

create paramtableSS /ss
echo {getfield /ss best_match} {getfield /ss minvariance} {getfield /ss maxvariance} {getfield /ss contract}
call /ss TABCREATE 3
initparamSS /ss 0 0 3.0 1.0 a
initparamSS /ss 1 1 4.0 1.0 b
initparamSS /ss 2 0 1.0 7.0 c
setsearch /ss 2 -not
echo {getfield /ss search[0]} {getfield /ss search[1]} {getfield /ss search[2]}
setfield /ss contract 0.8
call /ss INITSEARCH
echo variance {getfield /ss variance}
call /ss RANDOMIZE
echo random {getfield /ss current[0]} {getfield /ss current[1]} {getfield /ss current[2]}
float m = {f {getfield /ss current[0]} {getfield /ss current[1]}}
call /ss ACCEPT {m}
int i
for (i = 0; i < 40; i = i + 1)
    call /ss UPDATE_PARAMS
    m = {f {getfield /ss current[0]} {getfield /ss current[1]}}
    if (m < {getfield /ss best_match})
        call /ss ACCEPT {m}
        echo {i} {getfield /ss round_number} {getfield /ss variance} {getfield /ss current[0]} {getfield /ss current[1]} {m}
    end
end
echo iterations {getfield /ss iteration_number} rounds {getfield /ss round_number}
call /ss RECENTER
echo {getfield /ss min[0]} {getfield /ss max[0]} {getfield /ss min[1]} {getfield /ss max[1]} {getfield /ss min[2]}
call /ss DISPLAY
call /ss SAVE ss_state.bin
create paramtableSS /ss2
call /ss2 RESTORE ss_state.bin
echo restored {getfield /ss2 best[0]} {getfield /ss2 best_match} {getfield /ss2 label[1]} {getfield /ss2 search[2]} {getfield /ss2 contract}
