/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * class_list.h: every class, one line each, sorted by name. Included by
 * models/core/class.c twice (declarations, then the table). Each line
 * GS_CLASS(x) names `const struct gs_class x_class`, defined in
 * models/<family>/x.c. No include guard, on purpose.
 */
GS_CLASS(Ca_concen)
GS_CLASS(asc_file)
GS_CLASS(compartment)
GS_CLASS(diffamp)
GS_CLASS(disk_in)
GS_CLASS(disk_out)
GS_CLASS(neutral)
GS_CLASS(par_asc_file)
GS_CLASS(par_disk_out)
GS_CLASS(postmaster)
GS_CLASS(pulsegen)
GS_CLASS(randomspike)
GS_CLASS(rspike)
GS_CLASS(spikegen)
GS_CLASS(spikehistory)
GS_CLASS(symcompartment)
GS_CLASS(synchan)
GS_CLASS(tabchannel)
GS_CLASS(table)
GS_CLASS(xaxis)
GS_CLASS(xbutton)
GS_CLASS(xcoredraw)
GS_CLASS(xdialog)
GS_CLASS(xdraw)
GS_CLASS(xform)
GS_CLASS(xgraph)
GS_CLASS(xlabel)
GS_CLASS(xplot)
GS_CLASS(xshape)
GS_CLASS(xtext)
GS_CLASS(xtoggle)
GS_CLASS(xview)
