float f
echo {f}
