# SPDX-License-Identifier: GPL-2.0-or-later
# spikecmp.awk: compares two spike files ("index time" per line, as
# spikehistory writes them): awk -v dt=5e-5 -f spikecmp.awk REF TEST
# Prints one line of figures:
#   ref_spikes test_spikes ref_cells test_cells cells_differing
#   spikes_beyond_dt first_divergence_time
# A cell differs when its spike count differs or any of its spikes is
# more than dt (plus rounding) away from the reference spike of the same
# rank; first_divergence_time is the earliest such spike (-1: none).
FNR == 1 { file++ }
NF >= 2 {
    if (file == 1) { n1++; c = $1; k = ++r[c]; rt[c, k] = $2 }
    else { n2++; c = $1; k = ++t[c]; tt[c, k] = $2 }
}
END {
    if (dt == "") dt = 5e-5
    tol = dt * 1.001
    first = -1
    for (c in r) nr++
    for (c in t) nt++
    for (c in r) all[c] = 1
    for (c in t) all[c] = 1
    for (c in all) {
        bad = 0
        m = (r[c] > t[c]) ? r[c] : t[c]
        for (k = 1; k <= m; k++) {
            a = ((c, k) in rt) ? rt[c, k] : -1
            b = ((c, k) in tt) ? tt[c, k] : -1
            d = a - b; if (d < 0) d = -d
            if (a < 0 || b < 0 || d > tol) {
                bad = 1; beyond++
                w = (a < 0) ? b : ((b < 0 || a < b) ? a : b)
                if (first < 0 || w < first) first = w
            }
        }
        if (bad) ncells++
    }
    printf "%d %d %d %d %d %d %g\n", n1, n2, nr, nt, ncells + 0, beyond + 0, first
}
