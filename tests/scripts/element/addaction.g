// addaction: a script function carries out an element's action, as in
// GENESIS's extended objects (pgenesis orient2's /sweeper): it gets the
// action's name first, the element is the working element meanwhile, and
// a scheduled PROCESS runs every step of the element's clock.
int nproc = 0
function sweep(action)
    str action
    nproc = nproc + 1
    echo {action} {nproc} at {getstat -time} in {el .} {getfield . x}
end
function resetter(action)
    echo {action} of {el .}
    nproc = 0
end
function other(action, a, b)
    echo {action} with {argc} arguments: {a} {b}
end
create neutral /sweeper
position /sweeper 7 0 0
useclock /sweeper 1
echo {addaction /sweeper PROCESS sweep}
addaction /sweeper RESET resetter
addaction /sweeper NEWACTION other
addtask Simulate /sweeper -action PROCESS
setclock 0 0.1
setclock 1 0.2
ce /
reset
step 5
echo working element after the steps: {el .}, calls {nproc}
call /sweeper NEWACTION 1 2
call /sweeper PROCESS
// a copy keeps its actions (GENESIS copies the element's modified object)
copy /sweeper /sweep2
call /sweep2 RESET
// a later addaction replaces the function
addaction /sweeper PROCESS other
call /sweeper PROCESS x y
// GENESIS's library form: an action name and a number
echo {addaction NEWACTION2 10}
