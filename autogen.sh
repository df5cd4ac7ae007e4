#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# autogen.sh: generate configure and the Makefile templates (build-aux/ is
# generated, not committed).
set -e
cd "$(dirname "$0")"
autoreconf -fi
