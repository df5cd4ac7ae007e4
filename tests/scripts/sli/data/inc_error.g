echo before
echo {nosuchcommand}
echo after
