// The .p file's layout: // and /* */ comments anywhere (a block comment
// may span lines and sit inside a line), blank lines, tabs, DOS line ends,
// and lines continued with a trailing backslash.
create neutral /library
create compartment /library/compartment
create tabchannel /library/Na
create tabchannel /library/K
readcell layout.p /cell
le /cell
le /cell/soma
echo dend: len {getfield /cell/dend len} Em {getfield /cell/dend Em}
echo soma K Gbar {getfield /cell/soma/K Gbar}
