// diffamp: gain * ((plus + PLUS) - (minus + MINUS)), saturating; GAIN message
setclock 0 1
create diffamp /d
create diffamp /one
setfield /one plus 1 gain 1 saturation 10
setfield /d plus 0.5 minus 0.25 gain 2 saturation 3
reset
step 1
echo {getfield /d output}
addmsg /one /d PLUS output
step 1
echo {getfield /d output}
addmsg /one /d MINUS output
addmsg /one /d MINUS output
step 1
echo {getfield /d output}
setfield /d plus 10
step 1
echo {getfield /d output}
addmsg /one /d GAIN 0.5
step 1
echo {getfield /d output} {getfield /d gain}
reset
echo {getfield /d output}
