// test-options: -nox
// clearthreads runs what other nodes sent (nothing on one node) and
// returns 1 once paron has run, 0 before (PGENESIS had no postmaster then)
echo {clearthreads}
paron
echo {clearthreads}
int i
for (i = 0; i < 3; i = i + 1)
    clearthreads
end
paroff
echo {clearthreads}
clearthreads extra
