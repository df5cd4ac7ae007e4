#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""gensh-plot: pictures of gensh's output files.

Reads the files gensh's output objects write (hdf5_out, par_hdf5_out,
sonata_out, asc_file, par_asc_file, spikehistory, disk_out) and draws one
panel per file (per population for a SONATA file) with matplotlib: spike
rasters ordered by cell (io_index), waveforms of chosen columns, as lines
or, for many columns, as an image. The picture's format follows the
output file's extension (.png, .svg, .pdf) or --type. See docs/io.md.

The build installs this file with its first line naming the Python that
configure found with matplotlib and h5py.
"""

import argparse
import os
import re
import sys
import tempfile

PROG = "gensh-plot"
FORMATS = ("png", "svg", "pdf")
MAX_LINES = 16          # more columns than this are drawn as an image
MAX_LEGEND = 10         # a legend for at most this many lines
HDF5_MAGIC = b"\x89HDF\r\n\x1a\n"
FMT1_LABEL = 80         # bytes of an FMT1 file's label ("FMT1" and NULs)

USAGE_EPILOG = """\
files: HDF5 (hdf5_out, par_hdf5_out: /data [row x column], /time,
/columns; sonata_out: /spikes/POPULATION/timestamps, node_ids; any 2-D
dataset with --dataset), text (asc_file, par_asc_file: a time and values
per row; spikehistory: 'cell time' per line) and FMT1 (disk_out).

examples:
  gensh-plot -o rsnet.png rsnet_vm.dat rsnet_spikes.txt
  gensh-plot -c 312,0 --labels middle,corner vm.h5 spikes.h5
  gensh-plot --image -o wave.svg Vm.dat
"""


class PlotError(Exception):
    """Bad input: the message names the file and what was expected."""


# ---- Python modules -----------------------------------------------------

def need(module, why, package):
    """Imports MODULE or raises a PlotError naming it and its Debian package."""
    try:
        return __import__(module)
    except ImportError as e:
        raise PlotError("needs the Python module %s%s (Debian: %s); %s cannot import it: %s"
                        % (module, why, package, sys.executable, e)) from None


def check_modules():
    """--check: which of the modules gensh-plot uses this Python has."""
    missing = []
    for module, package, use in (("numpy", "python3-numpy", "every file"),
                                 ("matplotlib", "python3-matplotlib", "every picture"),
                                 ("h5py", "python3-h5py", "HDF5 files")):
        try:
            m = __import__(module)
            print("%s %s: yes (%s)" % (module, getattr(m, "__version__", "?"), use))
        except ImportError:
            print("%s: no (%s; Debian: %s)" % (module, use, package))
            missing.append(module)
    print("python: %s" % sys.executable)
    return 1 if missing else 0


# ---- what a file holds --------------------------------------------------

class Rows:
    """Values of columns over time: one waveform panel."""
    kind = "rows"

    def __init__(self, source, t, v, ids, names, units, tunits, tlabel="time", where=None):
        self.source = source    # 'file' or 'file /dataset', for titles
        self.where = where or "'%s'" % source  # for messages
        self.t = t              # row times, or row numbers
        self.v = v              # [row x column]
        self.ids = list(ids)    # each column's identifier (io_index, message order)
        self.names = names      # each column's source, or None
        self.units = units      # the values' units, or ""
        self.tunits = tunits    # the times' units, or ""
        self.tlabel = tlabel


class Spikes:
    """Spike times and the ids of the cells that fired: one raster panel."""
    kind = "spikes"

    def __init__(self, source, t, ids, idlabel, tunits, idnames=None):
        self.source = source
        self.t = t
        self.ids = ids
        self.idlabel = idlabel  # what the ids are
        self.tunits = tunits
        self.idnames = idnames  # id -> source path, when the file names sources


def read_file(path, args):
    """The panels of one file: a list of Rows and Spikes."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError as e:
        raise PlotError("cannot read '%s': %s" % (path, e.strerror)) from None
    if is_hdf5(path, head):
        return read_hdf5(path, args)
    if head.startswith(b"FMT1"):
        return [read_fmt1(path)]
    if args.dataset or args.population:
        raise PlotError("'%s' is not an HDF5 file: --dataset and --population name HDF5 parts"
                        % path)
    return [read_text(path, args)]


