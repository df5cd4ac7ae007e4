/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hines.c: cells under an hsolve, solved implicitly as GENESIS 2.4's
 * hsolve solves them. Each cell's compartments are the rows of one sparse
 * linear system per step,
 *
 *   (1 + dt'/Cm (1/Rm + sum Gk + sum 1/Ra)) V' - sum dt'/(Cm Ra) V'_nb
 *       = V + dt'/Cm (Em/Rm + inject + sum Ek Gk),
 *
 * with dt' = dt for backward Euler (V(t+dt) = V') and dt' = dt/2 for
 * Crank-Nicolson (V(t+dt) = 2 V' - V). The rows are numbered in Hines'
 * order (each compartment before the one it hangs from; for a cell of
 * compartments, GENESIS's own numbering, see genesis_order), the
 * elimination is worked out once at compile time (with the fill-in a
 * non-tree wiring needs, such as the sibling links of symcompartments)
 * and unrolled into a list of operations, as GENESIS's funcs array; a
 * step only fills the diagonal and right-hand side, runs the list and
 * substitutes back.
 *
 * With chanmode >= 1 the cell's tabchannels are updated here, before the
 * compartments, from the Vm of the previous step (GENESIS's staggered
 * scheme): each gate moves by the trapezoidal rule,
 * X' = (X (2 - (1 + dt/2 B)) + dt A) / (1 + dt/2 B), with the tables
 * transformed once as GENESIS's chip tables are (chanmode >= 2) or
 * interpolated first (chanmode 1). Everything else (synchans, spikegens,
 * Ca pools, chanmode 0's channels) keeps running in the general path.
 *
 * The arrays live in the compiled model (model.h), so a GPU backend can
 * mirror them and run the same operations.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/gs.h"
#include "build.h"
#include "model_int.h"

/* ---- compile: order and elimination ------------------------------------ */

/* The sparse pattern while the elimination is worked out: per row, the
 * columns of its off-diagonal entries and their val indices; per column,
 * the rows that have an entry there. */
struct pat {
    int n;
    int **col, **vix, *ncol, *capcol;
    int **row, *nrow, *caprow;
    int nval;
};

static void
push2(int **a, int **b, int *n, int *cap, int x, int y)
{
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 4;
        *a = xreallocarray(*a, (size_t)*cap, sizeof **a);
        if (b)
            *b = xreallocarray(*b, (size_t)*cap, sizeof **b);
    }
    (*a)[*n] = x;
    if (b)
        (*b)[*n] = y;
    (*n)++;
}

/* The val index of entry (I, J), made (0) when MAKE and missing; -1 when
 * missing and not MAKE. */
static int
pat_entry(struct pat *p, int i, int j, bool make)
{
    for (int k = 0; k < p->ncol[i]; k++)
        if (p->col[i][k] == j)
            return p->vix[i][k];
    if (!make)
        return -1;
    int v = p->nval++;
    push2(&p->col[i], &p->vix[i], &p->ncol[i], &p->capcol[i], j, v);
    push2(&p->row[j], NULL, &p->nrow[j], &p->caprow[j], i, 0);
    return v;
}

static void
pat_free(struct pat *p)
{
    for (int i = 0; i < p->n; i++) {
        free(p->col[i]);
        free(p->vix[i]);
        free(p->row[i]);
    }
    free(p->col);
    free(p->vix);
    free(p->ncol);
    free(p->capcol);
    free(p->row);
    free(p->nrow);
    free(p->caprow);
}

static void
push_op(struct gs_hines *H, int *cap, int kind, int a, int b, int c)
{
    if (H->nops == *cap) {
        *cap = *cap ? 2 * *cap : 64;
        H->ops = xreallocarray(H->ops, (size_t)*cap, sizeof *H->ops);
    }
    H->ops[H->nops++] = (struct gs_hop){(uint8_t)kind, a, b, c};
}

static bool
is_axial(int kind)
{
    return (kind & ~GS_TERM_PREV) >= GS_T_AXIAL;
}

/*
 * GENESIS's Hines numbering (hines_init.c, h_init and do_hnum) for a cell
 * of compartments (not symcompartments) whose AXIAL messages make a
 * forest: the parent of a compartment is the sender of its AXIAL; from
 * each compartment without a parent (in path order) the rows are handed
 * out from the last one down: the compartment, then its children that have
 * none of their own, then each child that has, depth first; children in
 * path order. Fills ORD[0..N) with local indices in row order and PAR
 * with each one's parent (-1 none); false when the wiring is not such a
 * forest (a compartment with two parents, a loop, a symcompartment),
 * where the caller numbers the cell its own way.
 */
static bool
genesis_order(const struct gs_cmodel *m, const int *list, const int *local, int n, int *ord,
              int *par)
{
    for (int i = 0; i < n; i++) {
        par[i] = -1;
        if (m->csym[list[i]])
            return false;
        int c = list[i];
        for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++) {
            const struct gs_term *t = &m->terms[j];
            if ((t->kind & ~GS_TERM_PREV) != GS_T_AXIAL || local[t->ref] == i)
                continue;
            if (par[i] >= 0)
                return false;
            par[i] = local[t->ref];
        }
    }
    /* each compartment's children, in path order */
    int *kfirst = xcalloc((size_t)n + 2, sizeof(int)), *kid = xmalloc(sizeof(int) * (size_t)(n + 1));
    int *stack = xmalloc(sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        if (par[i] >= 0)
            kfirst[par[i] + 2]++;
    for (int i = 0; i < n; i++)
        kfirst[i + 2] += kfirst[i + 1];
    for (int i = 0; i < n; i++)
        if (par[i] >= 0)
            kid[kfirst[par[i] + 1]++] = i;
#define NKID(c) (kfirst[(c) + 1] - kfirst[c])
    int next = n - 1;
    for (int root = 0; root < n; root++) {
        if (par[root] >= 0)
            continue;
        int sp = 0;
        stack[sp++] = root;
        while (sp > 0) {
            int c = stack[--sp];
            ord[next--] = c;
            for (int e = kfirst[c]; e < kfirst[c + 1]; e++)
                if (NKID(kid[e]) == 0)
                    ord[next--] = kid[e];
            /* the children that have children, the first on top */
            for (int e = kfirst[c + 1] - 1; e >= kfirst[c]; e--)
                if (NKID(kid[e]) > 0)
                    stack[sp++] = kid[e];
        }
    }
#undef NKID
    free(kfirst);
    free(kid);
    free(stack);
    /* compartments left out lie on a loop of parents */
    return next == -1;
}

/* Puts the links of row K in the order GENESIS's hines_init.c takes them
 * off the diagonal: the links to its children by their rows, then the
 * AXIAL to its parent (which matters for the last bits of the diagonal). */
static void
genesis_links(const struct gs_cmodel *m, struct gs_hines *H, int k, const int *pos,
              const int *local)
{
    int l0 = H->lnk_first[k], l1 = H->lnk_first[k + 1];
    for (int a = l0 + 1; a < l1; a++) {
        int term = H->lnk_term[a], val = H->lnk_val[a], b = a - 1;
        const struct gs_term *t = &m->terms[term];
        int key = (t->kind & ~GS_TERM_PREV) == GS_T_AXIAL ? INT_MAX : pos[local[t->ref]];
        for (; b >= l0; b--) {
            const struct gs_term *u = &m->terms[H->lnk_term[b]];
            int kb = (u->kind & ~GS_TERM_PREV) == GS_T_AXIAL ? INT_MAX : pos[local[u->ref]];
            if (kb <= key)
                break;
            H->lnk_term[b + 1] = H->lnk_term[b];
            H->lnk_val[b + 1] = H->lnk_val[b];
        }
        H->lnk_term[b + 1] = term;
        H->lnk_val[b + 1] = val;
    }
}

/*
 * Lays out cell H from its compartments LIST[0..N) (model indices, in the
 * hsolve's path order): Hines' numbering (breadth first from the first
 * compartment, then reversed, so every compartment comes before the one
 * it hangs from), the pattern with its fill-in, and the operations.
 * Errors: false with a message in ERR for a link to a compartment outside
 * the cell.
 */
static bool
hines_cell(struct gs_cmodel *m, struct gs_hines *H, const int *list, int n, char *err,
           size_t errlen)
{
    int *local = xmalloc(sizeof(int) * (size_t)(m->ncompt + 1));
    for (int c = 0; c < m->ncompt; c++)
        local[c] = -1;
    for (int i = 0; i < n; i++)
        local[list[i]] = i;
    /* neighbours of each compartment (local numbers), from its links */
    int *afirst = xcalloc((size_t)n + 1, sizeof(int)), *adj = NULL, na = 0;
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        int c = list[i];
        for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++) {
            const struct gs_term *t = &m->terms[j];
            if (!is_axial(t->kind))
                continue;
            if (local[t->ref] < 0) {
                snprintf(err, errlen, "compartment %d of an hsolve is linked to %d, "
                         "which is not in the same hsolve", c, t->ref);
                ok = false;
                break;
            }
            na++;
        }
        afirst[i + 1] = na;
    }
    int *bfs = xmalloc(sizeof(int) * (size_t)(n + 1)), nb = 0;
    int *from = xmalloc(sizeof(int) * (size_t)(n + 1));
    int *mark = xcalloc((size_t)n + 1, sizeof(int));
    bool *seen = xcalloc((size_t)n + 1, sizeof(bool));
    int *ord = xmalloc(sizeof(int) * (size_t)(n + 1));
    int *gpar = xmalloc(sizeof(int) * (size_t)(n + 1));
    if (!ok)
        goto out;
    adj = xmalloc(sizeof(int) * (size_t)(na + 1));
    na = 0;
    for (int i = 0; i < n; i++) {
        int c = list[i];
        for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++)
            if (is_axial(m->terms[j].kind))
                adj[na++] = local[m->terms[j].ref];
    }
    /* GENESIS's numbering where its hsolve would number the cell; other
     * wirings (symcompartments, loops) have each connected part numbered
     * breadth first from its centre (the middle of its longest path), so
     * that the elimination runs along several branches at once. */
    H->genesis = genesis_order(m, list, local, n, ord, gpar);
    int stamp = 0;
    for (int s0 = 0; s0 < n && !H->genesis; s0++) {
        if (seen[s0])
            continue;
        int root = s0;
        for (int pass = 0; pass < 3; pass++) {
            /* pass 0: farthest from s0; pass 1: farthest from that, with
             * the way back; pass 2: the numbering from the centre */
            stamp++;
            int q0 = nb, q = nb, last = root;
            bfs[q++] = root;
            mark[root] = stamp;
            from[root] = -1;
            for (int h = q0; h < q; h++) {
                int u = bfs[h];
                last = u;
                for (int e = afirst[u]; e < afirst[u + 1]; e++)
                    if (mark[adj[e]] != stamp) {
                        mark[adj[e]] = stamp;
                        from[adj[e]] = u;
                        bfs[q++] = adj[e];
                    }
            }
            if (pass == 0) {
                root = last;
            } else if (pass == 1) {
                int len = 0;
                for (int u = last; u >= 0; u = from[u])
                    len++;
                int u = last;
                for (int k = 0; k < len / 2; k++)
                    u = from[u];
                root = u;
            } else {
                for (int h = q0; h < q; h++)
                    seen[bfs[h]] = true;
                nb = q;
            }
        }
    }
    /* position of each local compartment in elimination order */
    int *pos = xmalloc(sizeof(int) * (size_t)(n + 1));
    H->n = n;
    H->compt = xmalloc(sizeof(int) * (size_t)(n + 1));
    for (int k = 0; k < n; k++) {
        int l = H->genesis ? ord[k] : bfs[n - 1 - k];
        pos[l] = k;
        H->compt[k] = list[l];
    }
    struct pat p = {.n = n};
    p.col = xcalloc((size_t)n + 1, sizeof *p.col);
    p.vix = xcalloc((size_t)n + 1, sizeof *p.vix);
    p.ncol = xcalloc((size_t)n + 1, sizeof *p.ncol);
    p.capcol = xcalloc((size_t)n + 1, sizeof *p.capcol);
    p.row = xcalloc((size_t)n + 1, sizeof *p.row);
    p.nrow = xcalloc((size_t)n + 1, sizeof *p.nrow);
    p.caprow = xcalloc((size_t)n + 1, sizeof *p.caprow);
    /* the links: one per axial term, each an entry of its own row */
    int nl = 0;
    for (int k = 0; k < n; k++) {
        int c = H->compt[k];
        for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++)
            nl += is_axial(m->terms[j].kind);
    }
    H->lnk_first = xcalloc((size_t)n + 1, sizeof(int));
    H->lnk_term = xmalloc(sizeof(int) * (size_t)(nl + 1));
    H->lnk_val = xmalloc(sizeof(int) * (size_t)(nl + 1));
    nl = 0;
    for (int k = 0; k < n; k++) {
        int c = H->compt[k];
        for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++) {
            const struct gs_term *t = &m->terms[j];
            if (!is_axial(t->kind))
                continue;
            int nbk = pos[local[t->ref]];
            H->lnk_term[nl] = j;
            H->lnk_val[nl++] = nbk == k ? -1 : pat_entry(&p, k, nbk, true);
        }
        H->lnk_first[k + 1] = nl;
        if (H->genesis)
            genesis_links(m, H, k, pos, local);
    }
    /* the elimination, worked out once */
    int cap = 0;
    for (int k = 0; k < n; k++) {
        for (int r = 0; r < p.nrow[k]; r++) {
            int j = p.row[k][r];
            if (j <= k)
                continue;
            push_op(H, &cap, GS_HOP_ELIM, pat_entry(&p, j, k, false), j, k);
            for (int e = 0; e < p.ncol[k]; e++) {
                int c = p.col[k][e];
                if (c <= k)
                    continue;
                if (c == j) {
                    push_op(H, &cap, GS_HOP_DIAG, p.vix[k][e], j, 0);
                } else {
                    int akc = p.vix[k][e];
                    int ajc = pat_entry(&p, j, c, true);
                    push_op(H, &cap, GS_HOP_VAL, akc, ajc, 0);
                    H->copy_val = true;
                }
            }
        }
    }
    /* back substitution reads the upper entries of each row */
    H->nval = p.nval;
    H->ufirst = xcalloc((size_t)n + 1, sizeof(int));
    int nu = 0;
    for (int k = 0; k < n; k++)
        for (int e = 0; e < p.ncol[k]; e++)
            nu += p.col[k][e] > k;
    H->ucol = xmalloc(sizeof(int) * (size_t)(nu + 1));
    H->uval = xmalloc(sizeof(int) * (size_t)(nu + 1));
    nu = 0;
    for (int k = 0; k < n; k++) {
        for (int e = 0; e < p.ncol[k]; e++)
            if (p.col[k][e] > k) {
                H->ucol[nu] = p.col[k][e];
                H->uval[nu++] = p.vix[k][e];
            }
        H->ufirst[k + 1] = nu;
    }
    /* a tree: every row hangs from at most one later row, both entries
     * of the link present, nothing else touched by the elimination */
    H->par = xmalloc(sizeof(int) * (size_t)(n + 1));
    H->lo_val = xmalloc(sizeof(int) * (size_t)(n + 1));
    H->up_val = xmalloc(sizeof(int) * (size_t)(n + 1));
    H->tree = !H->copy_val;
    for (int k = 0; k < n; k++) {
        H->par[k] = -1;
        H->lo_val[k] = H->up_val[k] = -1;
        int nup = H->ufirst[k + 1] - H->ufirst[k];
        if (nup > 1)
            H->tree = false;
        if (nup == 1) {
            H->par[k] = H->ucol[H->ufirst[k]];
            H->up_val[k] = H->uval[H->ufirst[k]];
        }
    }
    for (int i = 0; i < H->nops; i++)
        if (H->ops[i].kind == GS_HOP_ELIM) {
            int k = H->ops[i].c;
            if (H->lo_val[k] >= 0 || H->par[k] != H->ops[i].b)
                H->tree = false;
            H->lo_val[k] = H->ops[i].a;
        }
    for (int k = 0; k < n; k++)
        if (H->par[k] >= 0 && H->lo_val[k] < 0)
            H->tree = false;
    H->val0 = xcalloc((size_t)p.nval + 1, sizeof(double));
    H->val = xcalloc((size_t)p.nval + 1, sizeof(double));
    H->diag0 = xcalloc((size_t)n + 1, sizeof(double));
    H->tbyc = xcalloc((size_t)n + 1, sizeof(double));
    H->d = xcalloc((size_t)n + 1, sizeof(double));
    H->r = xcalloc((size_t)n + 1, sizeof(double));
    H->bval = xcalloc((size_t)p.nval + 1, sizeof(double));
    pat_free(&p);
    free(pos);
