/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * xo_print.c: pictures of graphs and draws. XODUS printed an xgraph or
 * xdraw when Ctrl-P was typed over it: the widget was drawn again through
 * a PostScript driver, to the printer (lpr) or to the file `xps -filename`
 * names. Here the PRINT action does that (the Tk layer raises it on
 * Ctrl-P, a script with `call /graph PRINT [file]`), from the element's
 * own data, so it works the same with the window drawn, under -nox and in
 * batch. The picture is what the window shows (xo_look.c), in colour;
 * xps's -mingray/-maxgray stretch each colour channel and -inverse
 * reverses it, as XODUS did with its grey levels, and -dpi sets the width
 * of a one-pixel line (1/dpi inch).
 *
 * The file's name chooses the format: .png is a PNG of the widget's size
 * (the PostScript rasterised by Ghostscript, `gs`), .eps an encapsulated
 * picture of the widget's size in points, anything else a page scaled to
 * fit US letter, as XODUS wrote it.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../base/strbuf.h"
#include "../core/model.h"
#include "graphics.h"
#include "gui.h"
#include "xo_int.h"

extern char **environ;

/* ---- colours -------------------------------------------------------------- */

/* Colour NAME as X spells it (#rgb, #rrggbb, #rrrrggggbbbb, or a name
 * from the X colour database, case and blanks ignored); false if unknown. */
static bool
parse_color(const char *name, double rgb[3])
{
    if (!name || !*name)
        return false;
    if (name[0] == '#') {
        size_t n = strlen(name + 1);
        if (n == 0 || n % 3 != 0 || n > 12 || strspn(name + 1, "0123456789abcdefABCDEF") != n)
            return false;
        int d = (int)(n / 3);
        for (int k = 0; k < 3; k++) {
            char part[5] = {0};
            memcpy(part, name + 1 + k * d, (size_t)d);
            rgb[k] = (double)strtol(part, NULL, 16) / ((1 << (4 * d)) - 1);
        }
        return true;
    }
    /* The X server's database; Tk on X11 reads the same names. */
    static const char *const dbs[] = {"/usr/share/X11/rgb.txt", "/etc/X11/rgb.txt"};
    for (size_t i = 0; i < sizeof dbs / sizeof dbs[0]; i++) {
        FILE *f = fopen(dbs[i], "r");
        if (!f)
            continue;
        char line[256];
        bool found = false;
        while (!found && fgets(line, sizeof line, f)) {
            int r, g, b, off = 0;
            if (line[0] == '!' || sscanf(line, "%d %d %d %n", &r, &g, &b, &off) != 3)
                continue;
            /* Compare without blanks or case ("rosy brown" is "RosyBrown"). */
            const char *p = line + off, *q = name;
            for (;;) {
                while (*p == ' ' || *p == '\t')
                    p++;
                while (*q == ' ')
                    q++;
                if (*p == '\n' || *p == '\0' || *q == '\0' || tolower((unsigned char)*p)
                                                                  != tolower((unsigned char)*q))
                    break;
                p++;
                q++;
            }
            if ((*p == '\n' || *p == '\0') && *q == '\0') {
                rgb[0] = r / 255.0;
                rgb[1] = g / 255.0;
                rgb[2] = b / 255.0;
                found = true;
            }
        }
        fclose(f);
        if (found)
            return true;
    }
    static const struct {
        const char *name;
        unsigned char rgb[3];
    } basic[] = {{"black", {0, 0, 0}},     {"white", {255, 255, 255}}, {"red", {255, 0, 0}},
                 {"green", {0, 255, 0}},   {"blue", {0, 0, 255}},      {"yellow", {255, 255, 0}},
                 {"cyan", {0, 255, 255}},  {"magenta", {255, 0, 255}}, {"grey", {190, 190, 190}},
                 {"gray", {190, 190, 190}}};
    for (size_t i = 0; i < sizeof basic / sizeof basic[0]; i++)
        if (strcasecmp(name, basic[i].name) == 0) {
            for (int k = 0; k < 3; k++)
                rgb[k] = basic[i].rgb[k] / 255.0;
            return true;
        }
    return false;
}

/* ---- the PostScript writer -------------------------------------------------- */

struct ps {
    FILE *f;
    double h;       /* the widget's height: PostScript's y grows upwards */
    double lw;      /* a one-pixel line, in pixels of the picture */
    int mingray, maxgray, inverse;
    double cur[3];  /* the colour set last (-1: none yet) */
};

