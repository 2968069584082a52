#!/usr/bin/env bash
# chat-window-memory.sh: the resident size of the REAL chat window (./natter client, a GTK window on a
# virtual display) idle and after a burst of messages, and whether it still answers. Not part of the build;
# run it from the repository's root (docs/PERFORMANCE.md, "Chat window memory"):
#
#   client-fx/src/test/scripts/chat-window-memory.sh [MESSAGES] [RATE]     (defaults 10000 and 5000 a second)
#
# What it does: starts a headless server on a free loopback port (rate limits and the per-client queue raised,
# so the burst is neither refused nor cut off), opens the chat window under Xvfb logged in to it as "watcher"
# (its settings in a throw-away directory), reads VmRSS from /proc when the window is idle, sends MESSAGES
# (rounded up to whole seconds at RATE) to general with './natter bench fanout' (one sender, one other receiver),
# waits until the window's process is quiet again, reads VmRSS (and the peak, VmHWM) and the window's GC pauses,
# then types a line into the window and times how long it takes to reach the server (the FX thread must take
# the key strokes and send it). A screenshot after the burst goes to target/chat-window-memory.png.
#
# Environment: NATTER_JAVA_OPTIONS  extra JVM options for the window (not for the server or the load tool);
#              DIAG=DIR             also save the JVM's heap and native-memory summaries (with
#                                   -XX:NativeMemoryTracking=summary), the largest mappings and a class histogram;
#              KEEP=1               keep the temporary directory (logs, gc.log).
# Needs Xvfb, xdotool and ImageMagick's import (Debian: xvfb xdotool imagemagick) and GTK 3.
set -euo pipefail

messages=${1:-10000}
rate=${2:-5000}
root=$(pwd)
# NATTER_JAVA_OPTIONS is for the window only, not for the server and the load tool.
window_options=${NATTER_JAVA_OPTIONS:-}
unset NATTER_JAVA_OPTIONS
[[ -x $root/natter ]] || { echo "run this from the repository's root" >&2; exit 2; }
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt: xvfb xdotool imagemagick)" >&2; exit 2; }
done
work=$(mktemp -d /tmp/natter-window-memory-XXXX)
server_pid="" client_pid="" xvfb_pid=""
cleanup() {
  [[ -n $client_pid ]] && kill "$client_pid" 2>/dev/null
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null
  exec 3>&- 2>/dev/null || true
  wait 2>/dev/null || true
  [[ -n ${KEEP:-} ]] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

# wait_for SECONDS COMMAND...: polls COMMAND every 0.2 s until it succeeds; fails after SECONDS.
wait_for() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}
# With DIAG=DIR: the JVM's own view (heap, native memory when NATTER_JAVA_OPTIONS has
# -XX:NativeMemoryTracking=summary) at each reading, into DIR.
diagnose() {
  [[ -n ${DIAG:-} ]] || return 0
  mkdir -p "$DIAG"
  { jcmd "$client_pid" GC.heap_info; jcmd "$client_pid" VM.native_memory summary; } >"$DIAG/$1.txt" 2>&1 || true
  # The resident parts of the address space, largest first (anonymous ones have no name).
  pmap -x "$client_pid" | sort -k3 -n -r | head -n 40 >"$DIAG/$1-pmap.txt" 2>&1 || true
}
# The resident size and its parts: anonymous (the process's own memory: heap, JVM, native allocations), files
# (the mapped code of libraries, shared with other processes that map them) and shared memory (the window's image).
rss_parts() {
  echo "VmRSS $(rss_mb "$1" VmRSS) MB = anon $(rss_mb "$1" RssAnon) + file $(rss_mb "$1" RssFile)" \
    "+ shmem $(rss_mb "$1" RssShmem)"
}
rss_mb() { awk -v key="$2:" '$1 == key { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# The server reads its console from a pipe that stays open until the end.
mkfifo "$work/console"
./natter server --headless --start --allow-plain --no-announce --bind 127.0.0.1 --port 0 --show-messages \
  --data-dir "$work/server" --rate 1000000 --rate-burst 1000000 --max-queue-bytes 268435456 \
  <"$work/console" >"$work/server.log" 2>&1 &
server_pid=$!
exec 3>"$work/console"
wait_for 120 grep -q "Certificate fingerprint" "$work/server.log" || { cat "$work/server.log" >&2; exit 1; }
port=$(sed -n 's/.*Server started on port \([0-9]*\).*/\1/p' "$work/server.log")
fingerprint=$(sed -n 's/.*Certificate fingerprint (SHA-256): //p' "$work/server.log")

for n in $(seq 90 140); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || break; done
Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$n"
wait_for 10 test -e "/tmp/.X11-unix/X$n"

started=$(date +%s.%N)
NATTER_CLIENT_DIR="$work/client" \
NATTER_JAVA_OPTIONS="-Djava.util.prefs.userRoot=$work/prefs -Xlog:gc,gc+cpu:file=$work/gc.log $window_options" \
  ./natter client --server "127.0.0.1:$port" --name watcher --connect --trust "$fingerprint" \
  >"$work/client.log" 2>&1 &
client_pid=$!
wait_for 120 grep -q "watcher" "$work/server.log" || { echo "the window did not log in" >&2; cat "$work/client.log" >&2; exit 1; }
window=$(xdotool search --sync --name "Natter" | head -n 1)
echo "window logged in after $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s," \
  "its CPU time by then $(awk -v t="$(cpu_ticks "$client_pid")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }') s"

