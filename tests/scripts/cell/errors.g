// test-options: -nox
// A readcell that fails says which file, line and what, and leaves
// nothing behind: no cell, no global changed or declared.
create neutral /library
disable /library
create compartment /library/compartment
create symcompartment /library/symcompartment
create tabchannel /library/Na
create tabchannel /library/CaL
addfield /library/CaL addmsg1
setfield /library/CaL addmsg1 ". ../Ca_pool I_Ca Ik"
float RM = 1
readcell nothere.p /cell
readcell bad_short.p /cell
readcell bad_parent.p /cell
readcell bad_channel.p /cell
readcell bad_number.p /cell
readcell bad_density.p /cell
readcell bad_pair.p /cell
readcell bad_twice.p /cell
readcell bad_dia.p /cell
readcell bad_length.p /cell
readcell bad_directive.p /cell
readcell bad_param.p /cell
readcell bad_value.p /cell
readcell bad_compt.p /cell
readcell bad_comptclass.p /cell
readcell bad_symmix.p /cell
readcell bad_comment.p /cell
readcell bad_unsupported.p /cell
readcell bad_addmsg.p /cell
readcell bad_late.p /cell
readcell bad_late.p /no/such/parent
readcell bad_late.p /cell -split 100
readcell bad_late.p /cell -lambdasplit 1
readcell bad_late.p
echo cell exists: {exists /cell}, elements: {countelementlist /##}, RM {RM}
le /
// a failed readcell into an existing cell leaves it as it was
create neutral /old
create compartment /old/soma
readcell bad_late.p /old
le /old
