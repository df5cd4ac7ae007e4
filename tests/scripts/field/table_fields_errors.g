// test-options: -nox
create table /t
setfield /t table->table[0] 1
call /t TABCREATE 2 0 1
setfield /t table->table[3] 1
setfield /t table->table[-1] 1
setfield /t table->table[x] 1
setfield /t table->xdivs 5
setfield /t table->nosuch 5
setfield /t table 5
setfield /t step_mode->x 1
echo {getfield /t table->table[3]}
echo {getfield /t table->xdivs}