out:
    free(ord);
    free(gpar);
    free(local);
    free(bfs);
    free(seen);
    free(from);
    free(mark);
    free(afirst);
    free(adj);
    return ok;
}

bool
gs_hines_layout(struct gs_cmodel *m, int nh, const struct gsb_hines *def, const int *first,
                const int *list, const int *tab_cell, char *err, size_t errlen)
{
    m->nhines = nh;
    m->hines = xcalloc((size_t)nh + 1, sizeof *m->hines);
    m->comp_hines = xmalloc(sizeof(int) * (size_t)(m->ncompt + 1));
    for (int c = 0; c < m->ncompt; c++)
        m->comp_hines[c] = -1;
    for (int h = 0; h < nh; h++) {
        struct gs_hines *H = &m->hines[h];
        H->method = def[h].method;
        H->chanmode = def[h].chanmode;
        H->calcmode = def[h].calcmode;
        for (int i = first[h]; i < first[h + 1]; i++)
            m->comp_hines[list[i]] = h;
        if (!hines_cell(m, H, list + first[h], first[h + 1] - first[h], err, errlen))
            return false;
        /* the tabchannels it updates, by row, in message order */
        H->tab_first = xcalloc((size_t)H->n + 1, sizeof(int));
        int nt = 0;
        for (int k = 0; k < H->n; k++) {
            int c = H->compt[k];
            for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++)
                if ((m->terms[j].kind & ~GS_TERM_PREV) == GS_T_TAB
                    && tab_cell[m->terms[j].ref] == h)
                    nt++;
        }
        H->tab = xmalloc(sizeof(int) * (size_t)(nt + 1));
        nt = 0;
        for (int k = 0; k < H->n; k++) {
            int c = H->compt[k];
            for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++)
                if ((m->terms[j].kind & ~GS_TERM_PREV) == GS_T_TAB
                    && tab_cell[m->terms[j].ref] == h)
                    H->tab[nt++] = m->terms[j].ref;
            H->tab_first[k + 1] = nt;
        }
    }
    m->htab = xcalloc((size_t)m->ntabpair + 1, sizeof *m->htab);
    m->hines_stale = true;
    return true;
}

