int n = 3
echo {n}" cells" x{n}y
