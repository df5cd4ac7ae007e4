// Densities on compartment lines: channels and synchans scale Gbar/gmax by
// the membrane area (negative: absolute), a spikegen takes the number as
// its threshold, a Ca_concen's B is divided by its shell's volume; other
// names set compartment fields. Library elements' addmsg fields add their
// messages (relative to the element) once the line is built.
create neutral /library
disable /library
create compartment /library/compartment
create tabchannel /library/Na
create tabchannel /library/K
create synchan /library/Ex
create synchan /library/Inh
create spikegen /library/spike
create tabchannel /library/CaL
setfield /library/CaL Ek 0.1
addfield /library/CaL addmsg1
setfield /library/CaL addmsg1 ". ../Ca_pool I_Ca Ik"
create Ca_concen /library/Ca_pool
setfield /library/Ca_pool tau 0.01 thick 0.5e-6
create tabchannel /library/KCa
setfield /library/KCa Zpower 1
addfield /library/KCa addmsg1
setfield /library/KCa addmsg1 "../Ca_pool . CONCEN Ca"
create Ca_concen /library/Ca_shell
readcell dens.p /cell
echo Na Gbar {getfield /cell/soma/Na Gbar} surface {getfield /cell/soma/Na surface}
echo K Gbar {getfield /cell/soma/K Gbar} surface {getfield /cell/soma/K surface}
echo Ex gmax {getfield /cell/soma/Ex gmax}, Inh gmax {getfield /cell/soma/Inh gmax}
echo spike thresh {getfield /cell/soma/spike thresh}
echo Ca_pool B {getfield /cell/dend/Ca_pool B} (shell 0.5 um deep)
echo Ca_shell B {getfield /cell/dend/Ca_shell B}
echo tip: inject {getfield /cell/tip inject} Em {getfield /cell/tip Em} Ra {getfield /cell/tip Ra}
showmsg /cell/dend/Ca_pool
showmsg /cell/dend/KCa
showmsg /cell/soma/spike
