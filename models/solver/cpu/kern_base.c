/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kern_base.c: the group kernel for any CPU (kern_body.h), vectorised for
 * the baseline instruction set, with the portable table lookup.
 */
#define KERN_NAME gs_kern_group_base
#include "kern_body.h"
