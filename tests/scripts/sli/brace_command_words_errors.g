// test-options: -nox
// names that are nothing stay errors, as before
echo {nosuch * 2}
echo {mynode+1}
echo done
