#!/usr/bin/env bash
# Runs a command on a private Xvfb display. Xvfb picks a free display itself (-displayfd) and
# reports it once it accepts connections, so parallel or back-to-back runs never race for a
# display number (xvfb-run -a can).
set -euo pipefail
fifo="$(mktemp -u)"
mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp 3>"$fifo" 2>/dev/null &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -f "$fifo"' EXIT
read -r display <"$fifo"
DISPLAY=":$display" "$@"
