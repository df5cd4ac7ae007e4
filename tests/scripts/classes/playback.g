// playback: the events putevent gives it, played back on clock 0 (1 s):
// state takes an event's magnitude at its step and keeps it until the
// next event; events are kept in time order (5 1 put after the others
// comes first), and one within dt/10 of another (30.04) replaces it.
// The .out is nxgenesis's output for this script.
create playback /pb
putevent /pb 10 10.0 20 0.0 30 30.0 40 0.0 50 50.0 60 0.0
putevent /pb 25 7 5 1 30.04 33
reset
int i
str row = ""
for (i = 0; i < 66; i = i + 1)
    step 1
    row = row @ " " @ {getfield /pb state}
end
echo {row}
// reset plays them again from the start
reset
step 12
echo {getfield /pb state}
