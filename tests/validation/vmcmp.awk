# SPDX-License-Identifier: GPL-2.0-or-later
# vmcmp.awk: compares two par_asc_file outputs (rows "t v0 v1 ... ", the
# reference file as the main input, the other named by -v other=FILE) and
# prints one line of figures:
#
#   rows cols shape_errors max_early text_early late_over max_late first_t first_col
#
# rows, cols: of the reference (cols counts the values after t);
# shape_errors: rows whose time or number of values differ;
# max_early: the largest |difference| in the rows with t < tsplit;
# text_early: values in those rows whose printed text differs;
# late_over: values in rows with t >= tsplit differing by more than tol;
# max_late: the largest |difference| in those rows;
# first_t, first_col: the first row and column (io_index) anywhere whose
# difference exceeds tol (- - when none).
#
#   awk -v other=B -v tsplit=0.378 -v tol=1e-6 -f vmcmp.awk A
BEGIN { if (tsplit == "") tsplit = 1e300; if (tol == "") tol = 1e-6; first_t = "-"; first_c = "-" }
{
    if ((getline line < other) <= 0) { shape++; next }
    nb = split(line, b, " ")
    if (NR == 1) cols = NF - 1
    if (nb != NF || b[1] != $1) { shape++; next }
    early = ($1 + 0 < tsplit + 0)
    for (i = 2; i <= NF; i++) {
        d = $i - b[i]
        if (d < 0) d = -d
        if (d > tol && first_t == "-") { first_t = $1; first_c = i - 2 }
        if (early) {
            if (d > max_early) max_early = d
            if ($i != b[i]) text_early++
        } else {
            if (d > tol) late_over++
            if (d > max_late) max_late = d
        }
    }
}
END {
    if ((getline line < other) > 0) shape++
    printf "%d %d %d %.3g %d %d %.4g %s %s\n", NR, cols, shape, max_early, text_early,
        late_over, max_late, first_t, first_c
}
