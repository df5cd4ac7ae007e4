// test-options: -maxerrors 100
// paramtableSA and initparamSA on bad input: each error names what is
// wrong and changes nothing.
create paramtableSA /sa
call /sa INITSEARCH
call /sa TABCREATE 3
initparamSA /sa 0 0 1.0 0.0 -0.5 x
initparamSA /sa 0 0 1.0 0.0 0.5 x
initparamSA /sa 1 1 2.0 1.0 0.5 y
call /sa INITSEARCH
call /sa UPDATE_PARAMS
initparamSA /sa 2 0 1.0 3.0 0.5 z
setsearch /sa 0
call /sa INITSEARCH
call /sa INITSEARCH fast
setsearch /sa -all
call /sa INITSEARCH
echo {getfield /sa num_params_to_search} {getfield /sa state} {getfield /sa next_index}
call /sa SAVE sa.bin
sh head -c 200 sa.bin > short.bin
create paramtableSA /sb
call /sb TABCREATE 1
call /sb RESTORE short.bin
echo {getfield /sb num_params} {getfield /sb iteration_number}
call /sa EVALUATE many
