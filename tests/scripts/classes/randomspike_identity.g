// randomspike: the draws are keyed by the element's identity (its path,
// or the io_index of an ancestor), not by the order elements were made
// in: the same randomspike made after other elements, or under another
// parent with the same io_index, fires at the same times.
setclock 0 1e-4
function first_spikes(path)
    str path
    str times = ""
    int n = 0
    setfield {path} rate 150 abs_refract 0.001 min_amp 1 max_amp 1
    reset
    float last = {getfield {path} lastevent}
    while (n < 4)
        step 1
        if ({getfield {path} lastevent} != last)
            last = {getfield {path} lastevent}
            times = times @ " " @ {getstat -step}
            n = n + 1
        end
    end
    return {times}
end
create randomspike /rs
str a = {first_spikes /rs}
delete /rs
create spikegen /x1
create neutral /x2
create randomspike /rs
str b = {first_spikes /rs}
echo made first and made after others: the same steps: {a == b}
create neutral /c1
addfield /c1 io_index
setfield /c1 io_index 7
create randomspike /c1/spike
create neutral /other
addfield /other io_index
setfield /other io_index 7
create randomspike /other/spike
str c = {first_spikes /c1/spike}
str d = {first_spikes /other/spike}
echo the same io_index, another parent: the same steps: {c == d}
setfield /other io_index 8
echo another io_index: other steps: {c != {first_spikes /other/spike}}
echo another path: other steps: {a != c}
