// A warning that comes again from the same line with the same text (a
// tolerated word in a loop, as in PGENESIS's param/pga.g) is printed once;
// its first repeat says that the others are not shown. Another line, or
// another text from the same line, still warns.
// test-status: 0
int i
float x
for (i = 0; i < 1000; i = i + 1)
    x = {rand 0 population}
end
echo {rand 0 population}
for (i = 0; i < 3; i = i + 1)
    if (i == 1)
        x = {rand 0 {i}x}
    else
        x = {rand 0 2x}
    end
end
echo done
