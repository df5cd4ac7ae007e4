// A failing command in a loop: the first 20 errors from its line are
// printed, the 21st says that the rest are not, and when the script
// ends one line says how many were not shown. Errors from other lines
// still print; every error counts in the summary and the exit status.
// test-options: -maxerrors 0
// test-status: 1
int i
for (i = 0; i < 50; i = i + 1)
    setfield /nosuch[{i}] x 1
end
echo after the loop
nosuchcommand
echo done
