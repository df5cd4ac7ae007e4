// pardisk_read.g: reads pardisk.fmt1 (pardisk_save.g) with disk_in: the
// header, then each of its 10 frames as a text row (frame number and the
// six values). The step is the file's interval and time_offset half of
// it back, so that step k reads frame k (disk_in truncates
// (t - time_offset) / dt in GENESIS's float arithmetic).
setclock 0 3e-4
create disk_in /in
setfield /in filename pardisk.fmt1 leave_open 1 time_offset -1.5e-4
reset
echo ny {getfield /in ny} dt {getfield /in dt} start {getfield /in start_time} datatype {getfield /in datatype}
echo coords {getfield /in xpts->table[0]} {getfield /in ypts->table[5]} {getfield /in zpts->table[3]}
floatformat %g
int i, k
str row
for (i = 0; i < 10; i = i + 1)
    step 1
    row = {i}
    for (k = 0; k < 6; k = k + 1)
        row = row @ " " @ {getfield /in val[0][{k}]}
    end
    echo {row}
end