/* Sets colour NAME (DFLT when it is unknown: GENESIS's numbered colours). */
static void
ps_color(struct ps *ps, const char *name, const char *dflt)
{
    double c[3];
    if (!parse_color(name, c) && !parse_color(dflt, c))
        c[0] = c[1] = c[2] = 0;
    for (int k = 0; k < 3; k++) {
        double v = (c[k] * 256 - ps->mingray) / (ps->maxgray - ps->mingray);
        v = v < 0 ? 0 : v > 1 ? 1 : v;
        c[k] = ps->inverse ? 1 - v : v;
    }
    if (c[0] == ps->cur[0] && c[1] == ps->cur[1] && c[2] == ps->cur[2])
        return;
    memcpy(ps->cur, c, sizeof c);
    fprintf(ps->f, "%.4g %.4g %.4g setrgbcolor\n", c[0], c[1], c[2]);
}

static void
ps_rect(struct ps *ps, double x0, double y0, double x1, double y1, bool fill)
{
    fprintf(ps->f, "%.2f %.2f %.2f %.2f %s\n", x0, ps->h - y1, x1 - x0, y1 - y0,
            fill ? "rectfill" : "rectstroke");
}

static void
ps_line(struct ps *ps, const double *xy, int n)
{
    if (n < 2)
        return;
    fprintf(ps->f, "newpath %.2f %.2f M\n", xy[0], ps->h - xy[1]);
    for (int i = 1; i < n; i++)
        fprintf(ps->f, "%.2f %.2f L%s", xy[2 * i], ps->h - xy[2 * i + 1], i % 8 == 7 ? "\n" : " ");
    fputs("stroke\n", ps->f);
}

/* Text S at X, Y; AX, AY: the point's place on the text (0 left/bottom,
 * 0.5 middle, 1 right/top), as Tk's anchors. */
static void
ps_text(struct ps *ps, double x, double y, double ax, double ay, double size, const char *s)
{
    if (!s || !*s)
        return;
    fprintf(ps->f, "/Helvetica findfont %g scalefont setfont\n%.2f %.2f %g %g (", size, x,
            ps->h - y, ax, ay * 0.72 * size);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '(' || *p == ')' || *p == '\\')
            fprintf(ps->f, "\\%c", *p);
        else if (*p < 32 || *p > 126)
            fprintf(ps->f, "\\%03o", *p);
        else
            fputc(*p, ps->f);
    }
    fputs(") T\n", ps->f);
}

/* ---- what is drawn ------------------------------------------------------------ */

static const char *
widget_color(struct gs_element *el, bool fg)
{
    const struct xo_widget *w = (const struct xo_widget *)el;
    return fg ? w->fg : w->bg;
}

static void
print_graph(struct ps *ps, struct gs_element *el, int W, int H)
{
    struct xo_area a;
    xo_graph_area(el, W, H, &a);
    const char *fg = widget_color(el, true);
    ps_color(ps, fg, "black");
    ps_rect(ps, a.l, a.t, a.r, a.b, false);
    char lab[64];
    for (int axis = 0; axis < 2; axis++)
        for (int i = 0; i <= (axis == 0 ? XO_NXTICKS : a.nyticks); i++) {
            double pos;
            xo_tick(&a, axis, i, &pos, lab, sizeof lab);
            double tick[4] = {pos, a.b, pos, a.b + 4};
            if (axis == 1) {
                tick[0] = a.l - 4, tick[1] = pos, tick[2] = a.l, tick[3] = pos;
            }
            ps_line(ps, tick, 2);
            if (axis == 0)
                ps_text(ps, pos, a.b + 5, 0.5, 1, 9, lab);
            else
                ps_text(ps, a.l - 6, pos, 1, 0.5, 9, lab);
        }
    const char *title, *xunits, *yunits;
    xgraph_texts(el, &title, &xunits, &yunits);
    ps_text(ps, (a.l + a.r) / 2, 3, 0.5, 1, 12, title);
    ps_text(ps, a.r, H - 2, 1, 0, 9, xunits);
    ps_text(ps, 3, 3, 0, 1, 9, yunits);
    struct xplot *plots[64];
    int np = xo_graph_plots(el, plots, 64);
    for (int k = 0; k < np; k++) {
        const struct xplot *p = plots[k];
        ps_color(ps, p->p.fg, "black");
        ps_text(ps, a.r - 3, a.t + 2 + 12 * k, 1, 1, 9,
                p->label && *p->label ? p->label : p->p.el.name);
        if (!p->xpts || !p->ypts || p->npts < 2)
            continue;
        double *xy = xmalloc(sizeof(double) * 2 * (size_t)p->npts);
        int m = 0;
        for (int i = 0; i < p->npts; i++) {
            double x = p->xpts->table[i], y = p->ypts->table[i];
            if (!(x >= a.xmin && x <= a.xmax) || !isfinite(y))
                continue;
            double X = xo_area_x(&a, x), Y = xo_area_y(&a, y);
            /* Points closer than a tenth of a pixel add nothing. */
            if (m > 0 && fabs(X - xy[2 * m - 2]) < 0.1 && fabs(Y - xy[2 * m - 1]) < 0.1)
                continue;
            xy[2 * m] = X;
            xy[2 * m + 1] = Y;
            m++;
        }
        ps_line(ps, xy, m);
        free(xy);
    }
}