def is_hdf5(path, head):
    """The HDF5 signature sits at 0, 512, 1024, 2048, ... (after a user block)."""
    if head.startswith(HDF5_MAGIC):
        return True
    with open(path, "rb") as f:
        at = 512
        while True:
            f.seek(at)
            got = f.read(len(HDF5_MAGIC))
            if len(got) < len(HDF5_MAGIC):
                return False
            if got == HDF5_MAGIC:
                return True
            at *= 2


# ---- HDF5 ----------------------------------------------------------------

def read_hdf5(path, args):
    h5py = need("h5py", " to read the HDF5 file '%s'" % path, "python3-h5py")
    try:
        f = h5py.File(path, "r")
    except OSError as e:
        raise PlotError("cannot read '%s': HDF5 cannot open it (%s)" % (path, e)) from None
    with f:
        if args.dataset:
            return [read_h5rows(f, path, args.dataset)]
        if "spikes" in f and isinstance(f["spikes"], h5py.Group):
            return read_sonata(f, path, args.population)
        if args.population:
            raise PlotError("'%s' has no group /spikes: --population names a SONATA population"
                            % path)
        if "data" in f:
            return [read_h5rows(f, path, "/data")]
        raise PlotError("'%s' holds neither /data (hdf5_out) nor /spikes (sonata_out); "
                        "name a 2-D dataset with --dataset" % path)


def h5dataset(f, path, name):
    import h5py
    if name not in f:
        raise PlotError("'%s' has no dataset %s" % (path, name))
    d = f[name]
    if not isinstance(d, h5py.Dataset):
        raise PlotError("'%s' %s is a group, not a dataset" % (path, name))
    return d


def h5numbers(d, path, name, ndim):
    """The values of dataset D, numbers of NDIM dimensions, as floats."""
    import numpy as np
    if d.ndim != ndim:
        what = "2-D [row x column]" if ndim == 2 else "1-D"
        raise PlotError("'%s' dataset %s is not %s: its shape is %s"
                        % (path, name, what, shape_text(d.shape)))
    if d.dtype.kind not in "iuf":
        raise PlotError("'%s' dataset %s holds %s, not numbers" % (path, name, d.dtype))
    return np.asarray(d[()], dtype=float)


def shape_text(shape):
    return "[" + " x ".join(str(n) for n in shape) + "]" if shape else "[] (a scalar)"


