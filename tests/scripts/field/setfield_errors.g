// test-options: -nox
// each failing setfield changes nothing, on any element
create neutral /n
create pulsegen /n/a[0]
create pulsegen /n/a[1]
create asc_file /n/f
setfield /n/a[] level1 1 width1 abc
setfield /n/a[] level1 1 Vm 2
setfield /n/a[] trig_mode 5
setfield /n/a[] trig_mode 1.5
setfield /n/a[1] name b
setfield /nothing level1 1
setfield /n/nothing[] level1 1
setfield /n/a[0] level1
setfield /n/f float_format %d
setfield /n/f float_format "%g %g"
echo {getfield /n/a[0] level1} {getfield /n/a[1] level1} {getfield /n/a[0] trig_mode} {getfield /n/f float_format}
echo {getfield /n/a[0] Vm}
echo {getfield /nothing x}
