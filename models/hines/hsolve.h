/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hsolve.h: what the commands (setmethod, findsolvefield) ask of the
 * hsolve class (hsolve.c). Depends on models/core.
 */
#ifndef GS_HSOLVE_H
#define GS_HSOLVE_H

#include <stdbool.h>

#include "../base/gs.h"
#include "../base/strbuf.h"
#include "../core/core.h"

/* Is METHOD one of GENESIS's setmethod numbers (-1, 0, 2-5, 10, 11)? */
bool hsolve_method_valid(int method);
/* A readable name of METHOD ("Crank-Nicolson"). */
const char *hsolve_method_name(int method);

/*
 * setmethod on EL: an hsolve takes any method (10 backward Euler, 11
 * Crank-Nicolson; the others mean backward Euler, as in GENESIS); other
 * elements integrate by exponential Euler, so 0 is accepted and an
 * explicit method they cannot use is an error. With ALL (setmethod
 * without a path) the implicit methods apply to hsolves only and the rest
 * is left alone, as GENESIS does. Errors: GS_ERR naming EL.
 */
enum gs_status hsolve_setmethod(struct gs_sim *sim, struct gs_element *el, int method, bool all);

/*
 * findsolvefield: appends to OUT the name under which FIELD of EL (a
 * compartment or a channel or pool under it, taken over by hsolve HS)
 * can be read and written on HS. Errors: HS not an hsolve or not set up,
 * chanmode below 2, EL not in the solve, a field the solve does not hold.
 */
enum gs_status hsolve_findsolvefield(struct gs_sim *sim, struct gs_element *hs,
                                     struct gs_element *el, const char *field,
                                     struct strbuf *out);

#endif
