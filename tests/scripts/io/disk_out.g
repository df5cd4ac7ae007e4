// disk_out writes GENESIS's FMT1 file (a pulsegen and a neutral's x, on
// clock 1, every 2 steps); disk_in reads it back: header fields,
// coordinates, and at each step the frame of that time, as nxgenesis
// reads the same file (its output for this script is this test's .out).
// A text file into nx by ny values, with loop and leave_open, also as
// nxgenesis reads it. tests/shell/fmt1.test compares the file byte for
// byte with the one nxgenesis wrote (data/genesis_pulse.fmt1).
setclock 0 0.001
setclock 1 0.002
create pulsegen /p
setfield /p level1 1.5 width1 0.003 delay1 0.002 baselevel 0.25
create neutral /n
setfield /n x 1e-6 y 2 z -3
create disk_out /out
setfield /out filename pulse.fmt1 leave_open 1
useclock /out 1
addmsg /p /out SAVE output
addmsg /n /out SAVE x
reset
step 10
call /out SAVE
echo is_open {getfield /out is_open}
delete /out

create disk_in /in
setfield /in filename pulse.fmt1 leave_open 1
reset
echo {getfield /in nx} {getfield /in ny} {getfield /in fileformat} {getfield /in dt} {getfield /in start_time} {getfield /in datatype} {getfield /in header_size}
echo {getfield /in xpts->table[1]} {getfield /in ypts->table[1]} {getfield /in zpts->table[1]}
int i
for (i = 0; i < 12; i = i + 1)
    step 1
    echo {i} {getfield /in val[0][0]} {getfield /in val[0][1]}
end
// time_offset: the frame of t - time_offset
setfield /in time_offset -0.004
reset
for (i = 0; i < 4; i = i + 1)
    step 1
    echo offset {i} {getfield /in val[0][0]}
end
delete /in

create disk_in /t
setfield /t filename disk_in_text.txt nx 2 ny 2 loop 1
echo {getfield /t allocated}
reset
echo {getfield /t allocated} {getfield /t fileformat}
for (i = 0; i < 5; i = i + 1)
    step 1
    echo t {getfield /t val[0][0]} {getfield /t val[1][0]} {getfield /t val[0][1]} {getfield /t val[1][1]}
end
create disk_in /u
setfield /u filename disk_in_text.txt nx 3 ny 1 leave_open 1
reset
for (i = 0; i < 5; i = i + 1)
    step 1
    echo u {getfield /u val[0][0]} {getfield /u val[1][0]} {getfield /u val[2][0]}
end
