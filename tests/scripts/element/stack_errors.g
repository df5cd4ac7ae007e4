// test-options: -nox
pope
pushe /nowhere
pwe
