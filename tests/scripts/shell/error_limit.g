// In batch mode the run stops at -maxerrors errors (here 25), even when
// they come from one line; the count of those not shown follows.
// test-options: -maxerrors 25
// test-status: 1
int i
for (i = 0; i < 5000; i = i + 1)
    setfield /nosuch x 1
end
echo not reached
