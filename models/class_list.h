/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * class_list.h: every class, one line each, sorted by name. Included by
 * models/core/class.c twice (declarations, then the table). Each line
 * GS_CLASS(x) names `const struct gs_class x_class`, defined in
 * models/<family>/x.c. No include guard, on purpose.
 */
GS_CLASS(asc_file)
GS_CLASS(diffamp)
GS_CLASS(neutral)
GS_CLASS(pulsegen)
GS_CLASS(table)