static void
print_draw(struct ps *ps, struct gs_sim *sim, struct gs_element *el, int W, int H)
{
    struct xo_area a;
    xo_draw_area(el, W, H, &a);
    const char *scale = xo_colorscale_name(sim);
    for (int c = 0; c < el->nchild; c++) {
        if (el->child[c]->cls != &xview_class)
            continue;
        struct xview_pts p;
        xview_points(el->child[c], &p);
        for (int i = 0; i < p.n; i++) {
            unsigned char rgb[3];
            xo_scale_rgb(scale, xo_value_color(p.val[i], p.vmin, p.vmax), rgb);
            char col[8];
            snprintf(col, sizeof col, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
            ps_color(ps, col, "black");
            double box[4];
            xo_view_box(&a, &p, i, box);
            ps_rect(ps, box[0], box[1], box[2], box[3], true);
        }
    }
}

/* ---- the widget's size ---------------------------------------------------------- */

/* One geometry string as a size in a parent of size PARENT: N pixels,
 * N% of the parent (a reference to another widget counts as the parent),
 * DFLT when empty. */
static int
size_of(const char *g, int parent, int dflt)
{
    char *end;
    long v = g ? strtol(g, &end, 10) : 0;
    if (!g || end == g)
        return dflt;
    return *end == '%' ? (int)(v * parent / 100) : (int)v;
}

/* The size widget EL has on the screen, or, not drawn, the one its
 * geometry gives: forms in pixels (or % of a 1280x1024 screen), widgets
 * in their form. */
static void
widget_size(struct gs_sim *sim, struct gs_element *el, int *w, int *h)
{
    if (gui_widget_size(sim, el, w, h))
        return;
    struct gs_element *form = xo_ancestor(el, &xform_class);
    int pw = 1280, ph = 1024;
    if (form)
        widget_size(sim, form, &pw, &ph);
    const struct xo_widget *x = (const struct xo_widget *)el;
    bool top = el->cls == &xform_class && !form;
    *w = size_of(x->wgeom, pw, top ? 300 : pw);
    *h = size_of(x->hgeom, ph, top ? 375 : ph);
    if (*w < 20)
        *w = 20;
    if (*h < 20)
        *h = 20;
}

/* ---- writing and handing on ------------------------------------------------------ */

static bool
ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* Writes the picture of EL (W x H pixels) to F; EPS: a picture of W x H
 * points, else a page scaled to fit US letter (8.5 x 11 inches). */
static void
write_ps(struct gs_sim *sim, struct gs_element *el, int W, int H, FILE *f, bool eps)
{
    double scale = 1.0 / 72, tx = 0, ty = 0; /* inches per pixel; offset in points */
    if (!eps) {
        scale = 0.9 * fmin(8.5 / W, 11.0 / H); /* a margin: printers do not reach the edge */
        tx = (8.5 * 72 - W * scale * 72) / 2;
        ty = (11.0 * 72 - H * scale * 72) / 2;
    }
    char *path = elem_path_str(el);
    fprintf(f, "%%!PS-Adobe-3.0%s\n%%%%Creator: gensh\n%%%%Title: %s\n", eps ? " EPSF-3.0" : "",
            path);
    fprintf(f, "%%%%BoundingBox: %d %d %d %d\n", (int)floor(tx), (int)floor(ty),
            (int)ceil(tx + W * scale * 72), (int)ceil(ty + H * scale * 72));
    fprintf(f, "%%%%Pages: 1\n%%%%EndComments\n");
    /* T: x y ax ay*capheight (text): the anchored text. */
    fputs("/M {moveto} bind def /L {lineto} bind def\n"
          "/T {/s exch def /dy exch def /ax exch def moveto\n"
          "    s stringwidth pop ax mul neg dy neg rmoveto s show} bind def\n",
          f);
    fputs("%%Page: 1 1\ngsave\n", f);
    fprintf(f, "%g %g translate %g %g scale\n", tx, ty, scale * 72, scale * 72);
    const struct gs_model *m = sim->model;
    struct ps ps = {.f = f,
                    .h = H,
                    .lw = 1.0 / (m->xps.dpi * scale),
                    .mingray = m->xps.mingray,
                    .maxgray = m->xps.maxgray,
                    .inverse = m->xps.inverse,
                    .cur = {-1, -1, -1}};
    fprintf(f, "%g setlinewidth 0 setlinejoin 2 setlinecap\n", ps.lw);
    ps_color(&ps, widget_color(el, false), "white");
    ps_rect(&ps, 0, 0, W, H, true);
    if (el->cls == &xgraph_class)
        print_graph(&ps, el, W, H);
    else
        print_draw(&ps, sim, el, W, H);
    fputs("grestore\nshowpage\n%%EOF\n", f);
    free(path);
}

/* Runs ARGV, waits for it; see run_tool. */
static enum gs_status
spawn_wait(struct gs_sim *sim, char *const argv[], const char *in, const char *why)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, in ? in : "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    /* Its complaints are ours to word (the output file is checked first). */
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int e = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (e != 0)
        return gs_error(sim, "%s needs '%s', which cannot be run (%s)", why, argv[0],
                        e == ENOENT ? "not installed" : strerror(e));
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return gs_error(sim, "%s: lost '%s' (%s)", why, argv[0], strerror(errno));
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return GS_OK;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return gs_error(sim, "%s needs '%s', which is not installed", why, argv[0]);
    return gs_error(sim, "%s: '%s' failed (%s %d)", why, argv[0],
                    WIFEXITED(status) ? "exit status" : "signal",
                    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
}

/* Runs ARGV (a program on PATH) with its input from the file IN (or
 * none); errors name WHY the program is needed. */
static enum gs_status
run_tool(struct gs_sim *sim, const char *const args[], const char *in, const char *why)
{
    /* posix_spawnp takes writable words. */
    char *argv[16];
    int n = 0;
    for (; args[n] && n < 15; n++)
        argv[n] = xstrdup(args[n]);
    argv[n] = NULL;
    enum gs_status st = spawn_wait(sim, argv, in, why);
    for (int i = 0; i < n; i++)
        free(argv[i]);
    return st;
}

/* A temporary file for the PostScript that gs or lpr reads. */
static FILE *
temp_ps(struct gs_sim *sim, char *name, size_t n)
{
    const char *dir = getenv("TMPDIR");
    snprintf(name, n, "%s/gensh-print.XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(name);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        gs_error(sim, "cannot make a temporary file in %s (%s)", dir && *dir ? dir : "/tmp",
                 strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(name);
        }
    }
    return f;
}

