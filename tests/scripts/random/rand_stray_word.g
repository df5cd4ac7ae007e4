// A word that is not a number where rand or gaussian wants one (pga.g's
// {rand 0 population}): GENESIS reads it as 0 (or its numeric prefix) and
// goes on; gensh warns with file, line and word, and does the same, the
// draw included
// test-status: 0
setrand -nr
echo {rand 0 population}
echo {rand 0 1}
echo {rand 0 2x}
echo {gaussian 0 sd}
echo {rand 0 1}
