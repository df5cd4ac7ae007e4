// step_mode 5 gathers INPUT values into successive entries; TAB2FIELDS writes them back
setclock 0 1
create pulsegen /p[0]
create pulsegen /p[1]
create pulsegen /p[2]
setfield /p[0] level1 1
setfield /p[1] level1 2
setfield /p[2] level1 3
create table /t
call /t TABCREATE 4 0 4
setfield /t step_mode 5
addmsg /p[] /t INPUT level1
reset
step 1
echo {getfield /t table->table[0]} {getfield /t table->table[1]} {getfield /t table->table[2]}
setfield /t table->table[1] 20
call /t TAB2FIELDS
echo {getfield /p[0] level1} {getfield /p[1] level1} {getfield /p[2] level1}
call /t TABOP a 0 3
echo {getfield /t output}
call /t TABOP M
echo {getfield /t output}
call /t TABFILL 8 2
echo {getfield /t table->xdivs} {getfield /t table->table[2]} {getfield /t table->table[3]}
