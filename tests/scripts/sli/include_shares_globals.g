int NX = 2
int NY = 3
str NAME = "net"
include inc_uses_globals
echo {NX}
