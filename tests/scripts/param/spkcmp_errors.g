// test-options: -maxerrors 100
// spkcmp's bad input: each is an error naming the file, line and command.
spkcmp ref.spk no_such.spk
spkcmp no_such.spk sim.spk
spkcmp ref.spk sim_3curr.spk
spkcmp ref.spk sim_badcurr.spk
spkcmp ref.spk sim.spk -pow1 -1
spkcmp ref.spk sim.spk -et soon
spkcmp ref.spk
echo done
