// cacell.g: a cell under an hsolve with calcium, for
// tests/validation/rallpack.test: one compartment (3.14e-9 m^2) with squid Na
// and K channels, a calcium channel feeding a Ca_concen pool (I_Ca Ik),
// and a K channel whose Z gate reads the pool (CONCEN Ca, a table of
// 500 Ca / (Ca + 0.001) per s), 0.2 nA injected; chanmode from the first
// argument (-1: no hsolve), Crank-Nicolson, 5000 steps of 20 us; Vm and
// Ca written every step. Runs unchanged in GENESIS 2.4.
int mode = {argv 1}
float area = 3.14159e-9
create neutral /cell
create compartment /cell/soma
setfield /cell/soma Rm {1.0 / area} Cm {0.01 * area} Em -0.065 initVm -0.065 inject 2e-10
create tabchannel /cell/soma/Na
setfield /cell/soma/Na Ek 0.050 Gbar {1200 * area} Xpower 3 Ypower 1
setupalpha /cell/soma/Na X -4000 -1e5 -1 0.040 -0.010  4000 0 0 0.065 0.018 -size 3000 -range -0.1 0.05
setupalpha /cell/soma/Na Y 70 0 0 0.065 0.020  1000 0 1 0.035 -0.010 -size 3000 -range -0.1 0.05
create tabchannel /cell/soma/K
setfield /cell/soma/K Ek -0.077 Gbar {360 * area} Xpower 4
setupalpha /cell/soma/K X -550 -1e4 -1 0.055 -0.010  125 0 0 0.065 0.080 -size 3000 -range -0.1 0.05
create tabchannel /cell/soma/Ca
setfield /cell/soma/Ca Ek 0.12 Gbar {50 * area} Xpower 1
setupalpha /cell/soma/Ca X -4000 -1e5 -1 0.040 -0.010  4000 0 0 0.065 0.018 -size 3000 -range -0.1 0.05
create Ca_concen /cell/soma/pool
setfield /cell/soma/pool B 1e10 tau 0.02 Ca_base 0
create tabchannel /cell/soma/KCa
setfield /cell/soma/KCa Ek -0.077 Gbar {100 * area} Zpower 1
call /cell/soma/KCa TABCREATE Z 1000 0 0.01
int i
for (i = 0; i <= 1000; i = i + 1)
    setfield /cell/soma/KCa Z_A->table[{i}] {500 * i * 1e-5 / (i * 1e-5 + 0.001)}
    setfield /cell/soma/KCa Z_B->table[{i}] 500
end
setfield /cell/soma/KCa Z_conc 1
addmsg /cell/soma/Na /cell/soma CHANNEL Gk Ek
addmsg /cell/soma /cell/soma/Na VOLTAGE Vm
addmsg /cell/soma/K /cell/soma CHANNEL Gk Ek
addmsg /cell/soma /cell/soma/K VOLTAGE Vm
addmsg /cell/soma/Ca /cell/soma CHANNEL Gk Ek
addmsg /cell/soma /cell/soma/Ca VOLTAGE Vm
addmsg /cell/soma/Ca /cell/soma/pool I_Ca Ik
addmsg /cell/soma/pool /cell/soma/KCa CONCEN Ca
addmsg /cell/soma/KCa /cell/soma CHANNEL Gk Ek
addmsg /cell/soma /cell/soma/KCa VOLTAGE Vm
create asc_file /out
setfield /out filename cacell.out leave_open 1
addmsg /cell/soma /out SAVE Vm
addmsg /cell/soma/pool /out SAVE Ca
if (mode >= 0)
create hsolve /cell/solve
setfield /cell/solve path ../soma chanmode {mode}
setmethod /cell/solve 11
call /cell/solve SETUP
end
setclock 0 2e-5
reset
step 5000
quit