void
gs_hines_free(struct gs_cmodel *m)
{
    for (int h = 0; h < m->nhines && m->hines; h++) {
        struct gs_hines *H = &m->hines[h];
        void *a[] = {H->compt, H->diag0, H->tbyc, H->d, H->r, H->ufirst, H->ucol,
                     H->uval, H->val0, H->val, H->lnk_first, H->lnk_term, H->lnk_val,
                     H->ops, H->tab_first, H->tab, H->par, H->bval, H->lo_val, H->up_val,
                     H->ch_first, H->ch_kind, H->ch_ref, H->g_gi, H->g_tab,
                     H->g_src, H->g_conc, H->g_inst, H->g_A, H->g_B, H->g_X,
                     H->t_g, H->t_pow, H->t_gk, H->ch_loc, H->g, H->ch_cain, H->ch_pool, H->pool, H->fixed, H->ffix};
        for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
            free(a[i]);
    }
    free(m->hines);
    free(m->comp_hines);
    free(m->ca_flux);
    free(m->ca_hines);
    m->ca_flux = NULL;
    m->ca_hines = NULL;
    for (int i = 0; i < m->ntabpair && m->htab; i++)
        free(m->htab[i]);
    free(m->htab);
    m->hines = NULL;
    m->comp_hines = NULL;
    m->htab = NULL;
    m->nhines = 0;
}