# Quiet: less than 2 % of a core for 2 s in a row.
settle() {
  local before after quiet=0 deadline=$((SECONDS + 120))
  while ((quiet < 2 && SECONDS < deadline)); do
    before=$(cpu_ticks "$client_pid"); sleep 1; after=$(cpu_ticks "$client_pid")
    if ((after - before <= 2)); then quiet=$((quiet + 1)); else quiet=0; fi
  done
}
sleep 5
settle
diagnose idle
echo "idle:             $(rss_parts "$client_pid") (uptime: $(uptime | sed 's/.*load/load/'))"

seconds=$(((messages + rate - 1) / rate))
burst_start=$SECONDS
./natter bench fanout --server "127.0.0.1:$port" --receivers 1 --senders 1 --rate "$rate" --seconds "$seconds" \
  --warmup 0 >"$work/bench.log" 2>&1 || { cat "$work/bench.log" >&2; exit 1; }
settle
sent=$(grep -ac ": bench [0-9]" "$work/server.log" || true)
diagnose after-burst
echo "after the burst:  $(rss_parts "$client_pid"), peak VmHWM $(rss_mb "$client_pid" VmHWM) MB"
echo "                  ($sent messages through the server in $((SECONDS - burst_start)) s, window quiet again)"

# Every pause of the window's collector since it started: a long one is a frozen window.
# (gc+cpu: a pause far longer in Real than in User+Sys waited for a core, which the machine's load says more about.)
pauses=$(grep -o "Pause.*ms" "$work/gc.log" || true)
echo "GC pauses:        $(grep -c . <<<"$pauses") in all, $(grep -c "Pause Full" <<<"$pauses") of them full;" \
  "longest $(grep -o "[0-9.]*ms$" <<<"$pauses" | sort -n | tail -n 1)"

# Does it answer? Type a line and time it to the server (the FX thread takes the keys and sends).
xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
probe="probe-$RANDOM"
typed=$(date +%s%N)
xdotool type --delay 0 "$probe"
xdotool key Return
if wait_for 30 grep -q "$probe" "$work/server.log"; then
  echo "answers:          a typed line reached the server $(( ($(date +%s%N) - typed) / 1000000 )) ms after typing began"
else
  echo "answers:          NO, a typed line did not reach the server within 30 s"
fi
sleep 1
mkdir -p target
import -window root target/chat-window-memory.png && echo "screenshot:       target/chat-window-memory.png"
sleep 10
echo "10 s later:       $(rss_parts "$client_pid")"
# Last, as it collects the whole heap: what the live objects are.
[[ -z ${DIAG:-} ]] || jcmd "$client_pid" GC.class_histogram >"$DIAG/histogram.txt" 2>&1 || true
