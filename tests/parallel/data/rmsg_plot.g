// rmsg_plot.g: raddmsg PLOT, PLOTSCALE, ICOORDS and IVAL1 from four passive
// compartments (/cell{i}, io_index i, at x = i mm, on node i % nnodes) to
// an xgraph, an xplot and an xview on node 0. Each source node also plots
// its cells locally (addmsg). After 12 steps node 0 prints what arrived
// ("dst" lines) and each source node what its local plot saw ("src"
// lines): the test checks that they are the same points, and that node
// 0's lines are the same on 1, 2 and 4 nodes.
paron -parallel
int N = {nnodes}
int me = {mynode}
int NC = 4
int i, k
setclock 0 1e-4
setclock 1 2e-4

if (me == 0)
    create xform /data
    create xgraph /data/voltage
    create xgraph /data/scaled
    create xgraph /data/one
    create xplot /data/one/plot
    create xdraw /data/draw
    create xview /data/draw/view
    useclock /data/one/plot 1
end
for (i = 0; i < NC; i = i + 1)
    if ({i % N} == me)
        create compartment /cell{i}
        setfield /cell{i} Rm 1e8 Cm 1e-10 Em -0.07 initVm -0.07 inject {(i + 1)*1e-10}
        setfield /cell{i} x {i*1e-3} y {0.5e-3} z {-i*1e-3}
        addfield /cell{i} io_index
        setfield /cell{i} io_index {i}
        if ({exists /local} == 0)
            create xform /local
            create xgraph /local/g
            create xgraph /local/one
            create xplot /local/one/plot
            useclock /local/one/plot 1
        end
        addmsg /cell{i} /local/g PLOT Vm *c{i} *red
        if (i == 1)
            addmsg /cell{i} /local/one/plot PLOTSCALE Vm *one *red 1000 70
        end
    end
end
barrier
for (i = 0; i < NC; i = i + 1)
    if ({i % N} == me)
        raddmsg /cell{i} /data/voltage@0 PLOT Vm *c{i} *black
        raddmsg /cell{i} /data/scaled@0 PLOTSCALE Vm *s{i} *blue 2 0.05
        raddmsg /cell{i} /data/draw/view@0 ICOORDS io_index x y z
        raddmsg /cell{i} /data/draw/view@0 IVAL1 io_index Vm
        if (i == 1)
            raddmsg /cell{i} /data/one/plot@0 PLOTSCALE Vm *one *red 1000 70
        end
    end
end
barrier
reset
step 12
barrier

function pts(tag, graph, name)
    str tag, graph, name
    int k
    int n = {getfield {graph}/{name} npts}
    for (k = 0; k < n; k = k + 1)
        echo {tag} {name} {k} {getfield {graph}/{name} xpts->table[{k}]} \
            {getfield {graph}/{name} ypts->table[{k}]}
    end
end

for (i = 0; i < NC; i = i + 1)
    if ({i % N} == me)
        pts src /local/g c{i}
        if (i == 1)
            pts src /local/one plot
        end
    end
end
if (me == 0)
    for (i = 0; i < NC; i = i + 1)
        pts dst /data/voltage c{i}
        echo scaled {getfield /data/scaled/s{i} npts} \
            {getfield /data/scaled/s{i} ypts->table[5]}
    end
    pts dst /data/one plot
    echo view {getfield /data/draw/view ncoords}
    for (i = 0; i < NC; i = i + 1)
        echo view {i} {getfield /data/draw/view xpts->table[{i}]} \
            {getfield /data/draw/view ypts->table[{i}]} \
            {getfield /data/draw/view zpts->table[{i}]} \
            {getfield /data/draw/view values[0][{i}]} \
            {getfield /data/voltage/c{i} ypts->table[11]}
    end
end
barrier
