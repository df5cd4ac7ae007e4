echo before
nosuchcommand a b
echo after
