// SPDX-License-Identifier: GPL-2.0-or-later
// sli_loop.g: the connection set-up loop of the ACnet2 tutorial
// (planarconnect_probdecay) on a 48 x 48 grid, 200 sources x 2,304
// targets: per iteration two paths built with @, two getfield calls,
// float arithmetic, {exp ...} and {rand 0 1}. Run by tests/perf/
// bench_sli_loop, in gensh and in GENESIS 2.4; it prints nothing.
create neutral /lay
create neutral /lay/c
create compartment /lay/c/syn
createmap /lay/c /L 48 48 -delta 4e-5 4e-5

function probdecay(src_cell_path, src_spikepath, n_src, dst_cell_path, dst_synpath, n_dst, \
    rmin, rmax, prob0, sigma)
    str src, src_cell_path, src_spikepath, dst, dst_cell_path, dst_synpath
    int n_src, n_dst, i, j, n
    float rmin, rmax, prob0, sigma, x, y, dst_x, dst_y, prob, rsqr
    float decay = 1.0/(sigma*sigma)
    float rminsqr = rmin*rmin
    float rmaxsqr = rmax*rmax
    n = 0
    for (i = 0; i < {n_src}; i = i + 1)
        src = {src_cell_path} @ "[" @ {i} @ "]/" @ {src_spikepath}
        x = {getfield {src} x}
        y = {getfield {src} y}
        for (j = 0; j < {n_dst}; j = j + 1)
            dst = {dst_cell_path} @ "[" @ {j} @ "]/" @ {dst_synpath}
            dst_x = {getfield {dst} x}
            dst_y = {getfield {dst} y}
            rsqr = (dst_x - x)*(dst_x - x) + (dst_y - y)*(dst_y - y)
            if (({rsqr} >= {rminsqr}) && ({rsqr} <= {rmaxsqr}))
                prob = {prob0}*{exp {-1.0*{rsqr*decay}}}
                if ({rand 0 1} <= prob)
                    n = n + 1
                end
            end
        end
    end
end

probdecay /L/c "syn" 200 /L/c "syn" 2304 2e-5 1e-3 0.15 4e-4
