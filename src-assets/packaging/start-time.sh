#!/usr/bin/env bash
# start-time.sh [--runs N] [--dist DIR] [--fx-shot PATH]: how long the app images in dist/ (or DIR) take from the start of the process to
# their first window on screen, N times each (default 7) after one start that is not counted, and the median.
# Each app measures itself (NATTER_START_REPORT=exit, see StartTimeReport) and ends once its window is up. The apps
# run as check-image.sh runs them: a clean environment and a scratch home folder. Without a DISPLAY the script runs
# itself again inside the screenshot tool's virtual display (--fx-shot PATH, or FX_SHOT).
# Prints one line per start and a summary, with the load average before and after (other work on the machine
# slows a start; compare figures taken at a similar load) and the processor time the start used (which that
# other work changes much less).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dist=$root/dist
runs=7
fx_shot=${FX_SHOT:-}
while (($#)); do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --dist) dist=$(cd "${2:?--dist needs a folder}" && pwd); shift 2 ;;
    --fx-shot) fx_shot=${2:?--fx-shot needs the path of the fx-shot tool}; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "start-time: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "start-time: --runs needs a whole number of at least 1" >&2; exit 2; }

if [[ -z ${DISPLAY:-} ]]; then
  [[ -n $fx_shot ]] || { echo "start-time: no DISPLAY; pass --fx-shot PATH (or set FX_SHOT) for a virtual one" >&2; exit 2; }
  exec "$fx_shot" -- bash "$0" --runs "$runs" --dist "$dist"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/natter-start.XXXXXX")
trap 'rm -rf "$work"' EXIT
home=$work/home
mkdir -p "$home"

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }

# One start: prints the two figures the app reported, "ELAPSED CPU" in milliseconds, or nothing when it did not
# report within 60 s.
start_once() { # BIN ARGS...
  local log=$work/run.log
  timeout 60 env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 DISPLAY="$DISPLAY" NATTER_START_REPORT=exit \
    "JAVA_TOOL_OPTIONS=-Duser.home=$home" "$@" >"$log" 2>&1 || true
  sed -n 's/^natter start: .* window shown \([0-9][0-9]*\) ms after the process started, processor time \([0-9][0-9]*\) ms$/\1 \2/p' \
    "$log" | head -1
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

measure() { # NAME BIN ARGS...
  local name=$1 bin=$2 figures all=() cpu=() failed=0 i
  shift 2
  if [[ ! -x $bin ]]; then
    echo "start-time: $name: $bin is missing; run ./natter package first" >&2
    return 1
  fi
  # Not counted: the first start makes the server's certificate and settings and fills the file cache.
  start_once "$bin" "$@" >/dev/null
  local before
  before=$(load)
  for ((i = 1; i <= runs; i++)); do
    figures=$(start_once "$bin" "$@")
    if [[ -n $figures ]]; then
      all+=("${figures% *}")
      cpu+=("${figures#* }")
      echo "start-time: $name: start $i: ${figures% *} ms (processor time ${figures#* } ms)"
    else
      failed=$((failed + 1))
      echo "start-time: $name: start $i: no report; its output:"
      sed 's/^/    /' "$work/run.log"
    fi
  done
  ((${#all[@]})) || return 1
  echo "start-time: $name: median $(printf '%s\n' "${all[@]}" | median) ms of ${#all[@]} starts" \
    "(min $(printf '%s\n' "${all[@]}" | sort -n | head -1), max $(printf '%s\n' "${all[@]}" | sort -n | tail -1));" \
    "processor time median $(printf '%s\n' "${cpu[@]}" | median) ms;" \
    "load average $before before, $(load) after"
  ((failed == 0))
}

status=0
measure "Natter Server" "$dist/natter-server/bin/natter-server" --port 0 --no-announce --data-dir "$work/data" || status=1
measure "Natter" "$dist/natter/bin/natter" || status=1
exit $status
