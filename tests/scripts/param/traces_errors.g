// test-options: -maxerrors 100
// gen2spk and shapematch on bad input: an error that names what is wrong;
// gen2spk leaves its output file as it was.
gen2spk no_such_file 0.05 0.2 0.3
gen2spk trace.dat 0.05 0.2 0.3 -stepsize 0
gen2spk trace.dat 0.2 0.2 0.3 -stepsize 0.0002
sh echo old > trace.dat.spk.sim
gen2spk trace.dat 0.05 0.15 0.25 -stepsize 0.0002
sh cat trace.dat.spk.sim
shapematch ref.xy no_such_file
shapematch ref.xy sim.xy -absdev -alternate
shapematch ref.xy sim.xy -start -1
shapematch ref.xy trace.dat
create neutral /n
shapematch /n sim.xy
create table /t
shapematch /t sim.xy
call /t TABCREATE 10 0 1
shapematch /t sim.xy
