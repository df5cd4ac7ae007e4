// spkcmp: the mismatch between reference and simulated spike times, with
// each option, and spkcmp -spk's printed count. The expected output is
// nxgenesis 2.4's for this script.
echo {spkcmp ref.spk sim.spk}
echo {spkcmp ref.spk ref.spk}
echo {spkcmp ref.spk sim.spk -offset -0.0005}
echo {spkcmp ref.spk sim.spk -pow1 1.0}
echo {spkcmp ref.spk sim.spk -pow2 0.5}
echo {spkcmp ref.spk sim.spk -msp 2.5 -nmp 10}
echo {spkcmp ref.spk sim.spk -et 0.02}
float m = {spkcmp ref.spk sim.spk -spk}
echo {m}
echo {spkcmp sim.spk ref.spk -pow1 0.5 -pow2 2 -offset 0.001}
