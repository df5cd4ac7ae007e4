// test-options: -maxerrors 100
// paramtableCG on bad input, and RESTOREBEST (which GENESIS 2.4 cannot
// run) reading back a SAVEBEST file.
create paramtableCG /cg
call /cg UPDATE_PARAMS
call /cg TABCREATE -2
call /cg TABCREATE 2
initparamCG /cg 0 0 0.0 1.0 a
initparamCG /cg 1 1 1.0 2.0 b
initparamCG /cg 2 0 1.0 2.0 c
call /cg INITSEARCH
call /cg UPDATE_PARAMS
call /cg EVALUATE x
initparamCG /cg 0 0 1.5 1.0 a
initparamCG /cg 1 1 3.0 2.0 b
call /cg INITSEARCH
call /cg EVALUATE 4.5
call /cg SAVEBEST best.txt
create paramtableCG /cg2
call /cg2 RESTOREBEST best.txt
echo {getfield /cg2 num_params} {getfield /cg2 best_match} {getfield /cg2 center[1]} {getfield /cg2 min[1]} {getfield /cg2 label[1]} {getfield /cg2 search[0]}
sh echo "not a savebest file" > bad.txt
call /cg2 RESTOREBEST bad.txt
echo {getfield /cg2 num_params}
