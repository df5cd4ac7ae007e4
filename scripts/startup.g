// SPDX-License-Identifier: GPL-2.0-or-later
// startup.g: run by gensh before the user's ~/.gshrc and the script. It
// sets up what every session shares; keep it quiet and quick.
