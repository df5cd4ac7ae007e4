// test-options: -maxerrors 100
// Bad input to the parameter-search commands and actions: each is an
// error naming the file, line and command, and changes nothing.
create paramtableBF /bf
call /bf INITSEARCH 0 3 1.0
setsearch /bf 0
initparamBF /bf 0 0 1.0 1.0 x
call /bf TABCREATE 2
initparamBF /bf 2 0 1.0 1.0 x
initparamBF /bf 0 2 1.0 1.0 x
initparamBF /bf 0 1 0.5 1.0 x
initparamBF /bf 0 0 -1 1.0 x
initparamBF /bf 0x 0 1 1.0 x
initparamSS /bf 0 0 1 1.0 x
setsearch /bf 0 5
setsearch /bf 1 -all -not
setsearch /bf 1 -not -add
setsearch /bf a
setsearch /nothing 0
create neutral /n
setsearch /n 0
echo {getfield /bf search[0]} {getfield /bf search[1]} {getfield /bf num_params_to_search}
call /bf INITSEARCH 0 3
call /bf INITSEARCH 7 3 1.0
call /bf INITSEARCH 0 3 x
call /bf EVALUATE
call /bf EVALUATE high
call /bf TABCREATE -1
call /bf TABCREATE two
call /bf SAVE
call /bf RESTORE no_such_file.bin
setfield /bf search[0] abc
setfield /bf current[0] 1
getfield /bf range[2]
echo {getfield /bf num_params} {getfield /bf range[0]} {getfield /bf search[0]}
create paramtableSS /ss
call /ss UPDATE_PARAMS
call /ss TABCREATE 1
setfield /ss maxvariance 0
call /ss INITSEARCH
call /ss ACCEPT
echo done