def h5str(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if hasattr(value, "shape") and value.shape == (1,):
        return h5str(value[0])
    return str(value)


def h5attr(obj, name, default=None):
    return obj.attrs[name] if name in obj.attrs else default


def read_h5rows(f, path, name):
    """A [row x column] dataset: hdf5_out's /data, or a stimulus for hdf5_in."""
    import numpy as np
    if not name.startswith("/"):
        name = "/" + name
    d = h5dataset(f, path, name)
    v = h5numbers(d, path, name, 2)
    nrows, ncols = v.shape
    tunits, tlabel = "s", "time"
    if "time" in f and name == "/data":
        t = h5numbers(h5dataset(f, path, "/time"), path, "/time", 1)
        if len(t) != nrows:
            raise PlotError("'%s' dataset /time has %d values, %s has %d rows"
                            % (path, len(t), name, nrows))
        tunits = h5str(h5attr(f["time"], "units", "s"))
    elif h5attr(d, "dt") is not None and float(h5attr(d, "dt")) > 0:
        t0 = float(h5attr(d, "t0", 0.0))
        t = t0 + float(h5attr(d, "dt")) * np.arange(nrows)
    else:
        t, tunits, tlabel = np.arange(nrows, dtype=float), "", "row"
    ids, names = list(range(ncols)), None
    if "columns" in f and name == "/data":
        cols = f["columns"]
        if "index" in cols:
            idx = h5numbers(cols["index"], path, "/columns/index", 1)
            if len(idx) != ncols:
                raise PlotError("'%s' dataset /columns/index has %d values, %s has %d columns"
                                % (path, len(idx), name, ncols))
            ids = [int(i) for i in idx]
        if "path" in cols and len(cols["path"]) == ncols:
            names = [h5str(p) for p in cols["path"][()]]
            if "field" in cols and len(cols["field"]) == ncols:
                names = ["%s %s" % (p, h5str(fl)) for p, fl in zip(names, cols["field"][()])]
    units = h5str(h5attr(d, "units", ""))
    return Rows("%s %s" % (path, name), t, v, ids, names, units, tunits, tlabel,
                "'%s' dataset %s" % (path, name))


def read_sonata(f, path, wanted):
    """/spikes/POPULATION/{timestamps,node_ids}: one raster per population."""
    spikes = f["spikes"]
    pops = sorted(spikes.keys())
    if wanted:
        for p in wanted:
            if p not in pops:
                raise PlotError("'%s' has no population '%s' (it has: %s)"
                                % (path, p, ", ".join(pops) or "none"))
        pops = wanted
    if not pops:
        raise PlotError("'%s' group /spikes holds no population" % path)
    panels = []
    for p in pops:
        base = "/spikes/%s" % p
        ts = h5numbers(h5dataset(f, path, base + "/timestamps"), path, base + "/timestamps", 1)
        ids = h5numbers(h5dataset(f, path, base + "/node_ids"), path, base + "/node_ids", 1)
        if len(ts) != len(ids):
            raise PlotError("'%s' %s/timestamps has %d values, %s/node_ids %d"
                            % (path, base, len(ts), base, len(ids)))
        tunits = h5str(h5attr(f[base + "/timestamps"], "units", "ms"))
        panels.append(Spikes("%s %s" % (path, p), ts, ids, "node id (io_index)", tunits))
    return panels


# ---- FMT1 (disk_out) ----------------------------------------------------------

def read_fmt1(path):
    """GENESIS's FMT1: label, start, dt, ndata, datatype, xyz, then frames."""
    import numpy as np
    dtypes = {2: "i2", 3: "i4", 4: "f4", 5: "f8"}
    with open(path, "rb") as f:
        raw = f.read()
    if len(raw) < FMT1_LABEL + 16:
        raise PlotError("'%s' is an FMT1 file cut short in its header (%d bytes)"
                        % (path, len(raw)))
    for order in ("<", ">"):  # the writer's byte order: whichever makes sense
        start, dt = np.frombuffer(raw, order + "f4", 2, FMT1_LABEL)
        ndata, dtype = np.frombuffer(raw, order + "i4", 2, FMT1_LABEL + 8)
        if 0 <= ndata < 1 << 28 and dtype in dtypes:
            break
    else:
        raise PlotError("'%s' is not an FMT1 file gensh-plot knows: its header gives "
                        "%d values of datatype %d" % (path, ndata, dtype))
    first = FMT1_LABEL + 16 + 12 * int(ndata)
    size = np.dtype(dtypes[int(dtype)]).itemsize
    nframes = max(0, len(raw) - first) // (size * int(ndata)) if ndata else 0
    v = np.frombuffer(raw, order + dtypes[int(dtype)], nframes * int(ndata), first)
    v = v.astype(float).reshape(nframes, int(ndata))
    t = float(start) + float(dt) * np.arange(nframes)
    return Rows(path, t, v, range(int(ndata)), None, "", "s")


# ---- text ---------------------------------------------------------------------

# spikehistory's line: "%6d     %.6f" (the cell's number from 1) or, with
# ident_toggle, "%s     %.6f" (the source's path).
SPIKE_LINE = re.compile(r"^ *(\d+|\S*/\S*) {5}(-?\d+\.\d{6})$")


def read_text(path, args):
    try:
        with open(path, "r", encoding="utf-8") as f:
            text = f.read()
    except UnicodeDecodeError:
        raise PlotError("'%s' is of no format gensh-plot knows: not HDF5, FMT1 or text"
                        % path) from None
    lines = [(i + 1, ln.rstrip()) for i, ln in enumerate(text.split("\n"))]
    lines = [(n, ln) for n, ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        raise PlotError("'%s' is empty: nothing to draw" % path)
    kind = args.kind or ("spikes" if SPIKE_LINE.match(lines[0][1]) else "rows")
    if kind == "spikes":
        return read_spikehistory(path, lines)
    return read_ascrows(path, lines, args)


def read_spikehistory(path, lines):
    import numpy as np
    cells, times = [], []
    for n, ln in lines:
        m = SPIKE_LINE.match(ln)
        if not m:
            raise PlotError("'%s' line %d: '%s' is not a spikehistory line "
                            "('cell     time', the time with 6 decimals)" % (path, n, ln.strip()))
        cells.append(m.group(1))
        times.append(float(m.group(2)))
    if all(c.isdigit() for c in cells):
        ids = np.array([int(c) for c in cells], dtype=float)
        return Spikes(path, np.array(times), ids, "cell (from 1)", "s")
    # ident_toggle: sources by path, ranked by their element indices
    paths = sorted(set(cells), key=path_key)
    rank = {p: i for i, p in enumerate(paths)}
    ids = np.array([rank[c] for c in cells], dtype=float)
    return Spikes(path, np.array(times), ids, "source", "s", paths)


def is_number(tok):
    try:
        float(tok)
        return True
    except ValueError:
        return False


def path_key(p):
    """Element paths in natural order: rscell[2] before rscell[10]."""
    return [int(s) if s.isdigit() else s for s in re.split(r"(\d+)", p)]


def read_ascrows(path, lines, args):
    import numpy as np
    n1, first = lines[0]
    for tok in first.split():
        if not is_number(tok):
            raise PlotError("'%s' is of no format gensh-plot knows: line %d, '%s', is neither "
                            "a row of numbers (asc_file, par_asc_file) nor a spikehistory line"
                            % (path, n1, first.strip()[:60]))
    counts = [len(ln.split()) for _, ln in lines]
    width = counts[0]
    for (n, ln), c in zip(lines, counts):
        if c != width:
            raise PlotError("'%s' line %d has %d values, line %d has %d: not the rows of an "
                            "asc_file or par_asc_file" % (path, n, c, lines[0][0], width))
    try:
        v = np.array(" ".join(ln for _, ln in lines).split(), dtype=float)
    except ValueError:
        for n, ln in lines:
            for tok in ln.split():
                if not is_number(tok):
                    raise PlotError("'%s' line %d: '%s' is not a number" % (path, n, tok)) from None
        raise
    v = v.reshape(len(lines), width)
    if args.notime:
        t, tunits, tlabel = np.arange(len(lines), dtype=float), "", "row"
    else:
        if width < 2:
            raise PlotError("'%s' line %d has one value: a time and no column (use --notime "
                            "for a file written with notime)" % (path, lines[0][0]))
        t, v, tunits, tlabel = v[:, 0], v[:, 1:], args.time_units, "time"
    return Rows(path, t, v, range(v.shape[1]), None, "", tunits, tlabel)


# ---- choosing -------------------------------------------------------------------

def parse_list(text, what):
    """'0,2,5-7' -> [0, 2, 5, 6, 7]."""
    out = []
    for part in text.split(","):
        m = re.match(r"^\s*(-?\d+)\s*(?:-\s*(-?\d+)\s*)?$", part)
        if not m:
            raise PlotError("%s: '%s' is not a number or a range like 5-7" % (what, part))
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) is not None else a
        if b < a:
            raise PlotError("%s: the range '%s' runs backwards" % (what, part.strip()))
        out.extend(range(a, b + 1))
    return out


def id_ranges(ids):
    """[0, 1, 2, 5] -> '0-2, 5'."""
    out, ids = [], sorted(ids)
    i = 0
    while i < len(ids):
        j = i
        while j + 1 < len(ids) and ids[j + 1] == ids[j] + 1:
            j += 1
        out.append(str(ids[i]) if i == j else "%d-%d" % (ids[i], ids[j]))
        i = j + 1
    return ", ".join(out) if out else "none"


def select_columns(rows, wanted):
    """Keeps the columns whose identifiers WANTED lists, in its order."""
    if wanted is None:
        return rows
    where = {c: i for i, c in enumerate(rows.ids)}
    for c in wanted:
        if c not in where:
            raise PlotError("%s has no column %d (its columns: %s)"
                            % (rows.where, c, id_ranges(rows.ids)))
    pick = [where[c] for c in wanted]
    rows.v = rows.v[:, pick]
    rows.ids = list(wanted)
    rows.names = [rows.names[i] for i in pick] if rows.names else None
    return rows


def clip_time(panel, tmin, tmax):
    keep = (panel.t >= (tmin if tmin is not None else -float("inf"))) & \
           (panel.t <= (tmax if tmax is not None else float("inf")))
    panel.t = panel.t[keep]
    if panel.kind == "rows":
        panel.v = panel.v[keep]
    else:
        panel.ids = panel.ids[keep]


# ---- drawing ------------------------------------------------------------------

def with_units(label, units):
    return "%s (%s)" % (label, units) if units else label


def short_source(name):
    """'/network/rscell[312]/soma Vm' -> 'rscell[312]/soma Vm' for a legend."""
    parts = name.split("/")
    return "/".join(parts[-2:]) if len(parts) > 2 else name


def draw_rows(ax, fig, rows, args):
    """Waveforms: a line per column, or an image when there are many."""
    n = rows.v.shape[1]
    field = None
    if rows.names:
        fields = {nm.rsplit(" ", 1)[-1] for nm in rows.names if " " in nm}
        field = fields.pop() if len(fields) == 1 else None
    ylabel = with_units(field or args.field or "value", rows.units)
    as_image = args.image or (n > MAX_LINES and not args.lines)
    title = "%s: %d column%s, %d rows" % (rows.title, n, "" if n == 1 else "s", len(rows.t))
    if as_image:
        # one row still spans a unit of time
        ext = [rows.t[0], rows.t[-1] if rows.t[-1] > rows.t[0] else rows.t[0] + 1,
               -0.5, n - 0.5]
        contiguous = rows.ids == list(range(rows.ids[0], rows.ids[0] + n))
        if contiguous:
            ext[2:] = [rows.ids[0] - 0.5, rows.ids[-1] + 0.5]
        elif n <= MAX_LINES:
            ax.set_yticks(range(n))
            ax.set_yticklabels([str(c) for c in rows.ids])
        im = ax.imshow(rows.v.T, aspect="auto", origin="lower", extent=ext,
                       interpolation="nearest", cmap="viridis")
        # the colour bar beside the panel, not taken out of its width: the
        # panels keep one time axis
        cb = fig.colorbar(im, cax=ax.inset_axes([1.01, 0, 0.015, 1]))
        cb.set_label(ylabel)
        ax.set_ylabel("column" if contiguous or n <= MAX_LINES else "column (n-th chosen)")
        return title, {"image": "%dx%d" % (len(rows.t), n), "points": rows.v.size}
    labels = args.labels or []
    lines = 0
    points = 0
    for i in range(n):
        if i < len(labels):
            label = labels[i]
        elif rows.names:
            label = short_source(rows.names[i])
        else:
            label = "column %d" % rows.ids[i]
        y = rows.v[:, i]
        if args.offset:
            y = y + i * args.offset
            if i:
                label += " (%+g%s)" % (i * args.offset, " " + rows.units if rows.units else "")
        ln, = ax.plot(rows.t, y, linewidth=0.8, label=label,
                      drawstyle="steps-post" if args.steps else "default")
        lines += 1
        points += len(ln.get_xdata())
    ax.set_ylabel(ylabel)
    if 0 < n <= MAX_LEGEND:
        ax.legend(loc="upper right", fontsize="small", framealpha=0.8)
    return title, {"lines": lines, "points": points}


def draw_spikes(ax, spikes, fig_height_px):
    """A raster: a mark per spike at (time, cell)."""
    import numpy as np
    ncells = len(np.unique(spikes.ids))
    span = (spikes.ids.max() - spikes.ids.min() + 1) if len(spikes.ids) else 1
    # a mark about one cell's row high, at least a pixel, at most 4 points
    size = min(4.0, max(0.5, 0.8 * fig_height_px * 72.0 / 100.0 / span))
    ln, = ax.plot(spikes.t, spikes.ids, linestyle="none", marker="|", markersize=size,
                  markeredgewidth=0.5, color="k")
    if len(spikes.ids):
        ax.set_ylim(spikes.ids.min() - 0.5, spikes.ids.max() + 0.5)
    if spikes.idnames and len(spikes.idnames) <= MAX_LEGEND:
        ax.set_yticks(range(len(spikes.idnames)))
        ax.set_yticklabels(spikes.idnames, fontsize="small")
    else:
        from matplotlib.ticker import MaxNLocator
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(spikes.idlabel)
    title = "%s: %d spike%s from %d cell%s" % (spikes.title, len(spikes.t),
                                               "" if len(spikes.t) == 1 else "s",
                                               ncells, "" if ncells == 1 else "s")
    return title, {"points": len(ln.get_xdata()), "cells": ncells}


# Time units the panels can share (SONATA's ms with asc_file's s).
TIME_SCALE = {"s": 1.0, "ms": 1e-3, "us": 1e-6}


def common_time(panels):
    """Puts every panel's times in the first panel's units, where all are
    units gensh-plot knows; returns whether the panels share a time axis."""
    units = {p.tunits for p in panels}
    if len(units) == 1:
        return True
    if not units <= set(TIME_SCALE):
        return False
    to = panels[0].tunits
    for p in panels:
        if p.tunits != to:
            p.t = p.t * (TIME_SCALE[p.tunits] / TIME_SCALE[to])
            p.tunits = to
    return True


def draw(panels, args):
    matplotlib = need("matplotlib", "", "python3-matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    width, height = args.size
    if height is None:
        height = 60 + 240 * len(panels)
    shared = common_time(panels)
    fig, axes = plt.subplots(len(panels), 1, squeeze=False,
                             figsize=(width / args.dpi, height / args.dpi), dpi=args.dpi,
                             sharex=shared)
    summary = []
    panel_px = height / len(panels)
    for i, (ax, p) in enumerate(zip(axes[:, 0], panels)):
        if p.kind == "rows":
            title, facts = draw_rows(ax, fig, p, args)
        else:
            title, facts = draw_spikes(ax, p, panel_px)
        ax.set_title(title, fontsize="medium")
        if not shared or i == len(panels) - 1:
            ax.set_xlabel(with_units(getattr(p, "tlabel", "time"), p.tunits))
        if "image" not in facts:
            ax.grid(True, linewidth=0.3, alpha=0.5)
        if len(p.t):
            facts["t"] = "%g..%g" % (p.t.min(), p.t.max())
            vals = p.v if p.kind == "rows" else p.ids
            if vals.size:
                facts["v" if p.kind == "rows" else "ids"] = "%g..%g" % (vals.min(), vals.max())
        summary.append((p, facts))
    if args.title:
        fig.suptitle(args.title)
    fig.tight_layout()
    if any("image" in facts for _, facts in summary):
        # room for the colour bars and their labels (tight_layout leaves
        # the inset axes out)
        fig.subplots_adjust(right=min(fig.subplotpars.right, 1 - 110.0 / width))
    return fig, summary


def save(fig, out, fmt, dpi, colors):
    """Writes the picture through a temporary file: an error leaves nothing."""
    folder = os.path.dirname(out) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=".gensh-plot-", suffix="." + fmt, dir=folder)
    except OSError as e:
        raise PlotError("cannot write '%s': %s" % (out, e.strerror)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            if fmt == "png" and colors:
                save_palette_png(fig, f, colors)
            else:
                fig.savefig(f, format=fmt, dpi=dpi)
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, out)
    except OSError as e:
        os.unlink(tmp)
        raise PlotError("cannot write '%s': %s" % (out, e.strerror)) from None
    except BaseException:
        os.unlink(tmp)
        raise


def save_palette_png(fig, f, colors):
    """--colors: the PNG with a palette of COLORS colours (a much smaller
    file; matplotlib writes every pixel's RGBA)."""
    import numpy as np
    need("PIL", " for --colors", "python3-pil")
    from PIL import Image
    fig.canvas.draw()
    rgb = Image.fromarray(np.asarray(fig.canvas.buffer_rgba())).convert("RGB")
    rgb.quantize(colors=colors, method=Image.Quantize.MEDIANCUT).save(f, format="png",
                                                                     optimize=True)


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ---- command line ---------------------------------------------------------------

def size_arg(text):
    m = re.match(r"^(\d+)(?:x(\d+))?$", text)
    if not m or int(m.group(1)) < 50 or (m.group(2) and int(m.group(2)) < 50):
        raise argparse.ArgumentTypeError("'%s' is not WIDTHxHEIGHT in pixels (each at least 50)"
                                         % text)
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None


def colors_arg(text):
    if not text.isdigit() or not 2 <= int(text) <= 256:
        raise argparse.ArgumentTypeError("'%s' is not a number of colours from 2 to 256" % text)
    return int(text)


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Draw pictures of gensh's output files: spike rasters and waveforms, "
                    "one panel per file (per population of a SONATA file).",
        epilog=USAGE_EPILOG)
    ap.add_argument("files", metavar="FILE", nargs="*", help="gensh output files")
    ap.add_argument("-o", "--output", metavar="PICTURE",
                    help="the picture (default: the first file's name with .png)")
    ap.add_argument("-T", "--type", choices=FORMATS,
                    help="the picture's format (default: from PICTURE's extension)")
    ap.add_argument("-c", "--columns", metavar="LIST",
                    help="the columns to draw, by identifier (io_index, message order): 0,2,5-7")
    ap.add_argument("--labels", metavar="A,B,...", help="legend labels of the drawn columns")
    ap.add_argument("--offset", type=float, default=0.0, metavar="D",
                    help="draw column i shifted by i*D (model units)")
    ap.add_argument("--lines", action="store_true", help="a line per column, however many")
    ap.add_argument("--image", action="store_true",
                    help="columns as an image, colour for value (default above %d columns)"
                    % MAX_LINES)
    ap.add_argument("--steps", action="store_true",
                    help="hold each value until the next row (as hdf5_in plays a file)")
    ap.add_argument("--dataset", metavar="NAME",
                    help="the HDF5 dataset [row x column] to draw (default /data)")
    ap.add_argument("--population", metavar="NAME", action="append",
                    help="a SONATA population to draw (default: all; repeat for several)")
    ap.add_argument("--kind", choices=("rows", "spikes"),
                    help="read text files as rows (asc_file) or spikes (spikehistory)")
    ap.add_argument("--notime", action="store_true",
                    help="text rows have no time column (asc_file's notime)")
    ap.add_argument("--field", metavar="NAME",
                    help="what text and FMT1 files' values are (e.g. Vm), for the value axis")
    ap.add_argument("--units", metavar="U",
                    help="units of the values where the file does not say (e.g. V)")
    ap.add_argument("--time-units", metavar="U", default="s",
                    help="units of text files' times (default s)")
    ap.add_argument("--tmin", type=float, metavar="T", help="draw from time T on")
    ap.add_argument("--tmax", type=float, metavar="T", help="draw up to time T")
    ap.add_argument("--title", help="a title above the panels")
    ap.add_argument("--size", type=size_arg, default=(1000, None), metavar="WxH",
                    help="the picture's size in pixels (default 1000 x 60+240 per panel)")
    ap.add_argument("--dpi", type=float, default=100.0, help="dots per inch (default 100)")
    ap.add_argument("--colors", type=colors_arg, metavar="N",
                    help="a PNG with a palette of N colours, 2-256 (a smaller file)")
    ap.add_argument("--summary", action="store_true",
                    help="print what each panel drew: lines or image, points (marks), cells, "
                         "the range of times, values and ids")
    ap.add_argument("--check", action="store_true",
                    help="say which Python modules gensh-plot can use, and exit")
    args = ap.parse_args(argv)
    if args.check:
        return args
    if not args.files:
        ap.error("no FILE to draw")
    if args.lines and args.image:
        ap.error("--lines and --image exclude each other")
    return args