/* ---- coefficients -------------------------------------------------------- */

/* The resistance of link term T of compartment C, as the general path
 * reads it (compartment.c, symcompart.c). */
static double
link_ra(const struct gs_cmodel *m, int c, const struct gs_term *t)
{
    int k = t->kind & ~GS_TERM_PREV;
    if (k == GS_T_RAXIAL)
        return m->Ra[t->ref];
    if (k == GS_T_TAIL)
        return (double)m->Ra[t->ref] * m->coeff[c];
    if (k == GS_T_HEAD)
        return (double)m->Ra[t->ref] * m->coeff2[c];
    return m->Ra[c];
}

/*
 * The rows of a tree whose eliminated diagonal is the same every step: a
 * row without channels (its diagonal is diag0 each step) whose children
 * are all such rows. Their elimination factors (val / d, as tree_solve
 * divides) are worked out here once, so that a step divides only where a
 * conductance changed: a passive cable's forward elimination then has no
 * division on its chain, with the same results to the bit.
 */
static void
fixed_rows(struct gs_hines *H)
{
    const int n = H->n;
    free(H->fixed);
    free(H->ffix);
    H->fixed = xcalloc((size_t)n + 1, 1);
    H->ffix = xcalloc((size_t)n + 1, sizeof(double));
    if (!H->tree || H->chanmode < 2 || !H->ch_first)
        return;
    for (int k = 0; k < n; k++)
        H->fixed[k] = H->ch_first[k + 1] == H->ch_first[k];
    for (int k = 0; k < n; k++)
        if (!H->fixed[k] && H->par[k] >= 0)
            H->fixed[H->par[k]] = 0;
    double *dd = xmalloc(sizeof(double) * (size_t)(n + 1));
    for (int k = 0; k < n; k++)
        dd[k] = 0.0 * H->tbyc[k] + H->diag0[k]; /* chip_row's, with no conductance */
    for (int k = 0; k < n; k++) {
        int p = H->par[k];
        if (!H->fixed[k] || p < 0)
            continue;
        double f = H->val[H->lo_val[k]] / dd[k];
        H->ffix[k] = f;
        dd[p] -= f * H->val[H->up_val[k]];
    }
    free(dd);
}

/* hines_init.c and chip_put_compt: the constant part of the diagonal, the
 * off-diagonals and dt'/Cm from Cm, Rm, Ra and dt; and the hsolve gate
 * tables, (1 + dt/2 B, dt A), as duplicate_tables makes them. */
static void
hines_coeffs(struct gs_cmodel *m)
{
    for (int h = 0; h < m->nhines; h++) {
        struct gs_hines *H = &m->hines[h];
        double dt = H->method == GS_M_CRANK ? m->dt / 2.0 : m->dt;
        memset(H->val0, 0, sizeof(double) * (size_t)H->nval);
        memset(H->bval, 0, sizeof(double) * (size_t)H->nval);
        for (int k = 0; k < H->n; k++) {
            int c = H->compt[k];
            double Cm = m->Cm[c];
            H->diag0[k] = 1.0 + dt / (Cm * (double)m->Rm[c]);
            H->tbyc[k] = dt / Cm;
            for (int l = H->lnk_first[k]; l < H->lnk_first[k + 1]; l++) {
                const struct gs_term *t = &m->terms[H->lnk_term[l]];
                double temp = -dt / (Cm * link_ra(m, c, t)), back = temp;
                /* GENESIS's hines_init.c computes the entry of a row
                 * towards its parent twice: for the elimination (and the
                 * row's diagonal) as dt/(Cm Ra) with Cm Ra a product of
                 * two C floats, rounded to float; for the back
                 * substitution in double. The two differ by up to 6e-8
                 * relative, which moves a branched cell's Vm by 1e-10 V a
                 * step and its resting state by 1e-5 of the drive. */
                if (H->genesis && (t->kind & ~GS_TERM_PREV) == GS_T_AXIAL) {
                    float cmra = m->Cm[c] * m->Ra[c];
                    temp = -dt / (double)cmra;
                }
                if (H->lnk_val[l] >= 0) {
                    H->val0[H->lnk_val[l]] += temp;
                    H->bval[H->lnk_val[l]] += back;
                }
                H->diag0[k] -= temp;
            }
        }
        memcpy(H->val, H->val0, sizeof(double) * (size_t)H->nval);
        fixed_rows(H);
    }
    double dt = m->dt, tby2 = dt / 2.0;
    for (int i = 0; i < m->ntabpair; i++) {
        const struct gs_tabpair *t = &m->tabs[i];
        if (!m->htab[i])
            continue;
        double *o = m->htab[i];
        for (int j = 0; j <= t->xdivs; j++) {
            o[4 * j + 0] = 1.0 + tby2 * t->rec[4 * j + 2];
            o[4 * j + 2] = dt * t->rec[4 * j + 0];
        }
        for (int j = 0; j <= t->xdivs; j++) {
            bool last = j == t->xdivs;
            o[4 * j + 1] = last ? 0.0 : o[4 * (j + 1) + 0] - o[4 * j + 0];
            o[4 * j + 3] = last ? 0.0 : o[4 * (j + 1) + 2] - o[4 * j + 2];
        }
    }
    m->hines_stale = false;
}

/* The pool tabchannel CH's gates read, or else the pool its current
 * flows into (an I_Ca or fI_Ca message; FEED, per tabchannel), as 1 + its
 * index; 0 neither. */
static int
tab_conc(const struct gs_cmodel *m, const int *feed, int ch)
{
    for (int k = 0; k < GS_NGATES; k++) {
        int gi = m->tgate[ch * GS_NGATES + k];
        if (gi >= 0 && m->gconc[gi] >= 0)
            return 1 + m->gconc[gi];
    }
    return 1 + feed[ch];
}

/* hines_child.c's hchild_compare for two channels of a compartment: does
 * A (kind, ref) come before B in the chip? Tabchannels before synchans
 * (an Mg_block stands in for its synchan), tabchannels by the
 * concentration they read or feed (tab_conc), then by Ek. */
