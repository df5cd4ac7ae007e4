// schedule order: a segment (table) runs before devices (pulsegen, diffamp), so it
// sees a device's output one step late; output elements run last and see this step
setclock 0 1
create pulsegen /p
setfield /p level1 1 delay1 2 width1 100
create table /t
addmsg /p /t SUM output
create diffamp /d
setfield /d gain 1 saturation 10
addmsg /p /d PLUS output
create asc_file /f
setfield /f filename order.txt
addmsg /p /f SAVE output
addmsg /t /f SAVE output
addmsg /d /f SAVE output
reset
step 5
sh cat order.txt
