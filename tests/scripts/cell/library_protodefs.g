// protodefs.g of the script library: a ready-made /library (disabled) of
// compartments, squid channels, synchans and a spikegen; the working
// element is left where it was.
create neutral /work
ce /work
include protodefs
pwe
le /library
le /   // a * marks a disabled element
