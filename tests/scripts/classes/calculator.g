// calculator: SUM, SUBTRACT, MULTIPLY and DIVIDE in message order from
// output_init; resetclock 1 (every 5 steps) makes a ramp of a summed
// constant, as in GENESIS's calculator.txt. The .out is nxgenesis's
// output for this script.
setclock 0 1.0
setclock 1 5.0
create neutral /source
setfield /source x 4 y 2 z 3
create calculator /source/ramp
setfield /source/ramp resetclock 1
addmsg /source /source/ramp SUM x
create calculator /c2
setfield /c2 output_init 10
addmsg /source /c2 SUM x
addmsg /source /c2 MULTIPLY y
addmsg /source /c2 SUBTRACT z
addmsg /source /c2 DIVIDE y
reset
echo init {getfield /source/ramp output} {getfield /c2 output}
int i
for (i = 0; i < 12; i = i + 1)
    step 1
    echo {i} {getfield /source/ramp output} {getfield /c2 output}
end
// the messages read their sources at every tick
setfield /source y 4
step 1
echo {getfield /c2 output}