static bool
chip_before(const struct gs_cmodel *m, const int *feed, uint8_t ka, int a, uint8_t kb, int b)
{
    bool sa = ka == 2 || m->tgsrc[a] >= 0, sb = kb == 2 || m->tgsrc[b] >= 0;
    if (sa != sb)
        return !sa;
    if (sa)
        return false;
    int ca = tab_conc(m, feed, a), cb = tab_conc(m, feed, b);
    if (ca != cb)
        return ca < cb;
    return m->tEk[a] < m->tEk[b];
}

/* Puts the channels J0..J1-1 of a row in GENESIS's chip order, by its
 * insertion sort (which leaves ties in reverse order): the currents are
 * summed in that order. */
static void
chip_order(const struct gs_cmodel *m, const int *feed, struct gs_hines *H, int j0, int j1)
{
    for (int j = j0 + 1; j < j1; j++) {
        uint8_t kind = H->ch_kind[j];
        int ref = H->ch_ref[j], loc = H->ch_loc[j], i = j - 1;
        for (; i >= j0 && !chip_before(m, feed, H->ch_kind[i], H->ch_ref[i], kind, ref); i--) {
            H->ch_kind[i + 1] = H->ch_kind[i];
            H->ch_ref[i + 1] = H->ch_ref[i];
            H->ch_loc[i + 1] = H->ch_loc[i];
        }
        H->ch_kind[i + 1] = kind;
        H->ch_ref[i + 1] = ref;
        H->ch_loc[i + 1] = loc;
    }
}

/* The channel list of each row (chanmode >= 2: in GENESIS's chip order)
 * and, for chanmode >= 2, the gate list of the fast step (only when every
 * gate is a plain table lookup). */
static void
hines_lists(struct gs_cmodel *m, const int *feed, struct gs_hines *H)
{
    int nch = 0, ng = 0;
    for (int k = 0; k < H->n; k++) {
        int c = H->compt[k];
        for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++)
            nch += (m->terms[j].kind & ~GS_TERM_PREV) <= GS_T_SYN;
    }
    H->ch_first = xcalloc((size_t)H->n + 1, sizeof(int));
    H->ch_kind = xmalloc((size_t)nch + 1);
    H->ch_ref = xmalloc(sizeof(int) * (size_t)(nch + 1));
    H->ch_loc = xmalloc(sizeof(int) * (size_t)(nch + 1));
    nch = 0;
    int ti = 0;
    for (int k = 0; k < H->n; k++) {
        int c = H->compt[k];
        for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++) {
            const struct gs_term *t = &m->terms[j];
            int kind = t->kind & ~GS_TERM_PREV;
            if (kind > GS_T_SYN)
                continue;
            uint8_t ck = 2;
            H->ch_loc[nch] = -1;
            if (kind == GS_T_TAB) {
                ck = 1;
                if (ti < H->tab_first[k + 1] && H->tab[ti] == t->ref) {
                    ck = 0;
                    H->ch_loc[nch] = ti++;
                }
            }
            H->ch_kind[nch] = ck;
            H->ch_ref[nch++] = t->ref;
        }
        H->ch_first[k + 1] = nch;
        if (H->chanmode >= 2)
            chip_order(m, feed, H, H->ch_first[k], nch);
    }
    H->fastgates = H->chanmode >= 2;
    for (int i = 0; i < H->tab_first[H->n]; i++)
        for (int k = 0; k < GS_NGATES; k++) {
            int gi = m->tgate[H->tab[i] * GS_NGATES + k];
            if (gi < 0)
                continue;
            const struct gs_gatedef *d = &m->gatedef[m->gdef[gi]];
            if (m->tabs[d->tab].mode == GS_TAB_FIXED || d->input == GS_GIN_CODEP)
                H->fastgates = false;
            ng++;
        }
    if (!H->fastgates)
        return;
    H->ng = ng;
    H->g_gi = xmalloc(sizeof(int) * (size_t)(ng + 1));
    H->g_tab = xmalloc(sizeof(int) * (size_t)(ng + 1));
    H->g_src = xmalloc(sizeof(int) * (size_t)(ng + 1));
    H->g_conc = xmalloc((size_t)ng + 1);
    H->g_inst = xmalloc((size_t)ng + 1);
    H->g_A = xmalloc(sizeof(double) * (size_t)(ng + 1));
    H->g_B = xmalloc(sizeof(double) * (size_t)(ng + 1));
    H->g_X = xmalloc(sizeof(double) * (size_t)(ng + 1));
    int nt = H->tab_first[H->n];
    H->t_g = xmalloc(sizeof(int) * GS_NGATES * (size_t)(nt + 1));
    H->t_pow = xcalloc(GS_NGATES * (size_t)(nt + 1), 1);
    H->t_gk = xcalloc((size_t)nt + 1, sizeof(double));
    ng = 0;
    for (int i = 0; i < nt; i++)
        for (int k = 0; k < GS_NGATES; k++) {
            int ch = H->tab[i], gi = m->tgate[ch * GS_NGATES + k];
            H->t_g[i * GS_NGATES + k] = gi < 0 ? -1 : ng;
            if (gi < 0)
                continue;
            const struct gs_gatedef *d = &m->gatedef[m->gdef[gi]];
            int pw = (int)d->power;
            H->t_pow[i * GS_NGATES + k] = (int8_t)((float)pw == d->power && pw >= 1 && pw <= 6
                                                   ? pw : 0);
            H->g_gi[ng] = gi;
            H->g_tab[ng] = d->tab;
            H->g_conc[ng] = d->input == GS_GIN_CONC;
            H->g_src[ng] = d->input == GS_GIN_CONC ? m->gconc[gi] : m->tvsrc[ch];
            H->g_inst[ng] = d->instant;
            ng++;
        }
}

/* The Ca_concen pools GENESIS's hsolve integrates (chanmode >= 2): a
 * pool whose inputs are all I_Ca or fI_Ca messages from channels of one
 * such cell; ch_cain ties each of those channels to its input. */
