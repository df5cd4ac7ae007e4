echo "a  b"  c
