// table step modes: lookup with SUM/PRD, loop, once, buffer, spike times, fields, delay line
setclock 0 1
create diffamp /x
setfield /x plus 0 gain 1 saturation 1000
create table /io
call /io TABCREATE 4 0 4
setfield /io table->table[0] 0 table->table[1] 10 table->table[2] 20 table->table[3] 30 table->table[4] 40
addmsg /x /io INPUT output
addmsg /x /io SUM 1
addmsg /x /io PRD 2
create table /loop
call /loop TABCREATE 2 0 2
setfield /loop table->table[0] 1 table->table[1] 2 table->table[2] 3 step_mode 1 stepsize 1
create table /once
call /once TABCREATE 2 0 2
setfield /once table->table[0] 1 table->table[1] 2 table->table[2] 3 step_mode 2 stepsize 1
create table /buf
call /buf TABCREATE 3 0 3
setfield /buf step_mode 3
addmsg /x /buf INPUT output
create table /spk
call /spk TABCREATE 5 0 5
setfield /spk step_mode 4 stepsize 1.5
addmsg /x /spk INPUT output
create table /dly
call /dly TABCREATE 2 0 2
setfield /dly step_mode 6
addmsg /x /dly INPUT output
reset
setfield /x plus 2.5
step 1
echo io {getfield /io output} loop {getfield /loop output} once {getfield /once output} buf {getfield /buf output} dly {getfield /dly output}
setfield /x plus 1
step 1
echo io {getfield /io output} loop {getfield /loop output} once {getfield /once output} buf {getfield /buf output} dly {getfield /dly output}
setfield /x plus 3
step 1
echo io {getfield /io output} loop {getfield /loop output} once {getfield /once output} buf {getfield /buf output} dly {getfield /dly output}
setfield /x plus 0
step 1
echo io {getfield /io output} loop {getfield /loop output} once {getfield /once output} buf {getfield /buf output} dly {getfield /dly output}
setfield /x plus 2
step 1
echo buf {getfield /buf table->table[0]} {getfield /buf table->table[1]} {getfield /buf table->table[2]} {getfield /buf output}
echo spk {getfield /spk output} {getfield /spk table->table[0]} {getfield /spk table->table[1]} {getfield /spk table->table[2]}