static void
hines_pools(struct gs_cmodel *m)
{
    m->ca_flux = xcalloc((size_t)m->nca + 1, sizeof(double));
    m->ca_hines = xcalloc((size_t)m->nca + 1, sizeof(bool));
    /* per pool: the cell of its inputs' channels, -1 none yet, -2 mixed */
    int *cell = xmalloc(sizeof(int) * (size_t)(m->nca + 1));
    for (int a = 0; a < m->nca; a++)
        cell[a] = m->cain_first[a + 1] > m->cain_first[a] ? -1 : -2;
    for (int h = 0; h < m->nhines; h++) {
        struct gs_hines *H = &m->hines[h];
        int nch = H->ch_first[H->n];
        H->ch_cain = xmalloc(sizeof(int) * (size_t)(nch + 1));
        H->ch_pool = xmalloc(sizeof(int) * (size_t)(nch + 1));
        for (int j = 0; j < nch; j++)
            H->ch_cain[j] = H->ch_pool[j] = -1;
    }
    for (int a = 0; a < m->nca; a++) {
        for (int i = m->cain_first[a]; i < m->cain_first[a + 1] && cell[a] != -2; i++) {
            const struct gs_cainput *in = &m->cain[i];
            int found = -2;
            if (in->kind == GS_CA_ICA || in->kind == GS_CA_FICA)
                for (int h = 0; h < m->nhines && found == -2; h++) {
                    const struct gs_hines *H = &m->hines[h];
                    if (H->chanmode < 2)
                        continue;
                    for (int j = 0; j < H->ch_first[H->n]; j++)
                        if (H->ch_ref[j] == in->chan
                            && (H->ch_kind[j] == 2) == (in->chkind == GS_CH_SYN)
                            && H->ch_cain[j] < 0) {
                            found = h;
                            break;
                        }
                }
            cell[a] = cell[a] == -1 || cell[a] == found ? found : -2;
        }
    }
    for (int h = 0; h < m->nhines; h++) {
        struct gs_hines *H = &m->hines[h];
        H->pool = xmalloc(sizeof(int) * (size_t)(m->nca + 1));
        H->npool = 0;
        for (int a = 0; a < m->nca; a++) {
            if (cell[a] != h)
                continue;
            H->pool[H->npool++] = a;
            m->ca_hines[a] = true;
            for (int i = m->cain_first[a]; i < m->cain_first[a + 1]; i++)
                for (int j = 0; j < H->ch_first[H->n]; j++)
                    if (H->ch_ref[j] == m->cain[i].chan
                        && (H->ch_kind[j] == 2) == (m->cain[i].chkind == GS_CH_SYN)
                        && H->ch_cain[j] < 0) {
                        H->ch_cain[j] = i;
                        H->ch_pool[j] = a;
                        break;
                    }
        }
    }
    free(cell);
}

void
gs_hines_prepare(struct gs_cmodel *m)
{
    /* the pool each tabchannel's current flows into, -1 none */
    int *feed = xmalloc(sizeof(int) * (size_t)(m->ntab + 1));
    for (int i = 0; i < m->ntab; i++)
        feed[i] = -1;
    for (int a = 0; a < m->nca; a++)
        for (int i = m->cain_first[a]; i < m->cain_first[a + 1]; i++)
            if (m->cain[i].chkind == GS_CH_TAB
                && (m->cain[i].kind == GS_CA_ICA || m->cain[i].kind == GS_CA_FICA))
                feed[m->cain[i].chan] = a;
    for (int h = 0; h < m->nhines; h++)
        hines_lists(m, feed, &m->hines[h]);
    free(feed);
    hines_pools(m);
    /* chip tables for the gates the hsolves integrate with chanmode >= 2 */
    for (int h = 0; h < m->nhines; h++) {
        const struct gs_hines *H = &m->hines[h];
        if (H->chanmode < 2)
            continue;
        for (int i = 0; i < H->tab_first[H->n]; i++) {
            int ch = H->tab[i];
            for (int k = 0; k < GS_NGATES; k++) {
                int gi = m->tgate[ch * GS_NGATES + k];
                if (gi < 0)
                    continue;
                int tp = m->gatedef[m->gdef[gi]].tab;
                if (!m->htab[tp])
                    m->htab[tp] =
                        xmalloc(sizeof(double) * 4 * (size_t)(m->tabs[tp].xdivs + 1));
            }
        }
    }
    /* the packed gates (their table pointers are final now) */
    for (int h = 0; h < m->nhines; h++) {
        struct gs_hines *H = &m->hines[h];
        if (!H->fastgates)
            continue;
        H->g = xcalloc((size_t)H->ng + 1, sizeof *H->g);
        for (int j = 0; j < H->ng; j++) {
            struct gs_hgate *q = &H->g[j];
            const struct gs_tabpair *t = &m->tabs[H->g_tab[j]];
            q->inst = H->g_inst[j];
            q->tab = q->inst ? t->rec : m->htab[H->g_tab[j]];
            q->ob = q->inst ? 2 : 0; /* rec rows: A, A', B, B'; chip rows: B, B', A, A' */
            q->oa = q->inst ? 0 : 2;
            q->xmin = t->xmin;
            q->invdx = t->invdx;
            q->xdivs = t->xdivs;
            q->src = H->g_src[j];
            q->conc = H->g_conc[j];
            /* the chip interpolates by the hsolve's calcmode alone, not
             * by the table's calc_mode (hines_chip.c) */
            q->interp = H->calcmode != 0;
            const struct gs_hgate *b = j > 0 ? &H->g[j - 1] : NULL;
            q->same = b && b->src == q->src && b->conc == q->conc && b->xmin == q->xmin
                      && b->invdx == q->invdx && b->xdivs == q->xdivs && b->interp == q->interp;
        }
    }
    m->hines_stale = true;
}

/* ---- a step ---------------------------------------------------------------- */

/* hh_update.c's upi_pow (chanmode 1). */
static double
upi_pow(double x, float y)
{
    if (y == 2.0f)
        return x * x;
    if (y == 1.0f)
        return x;
    if (y == 3.0f)
        return x * x * x;
    if (y == 4.0f) {
        x *= x;
        return x * x;
    }
    if (y == 5.0f) {
        double x1 = x;
        x *= x;
        x *= x * x1;
        return x;
    }
    if (fabs(y) < 1e-10)
        return 1.0;
    return pow(x, y);
}

/* Gk *= X^k as the chip loop multiplies it (integer k up to 6). */
static double
chip_pow(double g, double x, float power)
{
    int k = (int)power;
    if ((float)k != power || k < 1 || k > 6)
        return g * pow(x, power);
    switch (k) {
    case 1:
        return g * x;
    case 2:
        return g * (x * x);
    case 3:
        return g * (x * x * x);
    case 4:
        x *= x;
        return g * (x * x);
    case 5:
        g *= x;
        x *= x;
        x *= x;
        return g * x;
    default:
        x *= x;
        g *= x;
        x *= x;
        return g * x;
    }
}

/* The position in a table (TabInterp's, as the chip computes it). */
static inline int
tab_pos(const struct gs_tabpair *t, double x, bool interp, double *f)
{
    double lo = (x - t->xmin) * t->invdx;
    if (!(lo > 0.0))
        lo = 0.0;
    if (lo > (double)t->xdivs)
        lo = (double)t->xdivs;
    int i = (int)lo;
    *f = interp ? lo - (double)i : 0.0;
    return i;
}

