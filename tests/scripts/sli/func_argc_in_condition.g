function makegraphscale(graph)
    if ({argc} < 1)
        echo usage: makegraphscale graph
        return
    end
    str graph
    echo scale {graph}
end
makegraphscale
makegraphscale /data/voltage
