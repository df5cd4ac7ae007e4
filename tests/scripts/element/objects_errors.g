// test-options: -nox
showobject nosuch
create neutral /n
call /n TABCREATE 1 0 1
call /none RESET
create table /t
call /t TABCREATE 0 0 1
call /t TABCREATE 10 1 0
call /t TABCREATE x
echo {getfield /t alloced}