/* Updates the gates of tabchannel CH of cell H and returns its Gk. */
static double
hines_tab(struct gs_cmodel *m, const struct gs_hines *H, int ch)
{
    double dt = m->dt, tby2 = dt / 2.0;
    double v = gs_chan_v(m, m->tvsrc[ch]);
    double g = m->Gbar[ch];
    for (int k = 0; k < GS_NGATES; k++) {
        int gi = m->tgate[ch * GS_NGATES + k];
        if (gi < 0)
            continue;
        const struct gs_gatedef *d = &m->gatedef[m->gdef[gi]];
        const struct gs_tabpair *t = &m->tabs[d->tab];
        double c = m->gconc[gi] >= 0 ? m->Ca[m->gconc[gi]] : 0.0;
        double x = d->input == GS_GIN_CONC ? c : v, X = m->X[gi];
        const double *ht = m->htab[d->tab];
        if (H->chanmode >= 2 && t->mode != GS_TAB_FIXED && d->input != GS_GIN_CODEP && ht) {
            double f;
            int i = tab_pos(t, x, H->calcmode != 0, &f);
            if (d->instant) {
                const double *r = t->rec + 4 * i;
                X = (f * r[1] + r[0]) / (f * r[3] + r[2]);
            } else {
                const double *r = ht + 4 * i;
                double Bt = f * r[1] + r[0], At = f * r[3] + r[2];
                X = (X * (2.0 - Bt) + At) / Bt;
            }
            m->X[gi] = X;
            g = chip_pow(g, X, d->power);
            continue;
        }
        double A, B;
        gs_tab_lookup(t, d->input == GS_GIN_CONC ? c : v, &A, &B);
        if (d->input == GS_GIN_CODEP)
            A = c * A;
        if (d->instant) {
            X = A / B;
        } else {
            double temp = 1.0 + tby2 * B;
            X = (X * (2.0 - temp) + dt * A) / temp;
        }
        m->X[gi] = X;
        g *= upi_pow(X, d->power);
    }
    return g;
}

/* The trapezoidal step of NG gates from their table rows, two or more
 * gates a division (the same quotients as one by one): the divisions are
 * most of a cell's gate time. GCC's -O2 vectorises only loops it finds
 * very cheap, so this one asks for its usual cost model. */
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("vect-cost-model=dynamic")))
#endif
static void
trapezoid(int ng, double *restrict X, const double *restrict A, const double *restrict B)
{
    for (int j = 0; j < ng; j++)
        X[j] = (X[j] * (2.0 - B[j]) + A[j]) / B[j];
}

/* The gates of a chanmode >= 2 cell: the table rows first (scattered
 * reads), then the trapezoidal step over the cell's gates in one loop the
 * compiler vectorises (its divisions dominate). */
static void
fast_gates(struct gs_cmodel *m, struct gs_hines *H)
{
    const int ng = H->ng;
    double *A = H->g_A, *B = H->g_B, *X = H->g_X;
    const double *V = m->V, *Ca = m->Ca, *Xm = m->X;
    const int *gi = H->g_gi;
    int row = 0;
    double f = 0.0;
    for (int j = 0; j < ng; j++) {
        const struct gs_hgate *q = &H->g[j];
        if (!q->same) {
            /* the position in the table, as the chip finds it */
            double x = q->src < 0 ? 0.0 : q->conc ? Ca[q->src] : V[q->src];
            double lo = (x - q->xmin) * q->invdx;
            if (!(lo > 0.0))
                lo = 0.0;
            if (lo > q->xdivs)
                lo = q->xdivs;
            row = (int)lo;
            f = q->interp ? lo - (double)row : 0.0;
        }
        const double *r = q->tab + 4 * row;
        B[j] = f * r[q->ob + 1] + r[q->ob];
        A[j] = f * r[q->oa + 1] + r[q->oa];
        X[j] = Xm[gi[j]];
    }
    trapezoid(ng, X, A, B);
    for (int j = 0; j < ng; j++) {
        if (H->g_inst[j])
            X[j] = A[j] / B[j];
        m->X[H->g_gi[j]] = X[j];
    }
    /* the conductances, powers multiplied out as the chip loop does */
    int nt = H->tab_first[H->n];
    for (int i = 0; i < nt; i++) {
        double g = m->Gbar[H->tab[i]];
        for (int k = 0; k < GS_NGATES; k++) {
            int j = H->t_g[i * GS_NGATES + k];
            if (j < 0)
                continue;
            double x = X[j];
            switch (H->t_pow[i * GS_NGATES + k]) {
            case 1: g *= x; break;
            case 2: g *= x * x; break;
            case 3: g *= x * x * x; break;
            case 4: x *= x; g *= x * x; break;
            case 5: g *= x; x *= x; x *= x; g *= x; break;
            case 6: x *= x; g *= x; x *= x; g *= x; break;
            default:
                g *= pow(x, m->gatedef[m->gdef[H->g_gi[j]]].power);
                break;
            }
        }
        H->t_gk[i] = g;
    }
}

/* The tree solve, dividing where GENESIS's do_crank_hsolve and
 * do_euler_hsolve divide (a product by the reciprocal rounds
 * differently). */
static void
tree_solve(struct gs_cmodel *m, struct gs_hines *H)
{
    const int n = H->n;
    double *d = H->d, *r = H->r;
    const double *val = H->val;
    const int *par = H->par, *lo = H->lo_val, *up = H->up_val;
    const uint8_t *fixed = H->fixed;
    /* The row last written stays in registers (rc, dc for row `have`): in
     * an unbranched stretch each row is the next one's parent, and
     * reading it back from memory would add a store-to-load delay to
     * every link of the chain. */
    double rc = 0.0, dc = 0.0;
    int have = -1;
    for (int k = 0; k < n; k++) {
        int p = par[k];
        if (p < 0)
            continue;
        double rk = have == k ? rc : r[k], dk = have == k ? dc : d[k];
        double f = fixed[k] ? H->ffix[k] : val[lo[k]] / dk;
        dc = d[p] - f * val[up[k]];
        rc = r[p] - f * rk;
        d[p] = dc;
        r[p] = rc;
        have = p;
    }
    bool crank = H->method == GS_M_CRANK;
    const double *bval = H->bval;
    double x = 0.0;
    for (int k = n - 1; k >= 0; k--) {
        int p = par[k];
        double xp = p == k + 1 ? x : p >= 0 ? r[p] : 0.0; /* x: row k + 1's */
        x = r[k];
        if (p >= 0)
            x -= bval[up[k]] * xp;
        x /= d[k];
        r[k] = x;
        int c = H->compt[k];
        m->V[c] = crank ? x + x - m->V[c] : x;
    }
}

