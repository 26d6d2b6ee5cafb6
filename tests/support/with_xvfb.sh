#!/usr/bin/env bash
# Runs a command on a private Xvfb display. Xvfb picks a free display itself (-displayfd) and
# reports it once it accepts connections, so parallel or back-to-back runs never race for a
# display number (xvfb-run -a can). When the command fails because the X server itself went
# away (the command's own failures stand), the server's log is shown and the command runs once
# more on a fresh server.
set -uo pipefail
run_once() {
  local fifo log status
  fifo="$(mktemp -u)"
  log="$(mktemp)"
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp 3>"$fifo" 2>"$log" &
  local xvfb=$!
  local display
  read -r display <"$fifo"
  rm -f "$fifo"
  DISPLAY=":$display" "$@"
  status=$?
  if [ "$status" -ne 0 ] && ! kill -0 "$xvfb" 2>/dev/null; then
    echo "with_xvfb: the X server on :$display ended during the run; its log:" >&2
    tail -n 20 "$log" >&2
    status=255
  fi
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  rm -f "$log"
  return "$status"
}
run_once "$@"
status=$?
if [ "$status" -eq 255 ]; then
  echo "with_xvfb: running again on a new X server" >&2
  run_once "$@"
  status=$?
fi
exit "$status"
