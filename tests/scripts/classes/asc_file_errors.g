// test-options: -nox
setclock 0 1
create asc_file /out
setfield /out float_format %s
setfield /out float_format "%g and %g"
call /out OUT_WRITE text
setfield /out filename no/such/dir/x.txt
reset
step 1
echo {getfield /out float_format} {getstat -step}
