// LEVEL, WIDTH and DELAY messages set pulse parameters each step; a bad pulse number fails the step
setclock 0 1
create pulsegen /p
create diffamp /src
setfield /src plus 9 gain 1 saturation 100
reset
addmsg /src /p LEVEL 1 output
addmsg /src /p WIDTH 1 3
addmsg /src /p DELAY 2 4
step 2
echo {getfield /p level1} {getfield /p width1} {getfield /p delay2}
