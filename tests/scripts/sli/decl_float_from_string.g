float f = "2.5e3x"
float g = "  .5"
float h = "1e-2"
echo {f} {g} {h}
