// position (absolute, R relative, I ignore) moves the subtree; disable/enable
create neutral /c
create neutral /c/d
position /c/d 1 1 1
position /c 10 R5 I
echo {getfield /c x} {getfield /c y} {getfield /c z}
echo {getfield /c/d x} {getfield /c/d y} {getfield /c/d z}
position /c R-10 I 2
echo {getfield /c/d x} {getfield /c/d y} {getfield /c/d z}
setclock 0 1
create pulsegen /p
setfield /p baselevel 3 level1 5 delay1 1 width1 1
disable /p
le /
reset
step 2
echo {getfield /p output}
enable /p
le /
step 1
echo {getfield /p output}
