// test-options: -maxerrors 0
// paramtableGA and its commands on bad input: each error names what is
// wrong and changes nothing.
create paramtableGA /ga
call /ga UPDATE_PARAMS
call /ga TABCREATE 5 2 3
call /ga TABCREATE -1 2
echo {getfield /ga alloced} {getfield /ga param_size}
call /ga TABCREATE 4 2
initparamGA /ga 0 0 1.0 0.0 x
initparamGA /ga 1 1 0.5 1.0 y
getparamGA /ga 4 0
getparamGA /ga 0 2
call /ga INITSEARCH everything
call /ga FITSTATS
create paramtableSS /ss
setparamGA /ss 0 0 1.0
call /ga SAVE ga.bin
sh head -c 100 ga.bin > short.bin
create paramtableGA /gb
call /gb TABCREATE 3 1
call /gb RESTORE short.bin
echo {getfield /gb num_tables} {getfield /gb num_params}
call /gb RESTOREBEST no_such_file
