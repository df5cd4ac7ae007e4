// A branched cell of asymmetric compartments (data/branched.p: a soma
// with Na and K, three branches, two of them branching again, children
// with and without children of their own in mixed order) with a Ca
// channel, a Ca_concen and a Ca-gated K channel (a table without
// interpolation) in the soma, under an hsolve: Crank-Nicolson with
// chanmode 4 and backward Euler with chanmode 2, 0.2 nA into the soma
// and 0.05 nA into a branch tip, 64 ms (four spikes). The CN and BE
// lines of hsolve_branched.out are what nxgenesis 2.4 prints for this
// script (17 digits): every Vm and the Ca of every printed step must be
// GENESIS's to the last bit, which needs GENESIS's numbering of the rows,
// its float products in the matrix, its trapezoidal Ca step, its
// interpolation of every table and its order of a compartment's channels
// (docs/solver.md, hsolve).
floatformat %0.17g
float E = -0.068
create neutral /library
disable /library
create compartment /library/compartment
// squid-like rates, relative to the resting potential E
create tabchannel /library/Na
setfield /library/Na Ek {E + 0.115} Xpower 3 Ypower 1
setupalpha /library/Na X {0.1e6 * (0.025 + E)} -0.1e6 -1.0 {-(0.025 + E)} -0.01 \
    4e3 0.0 0.0 {-E} 0.018
setupalpha /library/Na Y 70.0 0.0 0.0 {-E} 0.02 1e3 0.0 1.0 {-(0.03 + E)} -0.01
create tabchannel /library/K
setfield /library/K Ek {E - 0.012} Xpower 4
setupalpha /library/K X {1e4 * (0.01 + E)} -1e4 -1.0 {-(0.01 + E)} -0.01 \
    125.0 0.0 0.0 {-E} 0.08
function make_cell(cell)
    readcell branched.p {cell}
    // calcium: a channel feeding a pool, and a K channel gated by the pool
    create tabchannel {cell}/soma/Ca
    setfield {cell}/soma/Ca Ek 0.08 Gbar 2e-8 Xpower 2
    setupalpha {cell}/soma/Ca X 1600.0 0.0 1.0 -0.005 -0.0139 178.0 2e4 -1.0 0.0089 0.005
    create Ca_concen {cell}/soma/Ca_conc
    setfield {cell}/soma/Ca_conc B 4e12 tau 0.02 Ca_base 0
    create tabchannel {cell}/soma/Kca
    setfield {cell}/soma/Kca Ek {E - 0.012} Gbar 3e-8 Zpower 1
    call {cell}/soma/Kca TABCREATE Z 30 0 600
    int i
    float x, a
    for (i = 0; i <= 30; i = i + 1)
        x = 20 * i
        a = 0.01 * x
        if (x >= 300)
            a = 3
        end
        setfield {cell}/soma/Kca Z_A->table[{i}] {a} Z_B->table[{i}] {a + 2}
    end
    setfield {cell}/soma/Kca Z_A->calc_mode 0 Z_B->calc_mode 0
    call {cell}/soma/Kca TABFILL Z 600 0
    addmsg {cell}/soma {cell}/soma/Ca VOLTAGE Vm
    addmsg {cell}/soma/Ca {cell}/soma CHANNEL Gk Ek
    addmsg {cell}/soma/Ca {cell}/soma/Ca_conc I_Ca Ik
    addmsg {cell}/soma/Ca_conc {cell}/soma/Kca CONCEN Ca
    addmsg {cell}/soma {cell}/soma/Kca VOLTAGE Vm
    addmsg {cell}/soma/Kca {cell}/soma CHANNEL Gk Ek
    setfield {cell}/soma inject 0.2e-9
    setfield {cell}/d1b1 inject 0.05e-9
end

// Crank-Nicolson with chanmode 4, backward Euler with chanmode 2
function solve(cell, method, mode)
    create hsolve {cell}/solver
    setmethod {cell}/solver {method}
    setfield {cell}/solver chanmode {mode} path "../[][TYPE=compartment]"
    call {cell}/solver SETUP
end

function show(label, k, cell)
    str c, line = {label} @ " " @ {k}
    foreach c ({arglist "soma d1 d2 d3 d1a d1b d1b1 d3a"})
        line = line @ " " @ {getfield {cell}/solver {findsolvefield {cell}/solver {cell}/{c} Vm}}
    end
    echo {line} {getfield {cell}/solver {findsolvefield {cell}/solver {cell}/soma/Ca_conc Ca}}
end

make_cell /cn
make_cell /be
solve /cn 11 4
solve /be 10 2
setclock 0 2e-5
reset
int k
for (k = 1; k <= 40; k = k + 1)
    step 80
    show CN {k * 80} /cn
    show BE {k * 80} /be
end
