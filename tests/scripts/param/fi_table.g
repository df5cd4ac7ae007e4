// A table made with xmin = xmax (TABCREATE n 0 0), used as a plain array
// of currents the way the parameter-search demos' fI.g does (GENESIS
// accepts it).
create table /currtable
call /currtable TABCREATE 4 0 0
int i
for (i = 0; i < 4; i = i + 1)
    setfield /currtable table->table[{i}] {0.1 * (i + 1)}
end
setfield /currtable table->table[4] -9999.0
i = 0
while ({getfield /currtable table->table[{i}]} > -1000.0)
    echo {i} {getfield /currtable table->table[{i}]}
    i = i + 1
end
echo {getfield /currtable table->xdivs} {getfield /currtable table->xmin} {getfield /currtable table->xmax}
