int c
c = ({strlen abcd})
echo {c}
