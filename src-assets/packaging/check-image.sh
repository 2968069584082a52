#!/usr/bin/env bash
# check-image.sh [--fx-shot PATH]: checks the Linux app images that 'natter package' put in dist/, the way a
# machine without Java or Maven would run them: a clean environment (PATH=/usr/bin:/bin, no JAVA_HOME), a
# scratch home folder.
#   1. each image has its own runtime with JavaFX in it (and its start-up archive, if it was made);
#   2. the server image runs headless on a free port, says it is running, and accepts a login over TCP;
#   3. the client image chats in terminal mode through that server (the message reaches the TCP user);
#   4. with --fx-shot (the screenshot tool that runs an app in a virtual display): each image opens its
#      window, and a screenshot of it is saved in target/check-image/.
# Exit status 0 when every check passed. Needs bash, coreutils, grep, sed and mkfifo; nothing else.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dist=$root/dist
fx_shot=${FX_SHOT:-}
while (($#)); do
  case $1 in
    --fx-shot) fx_shot=${2:?--fx-shot needs the path of the fx-shot tool}; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "check-image: unknown option $1" >&2; exit 2 ;;
  esac
done

server=$dist/natter-server/bin/natter-server
client=$dist/natter/bin/natter
shots=$root/target/check-image
work=$(mktemp -d "${TMPDIR:-/tmp}/natter-check.XXXXXX")
home=$work/home
mkdir -p "$home" "$shots"
# user.home too: Java takes it from the password file, not from HOME. The jpackage launcher ignores
# JDK_JAVA_OPTIONS but the JVM reads JAVA_TOOL_OPTIONS.
clean_env=(env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 "JAVA_TOOL_OPTIONS=-Duser.home=$home")
server_pid=""
failures=0

cleanup() {
  exec 7>&- 8>&- 2>/dev/null || true
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ok() { echo "check-image: ok    $*"; }
fail() { echo "check-image: FAIL  $*"; failures=$((failures + 1)); }
skip() { echo "check-image: skip  $*"; }
seconds_since() { echo "$(( ($(date +%s%N) - $1) / 1000000 ))" | sed -E 's/([0-9]*)([0-9]{3})$/\1.\2/; s/^\./0./'; }

# Fails the check if the output shows the classic "JavaFX is not there" errors.
no_javafx_errors() { # LOG WHAT
  if grep -q -e 'JavaFX runtime components are missing' -e 'UnsatisfiedLinkError' -e 'NoClassDefFoundError' "$1"; then
    fail "$2: $(grep -m1 -e 'JavaFX runtime components' -e 'UnsatisfiedLinkError' -e 'NoClassDefFoundError' "$1")"
  fi
}

# 1. The images and their runtimes.
for bin in "$server" "$client"; do
  id=$(basename "$bin")
  if [[ ! -x $bin ]]; then
    [[ $id == natter ]] && skip "no client image in dist/ (is ClientMain in this build?)" && continue
    fail "$bin is missing; run ./natter package first"
    continue
  fi
  release=$dist/$id/lib/runtime/release
  if grep -q 'javafx.controls' "$release" 2>/dev/null; then
    ok "$id: own runtime $(sed -n 's/^JAVA_VERSION=//p' "$release") with JavaFX; image $(du -sh "$dist/$id" | cut -f1)"
  else
    fail "$id: no JavaFX in $release"
  fi
  # Made by a training run at package time, which needs a display: without one the image works, only slower.
  archive=$dist/$id/lib/runtime/lib/server/classes.jsa
  if [[ -f $archive ]]; then
    ok "$id: start-up archive $(du -h "$archive" | cut -f1)"
  else
    skip "$id: no start-up archive (packaged without a display?); it starts slower"
  fi
done
[[ -x $server ]] || { echo "check-image: $failures failed"; exit 1; }

# 2. The server, headless, on a port of its choosing; its console reads from a FIFO we hold open.
mkfifo "$work/console"
started=$(date +%s%N)
# --allow-plain: the login by hand below speaks plain text, while the client image connects with TLS as it ships;
# --no-announce: a check announces nothing on the network.
"${clean_env[@]}" "$server" --headless --port 0 --data-dir "$work/data" --allow-plain --no-announce \
  <"$work/console" >"$work/server.log" 2>&1 &
server_pid=$!
exec 7>"$work/console"
port=""
for _ in $(seq 300); do
  grep -q 'is running' "$work/server.log" && port=$(sed -n 's/.*Server started on port \([0-9][0-9]*\).*/\1/p' "$work/server.log" | head -1)
  [[ -n $port ]] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
no_javafx_errors "$work/server.log" "server"
if [[ -z $port ]]; then
  fail "server: no 'is running' line within 30 s; its output:"
  sed 's/^/    /' "$work/server.log"
  echo "check-image: $failures failed"
  exit 1
fi
ok "server: running on port $port after $(seconds_since "$started") s: $(grep -m1 'is running' "$work/server.log")"

# A login by hand, as the protocol describes it: one JSON object per line.
exec 8<>"/dev/tcp/127.0.0.1/$port"
printf '%s\n' '{"type":"login","id":"1","name":"Checker"}' >&8
reply=""
while IFS= read -r -t 5 line <&8; do
  if [[ $line == *'"type":"login_ok"'* ]]; then reply=$line; break; fi
done
if [[ -n $reply ]]; then ok "server: login answered: $reply"; else fail "server: no login_ok within 5 s"; fi

# 3. The client image in terminal mode, over TLS (trusting the fingerprint the server printed), through the same
# server, says something the TCP user must see.
fingerprint=$(sed -n 's/.*fingerprint (SHA-256): \([0-9A-F:]*\).*/\1/p' "$work/server.log" | head -1)
if [[ -x $client ]]; then
  started=$(date +%s%N)
  printf '%s\n' 'hello from the image check' '/users' '/leave' |
    timeout 60 "${clean_env[@]}" "$client" --cli "127.0.0.1:$port" Probe --trust "$fingerprint" >"$work/client.log" 2>&1 || true
  no_javafx_errors "$work/client.log" "client"
  heard=""
  while IFS= read -r -t 5 line <&8; do
    if [[ $line == *'"type":"message"'* && $line == *'hello from the image check'* ]]; then heard=$line; break; fi
  done
  if grep -q 'Logged in as Probe' "$work/client.log" && [[ -n $heard ]]; then
    ok "client: terminal chat through the server in $(seconds_since "$started") s; the TCP user got: $heard"
  else
    fail "client: terminal chat did not get through; its output:"
    sed 's/^/    /' "$work/client.log"
  fi
fi
exec 8>&-

echo stop >&7
exec 7>&-
for _ in $(seq 150); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$server_pid" 2>/dev/null; then
  fail "server: still running 15 s after 'stop'"
else
  status=0
  wait "$server_pid" || status=$?
  server_pid=""
  if ((status == 0)); then ok "server: stopped cleanly"; else fail "server: exit status $status after 'stop'"; fi
fi

# 4. The windows, in a virtual display.
window_check() { # BIN TITLE NAME ARGS...
  local bin=$1 title=$2 name=$3 log=$work/$3-window.log
  shift 3
  started=$(date +%s%N)
  # fx-shot makes the display; env -i then keeps only what the app gets on a bare desktop. The title appears
  # before the first frame is painted: 5 s of settling keeps the screenshot from catching a blank window.
  if "$fx_shot" -o "$shots/$name.png" -s 5 -t "$title" -- \
      bash -c 'exec env -i PATH=/usr/bin:/bin HOME="$0" LANG=C.UTF-8 DISPLAY="$DISPLAY" "JAVA_TOOL_OPTIONS=-Duser.home=$0" "$@"' \
      "$home" "$bin" "$@" >"$log" 2>&1; then
    ok "$name: window \"$title\" appeared ($(seconds_since "$started") s with the display); screenshot target/check-image/$name.png"
  elif grep -q 'not built yet' "$log"; then
    skip "$name: the window is not in this build yet"
  else
    fail "$name: no window titled \"$title\":"
    sed 's/^/    /' "$log"
  fi
  no_javafx_errors "$log" "$name window"
}
if [[ -n $fx_shot ]]; then
  window_check "$server" "Natter Server" server --port 0 --start --data-dir "$work/window-data"
  [[ -x $client ]] && window_check "$client" "Natter" client
else
  skip "windows: pass --fx-shot PATH (or set FX_SHOT) to check them in a virtual display"
fi

if ((failures)); then
  echo "check-image: $failures check(s) failed"
  exit 1
fi
echo "check-image: all checks passed"
