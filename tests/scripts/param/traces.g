// gen2spk and shapematch on made-up traces (two current steps, spikes of
// 90 mV and, in the second, smaller bumps of 20 mV that are not spikes;
// two waveforms with shifted spikes, and a table). The expected output
// is nxgenesis 2.4's for this script.
gen2spk trace.dat 0.05 0.2 0.3 -stepsize 0.0002
sh cat trace.dat.spk.sim
sh mv trace.dat.spk.sim plain.spk
gen2spk trace.dat 0.05 0.2 0.3 -maxaccuracy -stepsize 0.0002
sh cat trace.dat.spk.sim
gen2spk trace.dat 0.06 0.15 0.3 -stepsize 0.0002
sh cat trace.dat.spk.sim
echo {spkcmp plain.spk trace.dat.spk.sim -pow1 0.1 -pow2 0.6 -msp 0.5 -nmp 200.0}
echo {shapematch ref.xy sim.xy}
echo {shapematch ref.xy sim.xy -absdev}
echo {shapematch ref.xy sim.xy -start 0.05}
echo {shapematch ref.xy sim.xy -alternate}
echo {shapematch ref.xy sim.xy -alternate -stepsize 0.0002 -start 0.01}
create table /ref
call /ref TABCREATE 400 0 0.2
int i
for (i = 0; i <= 400; i = i + 1)
    setfield /ref table->table[{i}] {-0.07 + 0.001 * i / 400}
end
echo {shapematch /ref sim.xy}
echo {shapematch /ref sim.xy -alternate}
