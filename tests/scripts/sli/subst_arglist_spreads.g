echo {arglist "a  b   c"}
echo {getarg {arglist "w x y z"} -arg 3}