def output_and_format(args):
    out = args.output
    if not out:
        out = os.path.splitext(os.path.basename(args.files[0]))[0] + "." + (args.type or "png")
    ext = os.path.splitext(out)[1].lower().lstrip(".")
    fmt = args.type or ext
    if fmt not in FORMATS:
        raise PlotError("cannot tell the picture's format from '%s': name it .png, .svg or .pdf, "
                        "or give --type" % out)
    for f in args.files:
        if os.path.exists(f) and os.path.exists(out) and os.path.samefile(f, out):
            raise PlotError("the picture '%s' would overwrite the input file '%s'" % (out, f))
    return out, fmt


def main(argv):
    args = parse_args(argv)
    if args.check:
        return check_modules()
    try:
        need("matplotlib", "", "python3-matplotlib")
        need("numpy", "", "python3-numpy")
        wanted = parse_list(args.columns, "--columns") if args.columns else None
        args.labels = args.labels.split(",") if args.labels else None
        out, fmt = output_and_format(args)
        panels = []
        for path in args.files:
            for p in read_file(path, args):
                # titles name the file without its folder
                p.title = os.path.basename(path) + p.source[len(path):]
                panels.append(p)
        for p in panels:
            if p.kind == "rows":
                select_columns(p, wanted)
                p.units = p.units or args.units or ""
            clip_time(p, args.tmin, args.tmax)
            if p.kind == "rows" and not p.v.shape[1]:
                raise PlotError("%s has no columns to draw" % p.where)
            if p.kind == "rows" and not len(p.t):
                window = args.tmin is not None or args.tmax is not None
                raise PlotError("%s has no rows%s to draw"
                                % (p.where, " in the time window" if window else ""))
        if wanted is not None and not any(p.kind == "rows" for p in panels):
            raise PlotError("--columns chooses columns, and no file holds rows of values")
        fig, summary = draw(panels, args)
        save(fig, out, fmt, args.dpi, args.colors)
    except PlotError as e:
        print("%s: %s" % (PROG, e), file=sys.stderr)
        return 1
    if args.summary:
        for i, (p, facts) in enumerate(summary):
            print("panel %d: %s %s %s" % (i + 1, p.source, p.kind,
                                          " ".join("%s=%s" % kv for kv in facts.items())))
        w, h = fig.get_size_inches() * args.dpi
        print("picture: %s %s %dx%d" % (out, fmt, round(w), round(h)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
