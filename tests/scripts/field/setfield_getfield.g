// setfield with many pairs, on the working element, over wildcards; getfield formats
create pulsegen /p
setfield /p level1 0.1 width1 2e-3 delay1 5 trig_mode 2
echo {getfield /p level1} {getfield /p width1} {getfield /p delay1} {getfield /p trig_mode}
setfield /p output 0.1
echo {getfield /p output}
setfield /p output 1e-12
echo {getfield /p output}
setfield /p output -70e-3
echo {getfield /p output}
setfield /p output 123456789012
echo {getfield /p output}
ce /p
setfield baselevel 7
echo {getfield baselevel}
ce /
create neutral /n
create pulsegen /n/a[0]
create pulsegen /n/a[1]
setfield /n/a[] level2 9 width2 3
echo {getfield /n/a[0] level2} {getfield /n/a[1] width2}
echo {getfield /n x} {getfield /n/a[1] index} {getfield /n/a[1] name}
setfield /n x 0.25 y -1
echo {getfield /n x} {getfield /n y}
