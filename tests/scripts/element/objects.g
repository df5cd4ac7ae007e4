// listobjects, listclasses, showobject, call with standard and extra actions
listobjects
listclasses
showobject pulsegen
create table /t
call /t TABCREATE 2 0 1
echo {getfield /t table->xdivs}
setclock 0 1
setfield /t step_mode 1 stepsize 0.5
setfield /t table->table[0] 10 table->table[1] 20 table->table[2] 30
call /t PROCESS
echo {getfield /t output}
call /t RESET
echo {getfield /t output}
