function load
    include inc_defs
end
load
echo {inc_twice 5}
