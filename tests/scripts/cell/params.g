// The constants readcell uses: *set_compt_param changes them for the
// following lines only; *set_global changes the script globals too (once
// the cell is read); values may name script globals; ELEAK (Em) follows
// EREST_ACT (initVm) until it is given; CONNECTTAIL repeats RAXIAL.
float RM_SCRIPT = 4.0
float CM_SCRIPT = 0.03
float OTHER = 1
create neutral /library
create compartment /library/compartment
readcell params.p /cell
str c
foreach c (a b c d)
    echo {c}: Rm {getfield /cell/{c} Rm} Cm {getfield /cell/{c} Cm} \
        Ra {getfield /cell/{c} Ra} Em {getfield /cell/{c} Em} \
        initVm {getfield /cell/{c} initVm}
end
// RA was not a global: readcell declared it (0), as GENESIS does
echo globals: RM {RM} CM {CM} EREST_ACT {EREST_ACT} OTHER {OTHER} RA {RA}
echo messages into c: {getmsg /cell/c -incoming -count}, into d: {getmsg /cell/d -incoming -count}
// readcell starts from the globals RM, RA, CM, EREST_ACT and ELEAK: a
// global ELEAK no longer follows EREST_ACT
float ELEAK = -0.09
readcell params.p /cell2
echo a2: Em {getfield /cell2/a Em} initVm {getfield /cell2/a initVm}
