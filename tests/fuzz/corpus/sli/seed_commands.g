echo hello "a b" x{1+2}y /*/soma ^ $1 -opt 1e-3
echo a \ // note
  b; echo c /* c */ d
setfield /a[{i}]/b x {y} z@w
