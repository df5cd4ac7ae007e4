float dt = 1
function change_stepsize(v)
    str v
    dt = {v}
    echo changed to {dt}
end
change_stepsize 2.5e-5
echo {dt * 2}
