// nodelists.g: every node-list form, run from node 0 and from the last
// node. Each form marks the nodes it names; the caller then asks every
// node for its mark and prints the nodes that carry the form's mark.
str last = "-"

function mark(tag)
    str tag
    last = tag
end

function getlast
    return {last}
end

function try(form)
    str form
    int i
    str got = ""
    mark@all -
    mark@{form} {form}
    for (i = 0; i < {nnodes}; i = i + 1)
        if ({getlast@{i}} == form)
            got = got @ " " @ {i}
        end
    end
    echo@0 from {mynode} {form}: {got}
end

paron -parallel
barrier 1
if ({mynode} == 0)
    try 0
    try all
    try others
    try other
    try -1
    try -2
    try 0.0
    try all.all
    try others.all
    try all.others
    try 0-1
    try "1, 0"
    try 1,1,0
    try 0-{{nnodes} - 1}
    try {{nnodes} - 1}.0
    try@{{nnodes} - 1} others
    try@{{nnodes} - 1} 0
    try 3
    try 1-5
    try 0.1
    try x
    try "1,,2"
end
barrier 2
