/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * neutral.c: the neutral class: an element with no fields or actions of
 * its own, used to group others (/network, /library) and as the root.
 */
#include "../core/core.h"

struct neutral {
    struct gs_element el;
};

const struct gs_class neutral_class = {
    .name = "neutral",
    .classes = "",
    .desc = "an element with no behaviour of its own, for grouping",
    .size = sizeof(struct neutral),
};