/* Row K of a chanmode >= 2 cell from its channels, in the chip's order
 * and arithmetic (hines_chip.c): ichan starts at Em/Rm (k_leak, a float
 * quotient, as the chip holds it) + inject and takes each Ek Gk in turn. */
static void
chip_row(struct gs_cmodel *m, struct gs_hines *H, int k)
{
    int c = H->compt[k];
    double sumg = 0.0, ichan = (double)m->k_leak[c] + (double)m->inject[c];
    for (int j = H->ch_first[k]; j < H->ch_first[k + 1]; j++) {
        int ref = H->ch_ref[j];
        double g, ek;
        if (H->ch_kind[j] == 2) {
            g = gs_syn_gk(m, ref);
            ek = m->sEk[ref];
        } else {
            g = H->ch_kind[j] == 0 && H->fastgates ? H->t_gk[H->ch_loc[j]]
                : H->ch_kind[j] == 0               ? hines_tab(m, H, ref)
                                                   : gs_tab_gk(m, ref);
            ek = m->tEk[ref];
        }
        sumg += g;
        ichan += ek * g;
        int ci = H->ch_cain[j];
        if (ci >= 0) {
            /* FLUX_OP and SCALE_FLUX_OP: Ik, or the fraction of fI_Ca
             * times it (chanmode 2 and 3 multiply the other way round) */
            const struct gs_cainput *in = &m->cain[ci];
            double v = m->V[c], *fl = &m->ca_flux[H->ch_pool[j]];
            if (in->kind == GS_CA_ICA)
                *fl += g * (ek - v);
            else if (H->chanmode >= 4)
                *fl += in->frac * (g * (ek - v));
            else
                *fl += in->frac * g * (ek - v);
        }
    }
    H->r[k] = m->V[c] + ichan * H->tbyc[k];
    H->d[k] = sumg * H->tbyc[k] + H->diag0[k];
}

/* The rows of a chanmode >= 2 cell, then its pools: hines_conc_chip.c's
 * trapezoidal step of a Ca_concen from the current its channels sent in
 * this step (summed by chip_row, in double),
 * Ca' = Ca_base + ((Ca - Ca_base)(2 - itau) + flux dt B) / itau with
 * itau = 1 + dt/(2 tau), where the Ca_concen element integrates by
 * exponential Euler in float. */
static void
chip_rows(struct gs_cmodel *m, struct gs_hines *H)
{
    for (int i = 0; i < H->npool; i++)
        m->ca_flux[H->pool[i]] = 0.0;
    for (int k = 0; k < H->n; k++)
        chip_row(m, H, k);
    double dt = m->dt;
    for (int i = 0; i < H->npool; i++) {
        int a = H->pool[i];
        double base = m->Ca_base[a], itau = 1.0 + dt / (double)(2.0f * m->ca_tau[a]);
        double Ca = base + ((m->Ca[a] - base) * (2.0 - itau) + m->ca_flux[a] * (dt * m->ca_B[a]))
                           / itau;
        m->Ca[a] = Ca;
        m->caC[a] = Ca - base;
        m->ca_act[a] = (float)m->ca_flux[a];
    }
}

/* A chanmode >= 2 cell whose wiring is a tree: gates, conductances and
 * the matrix row by row, then the solve. */
static void
hines_fast(struct gs_cmodel *m, struct gs_hines *H)
{
    if (H->fastgates)
        fast_gates(m, H);
    chip_rows(m, H);
    tree_solve(m, H);
}

static void
hines_one(struct gs_cmodel *m, struct gs_hines *H)
{
    if (H->tree && H->chanmode >= 2) {
        hines_fast(m, H);
        return;
    }
    const int n = H->n;
    double *d = H->d, *r = H->r, *val = H->val;
    if (H->chanmode >= 2 && H->fastgates)
        fast_gates(m, H);
    int ti = 0;
    if (H->chanmode >= 2)
        chip_rows(m, H);
    for (int k = 0; k < n && H->chanmode < 2; k++) {
        int c = H->compt[k];
        double Vm = m->V[c], sumg = 0.0, ichan = 0.0;
        for (int j = m->term_first[c]; j < m->term_first[c + 1]; j++) {
            const struct gs_term *t = &m->terms[j];
            int kind = t->kind & ~GS_TERM_PREV;
            double g, ek;
            if (kind == GS_T_TAB) {
                if (ti < H->tab_first[k + 1] && H->tab[ti] == t->ref) {
                    g = hines_tab(m, H, t->ref);
                    ti++;
                } else {
                    g = gs_tab_gk(m, t->ref);
                }
                ek = m->tEk[t->ref];
            } else if (kind == GS_T_SYN) {
                g = gs_syn_gk(m, t->ref);
                ek = m->sEk[t->ref];
            } else {
                continue;
            }
            sumg += g;
            ichan += ek * g;
        }
        /* h_calc.c */
        r[k] = Vm + H->tbyc[k] * ((double)m->inject[c] +
                                  (double)m->Em[c] / (double)m->Rm[c] + ichan);
        d[k] = H->diag0[k] + H->tbyc[k] * sumg;
    }
    if (H->copy_val)
        memcpy(val, H->val0, sizeof(double) * (size_t)H->nval);
    double f = 0.0;
    for (int i = 0; i < H->nops; i++) {
        const struct gs_hop *o = &H->ops[i];
        switch (o->kind) {
        case GS_HOP_ELIM:
            f = val[o->a] / d[o->c];
            r[o->b] -= f * r[o->c];
            break;
        case GS_HOP_DIAG:
            d[o->b] -= f * val[o->a];
            break;
        default:
            val[o->b] -= f * val[o->a];
            break;
        }
    }
    bool crank = H->method == GS_M_CRANK;
    /* back substitution: the entries as GENESIS computes them for it, or
     * as the elimination left them where it changed them (fill-in) */
    const double *bval = H->copy_val ? val : H->bval;
    for (int k = n - 1; k >= 0; k--) {
        double x = r[k];
        for (int e = H->ufirst[k]; e < H->ufirst[k + 1]; e++)
            x -= bval[H->uval[e]] * r[H->ucol[e]];
        x /= d[k];
        r[k] = x;
        int c = H->compt[k];
        m->V[c] = crank ? x + x - m->V[c] : x;
    }
}

void
gs_hines_begin(struct gs_cmodel *m)
{
    if (m->hines_stale)
        hines_coeffs(m);
    for (int h = 0; h < m->nhines; h++) {
        const struct gs_hines *H = &m->hines[h];
        for (int k = 0; k < H->n; k++)
            m->Vprev[H->compt[k]] = m->V[H->compt[k]];
    }
}

void
gs_hines_step(struct gs_cmodel *m)
{
    for (int h = 0; h < m->nhines; h++)
        hines_one(m, &m->hines[h]);
}
