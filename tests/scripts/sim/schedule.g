// the default schedule, shown with only the tasks that have elements; addtask, deletetasks, resched
showsched
create pulsegen /p
create table /t
create asc_file /f
create diffamp /d
reset
showsched
deletetasks
showsched
addtask Simulate /##[TYPE=table] -action PROCESS
addtask Simulate /p -action PROCESS
resched
showsched
