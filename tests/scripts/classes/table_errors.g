// test-options: -nox
create table /t
setfield /t step_mode 7
call /t TAB2FIELDS
call /t TABOP a
call /t TABFILL 10 0
call /t TABCREATE 4 0 4
call /t TABFILL 2 0
call /t TABFILL 8 1
call /t TABOP q
echo {getfield /t step_mode} {getfield /t table->xdivs}
