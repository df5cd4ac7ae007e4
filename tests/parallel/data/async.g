// async.g: futures. async ... -scalar gives a value through waiton,
// -complete only the completion; a plain async runs and is forgotten, its
// failure reported when its reply comes; waiton all waits for every one.
str last = "-"

function mark(tag)
    str tag
    last = tag
end

function getlast
    return {last}
end

paron -parallel
barrier 1
int top = {nnodes} - 1
if ({mynode} == 0)
    int f = {async getlast@{top} -scalar}
    int g = {async mark@all x -complete}
    echo futures {f} {g}
    echo value {waiton {f}}
    waiton {g}
    echo marks {getlast@0} {getlast@{top}}
    async mark@all y
    waiton all
    echo marks {getlast@0} {getlast@{top}}
    int h = {async nosuch@{top} -complete}
    waiton {h}
    async nosuch@{top} 1
    waiton all
    waiton 99
    waiton zero
    echo local {waiton {async mynode -scalar}}
end
barrier 2
