/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * core.h: the public headers of models/core in one include, for commands
 * and classes.
 */
#ifndef GS_CORE_H
#define GS_CORE_H

#include "class.h"
#include "element.h"
#include "field.h"
#include "interpol.h"
#include "model.h"
#include "msg.h"
#include "path.h"
#include "sched.h"

#endif
