// Compartment shapes: *spherical (area dia^2 pi, Ra 13.5 RA / (dia pi)),
// *cylindrical, *memb_factor, *add_spines, *compt with a prototype that
// has children (their conductances keep their density at the new size),
// and *symmetric cells with CONNECTHEAD, CONNECTTAIL and CONNECTCROSS.
create neutral /library
create compartment /library/compartment
create symcompartment /library/symcompartment
create tabchannel /library/chan
// a 10 x 2 um prototype with a channel of 1e-9 S (80 S/m^2 there)
create compartment /library/rich
setfield /library/rich len 10e-6 dia 2e-6
create tabchannel /library/rich/K
setfield /library/rich/K Gbar 5.026548e-09 Ek -0.09
addmsg /library/rich/K /library/rich CHANNEL Gk Ek
readcell shapes.p /cell
str c
foreach c (soma axon dend thin rich1)
    echo {c}: len {getfield /cell/{c} len} dia {getfield /cell/{c} dia} \
        Ra {getfield /cell/{c} Ra} Rm {getfield /cell/{c} Rm} Cm {getfield /cell/{c} Cm}
end
echo dend chan Gbar {getfield /cell/dend/chan Gbar} (area without the factor)
echo thin chan Gbar {getfield /cell/thin/chan Gbar} (area without the spines)
echo rich1/K Gbar {getfield /cell/rich1/K Gbar} surface {getfield /cell/rich1/K surface}
showmsg /cell/rich2
readcell sym.p /sym
foreach c (soma d1 d2 d3 t1)
    echo {c}: {getfield /sym/{c} Ra}
end
showmsg /sym/d2
