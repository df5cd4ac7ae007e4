// test-options: -nox
// create with -field value initialisers; a bad initialiser creates nothing
create pulsegen /p -level1 2.5 -width1 1e-3 -trig_mode 1
echo {getfield /p level1} {getfield /p width1} {getfield /p trig_mode}
create pulsegen /q -level1 1 -nosuch 3
echo {exists /q}
create pulsegen /q -level1 abc
echo {exists /q}
create pulsegen /q -trig_mode 9
echo {exists /q} {getpath {el ^} -tail}
