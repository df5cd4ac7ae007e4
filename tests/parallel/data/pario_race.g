// pario_race.g MODE: raddmsg SAVE with no barrier between the messages
// and reset. Node k has a pulsegen /p resting at k + 1; node 0 writes
// race.txt. Nodes other than 0 wait 0.3 s before their raddmsg, so that
// node 0 is in reset (waiting for the zone to agree) before their SAVE
// registrations reach it: the index check must still see them all.
// MODE: ok (index k: rows "t 1 2 ..."), dup (every node index 0), gap
// (node k index 2k).
str mode = {argv 1}
paron -parallel
int me = {mynode}
int idx = me
setclock 0 1e-4
create pulsegen /p
setfield /p level1 0 width1 0 delay1 1 level2 0 width2 0 delay2 1 baselevel {me + 1} trig_mode 0
if ({strcmp {mode} dup} == 0)
    idx = 0
elif ({strcmp {mode} gap} == 0)
    idx = 2*me
end
if (me == 0)
    create par_asc_file /out
    setfield /out filename race.txt
end
barrier
if (me > 0)
    sh sleep 0.3
end
raddmsg /p /out@0 SAVE {idx} output
reset
step 3
barrier