/* Closes F; errors name FILE. */
static enum gs_status
close_checked(struct gs_sim *sim, FILE *f, const char *file)
{
    bool bad = ferror(f) != 0;
    if (fclose(f) != 0 || bad)
        return gs_error(sim, "cannot write '%s' (%s)", file, strerror(errno ? errno : EIO));
    return GS_OK;
}

static enum gs_status
print_png(struct gs_sim *sim, struct gs_element *el, int W, int H, const char *file)
{
    /* The file can be written (gs would only say that it failed). */
    FILE *probe = fopen(file, "w");
    if (!probe)
        return gs_error(sim, "cannot open '%s' for writing (%s)", file, strerror(errno));
    fclose(probe);
    char tmp[4096];
    FILE *f = temp_ps(sim, tmp, sizeof tmp);
    if (!f)
        return GS_ERR;
    write_ps(sim, el, W, H, f, true);
    if (close_checked(sim, f, tmp) != GS_OK) {
        unlink(tmp);
        return GS_ERR;
    }
    /* gs reads %d in an output name as a page number: %% is a '%'. */
    struct strbuf out = STRBUF_INIT;
    sb_puts(&out, "-sOutputFile=");
    for (const char *p = file; *p; p++)
        sb_puts(&out, *p == '%' ? "%%" : (char[]){*p, '\0'});
    const char *argv[] = {"gs",           "-q",         "-dSAFER",   "-dBATCH",
                    "-dNOPAUSE",    "-dEPSCrop",  "-r72",      "-sDEVICE=png16m",
                    "-dTextAlphaBits=4", sb_str(&out), tmp, NULL};
    char why[4200];
    snprintf(why, sizeof why, "writing the PNG '%s'", file);
    enum gs_status st = run_tool(sim, argv, NULL, why);
    unlink(tmp);
    sb_free(&out);
    return st;
}

