// table sub-fields: NAME->table[i], xmin, xmax, dx, invdx, calc_mode, sy/oy scaling
create table /t
call /t TABCREATE 4 0 2
echo {getfield /t table->xdivs} {getfield /t table->xmin} {getfield /t table->xmax} {getfield /t table->dx} {getfield /t table->invdx}
setfield /t table->table[0] 0 table->table[1] 1 table->table[2] 4 table->table[3] 9 table->table[4] 16
echo {getfield /t table->table[2]} {getfield /t table->table[4]}
setfield /t table->xmax 4
echo {getfield /t table->dx}
setfield /t table->sy 2
echo {getfield /t table->table[3]}
setfield /t table->oy 1
echo {getfield /t table->table[3]} {getfield /t table->oy}
echo {getfield /t table}
