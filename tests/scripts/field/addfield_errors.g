// test-options: -nox
create pulsegen /p
addfield /p level1
addfield /p io
addfield /p io
addfield /p "a b"
deletefield /p level1
deletefield /p nosuch
deletefield /p io
deletefield /p io
addfield /none x
