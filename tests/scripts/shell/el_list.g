// el returns a list: foreach walks it, echo prints it joined, no match is empty
create neutral /a
create neutral /a/x
create neutral /a/y[2]
str e
foreach e ({el /a/#})
    echo item {e}
end
echo {el /a/#}
int n = 0
foreach e ({el /none/#})
    n = n + 1
end
echo empty: {n}
echo {-1e308*10} is a value, not an option
