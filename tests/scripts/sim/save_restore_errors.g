// test-options: -nox
// bad input to save and restore: each fails with its reason and changes
// nothing (the compartment's Vm stays as it was)
create compartment /c
setfield /c Rm 1e9 Cm 1e-11 Em -0.07 initVm -0.07 inject 1e-11
create compartment /d
setfield /d Rm 1e9 Cm 1e-11 Em -0.06 initVm -0.06
restore c.save
reset
step 10
save /c no/such/dir/c.save
save /nothing c.save
echo {save /c,/d c.save} {save /c c1.save} {getfield /c Vm}
sh "echo hello > notsave.txt"
save /c notsave.txt -append
restore notsave.txt
restore missing.save
sh "head -c 60 c.save > cut.save"
restore cut.save
// another model: /d is gone, or is no longer a compartment
delete /d
reset
restore c.save
create neutral /d
reset
restore c.save
echo {getfield /c Vm}
delete /d
// another clock 0
setclock 0 0.5
reset
restore c.save
setclock 0 1
reset
echo {restore c1.save} {getfield /c Vm} {getstat -step}
