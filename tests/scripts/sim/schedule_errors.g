// test-options: -nox
addtask Simulate /## -action FROB
addtask Simulate /##
addtask Run /## -action PROCESS
addtask Simulate /##[WHAT=x] -action PROCESS
create table /t
reset
showsched
