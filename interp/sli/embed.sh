#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# embed.sh NAME FILE: prints a C file defining `const char NAME[]` (the
# bytes of FILE, NUL-terminated) and `const unsigned long NAME_len`.
set -eu
name=$1
file=$2
printf '/* generated from %s by embed.sh: do not edit */\n' "$(basename "$file")"
printf 'const char %s[] = {\n' "$name"
od -An -v -tx1 "$file" | sed -e 's/ *$//' -e 's/^ *//' -e 's/ \{1,\}/,0x/g' -e 's/^/0x/' -e 's/$/,/' -e '/^0x,$/d'
printf '0x00};\n'
printf 'const unsigned long %s_len = sizeof %s - 1;\n' "$name" "$name"