static enum gs_status
print_lpr(struct gs_sim *sim, struct gs_element *el, int W, int H)
{
    char tmp[4096];
    FILE *f = temp_ps(sim, tmp, sizeof tmp);
    if (!f)
        return GS_ERR;
    write_ps(sim, el, W, H, f, false);
    if (close_checked(sim, f, tmp) != GS_OK) {
        unlink(tmp);
        return GS_ERR;
    }
    /* XODUS: lpr -h -P$PRINTER; without PRINTER, lpr's own default. */
    const char *printer = getenv("PRINTER");
    const char *argv[] = {"lpr", "-h", "-P", printer, NULL};
    if (!printer || !*printer)
        argv[2] = NULL;
    enum gs_status st = run_tool(sim, argv, tmp, "printing (to a file: xps -filename NAME)");
    unlink(tmp);
    return st;
}

enum gs_status
xo_print_action(struct gs_sim *sim, struct gs_element *el, int argc, const char *const *argv)
{
    if (argc > 1)
        return gs_error(sim, "PRINT takes one file name at most (got %d words)", argc);
    const char *file = argc == 1 ? argv[0] : sim->model->xps.filename;
    int W, H;
    widget_size(sim, el, &W, &H);
    if (!file)
        return print_lpr(sim, el, W, H);
    if (ends_with(file, ".png"))
        return print_png(sim, el, W, H, file);
    FILE *f = fopen(file, "w");
    if (!f)
        return gs_error(sim, "cannot open '%s' for writing (%s)", file, strerror(errno));
    write_ps(sim, el, W, H, f, ends_with(file, ".eps"));
    return close_checked(sim, f, file);
}

/* ---- xps ---------------------------------------------------------------------------- */

enum gs_status
xo_ps_settings(struct gs_sim *sim, const struct xo_ps_change *c)
{
    struct gs_model *m = sim->model;
    int maxg = c->maxgray != XO_PS_UNSET ? c->maxgray : m->xps.maxgray;
    int ming = c->mingray != XO_PS_UNSET ? c->mingray : m->xps.mingray;
    if (maxg < 0 || maxg > 256 || ming < 0 || ming > 256)
        return gs_error(sim, "-maxgray and -mingray are 0 to 256 (got %d and %d)", maxg, ming);
    if (maxg <= ming)
        return gs_error(sim, "-maxgray (%d) must be above -mingray (%d)", maxg, ming);
    if (c->dpi != XO_PS_UNSET && c->dpi <= 0)
        return gs_error(sim, "-dpi must be a positive number of dots per inch (got %d)", c->dpi);
    if (c->inverse != XO_PS_UNSET && c->inverse != 0 && c->inverse != 1)
        return gs_error(sim, "-inverse is 0 or 1 (got %d)", c->inverse);
    if (c->filename && !*c->filename)
        return gs_error(sim, "-filename needs a file name");
    m->xps.maxgray = maxg;
    m->xps.mingray = ming;
    if (c->dpi != XO_PS_UNSET)
        m->xps.dpi = c->dpi;
    if (c->inverse != XO_PS_UNSET)
        m->xps.inverse = c->inverse;
    if (c->filename) {
        free(m->xps.filename);
        m->xps.filename = xstrdup(c->filename);
    }
    if (c->printer) {
        free(m->xps.filename);
        m->xps.filename = NULL;
    }
    return GS_OK;
}

void
xo_ps_status(struct gs_sim *sim)
{
    const struct gs_model *m = sim->model;
    gs_out(sim, "status : maxgray = %d, mingray = %d, inverse = %d, dpi = %d\n", m->xps.maxgray,
           m->xps.mingray, m->xps.inverse, m->xps.dpi);
    if (m->xps.filename)
        gs_out(sim, "output to file '%s'\n", m->xps.filename);
    else
        gs_out(sim, "output to printer\n");
}
