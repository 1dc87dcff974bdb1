#!/usr/bin/env bash
# Cold start of the installed launcher to the unlock window (docs/benchmarks.md, "Desktop app").
# Run inside one virtual display:  xvfb-run -a ui/src/bench/cold-start.sh [LAUNCHER] [RUNS]
# Each run: a fresh profile, settings and log directory (first run: the "create a passphrase" screen), a new JVM;
# the time is from just before exec to the log line "unlock window shown" (the window's first layout pulse), or,
# for the baseline BareWindowApp (bare-window-image.sh), to its stdout line "window shown <epoch ms>" (the same
# pulse of a bare window).
# The launcher is stopped after each run. Page cache stays warm: this is a "fresh JVM", not a "fresh boot" figure.
set -euo pipefail
launcher=${1:-packaging/target/jpackage/Parley/bin/Parley}
runs=${2:-5}
results=()
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  start=$(date +%s%3N)
  XDG_DATA_HOME=$dir/data XDG_CONFIG_HOME=$dir/config XDG_STATE_HOME=$dir/state XDG_RUNTIME_DIR=$dir \
    JAVA_TOOL_OPTIONS="-Dprism.order=sw -Duser.home=$dir" "$launcher" >"$dir/stdout" 2>/dev/null &
  pid=$!
  log=""
  bare=""
  for _ in $(seq 1 600); do
    log=$(grep -h "unlock window shown" "$dir"/state/parley/logs/*.log 2>/dev/null | head -n 1 || true)
    [[ -n $log ]] && break
    bare=$(sed -n 's/^window shown \([0-9]*\)$/\1/p' "$dir/stdout")
    [[ -n $bare ]] && break
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [[ -n $log ]]; then
    shown=$(date -d "$(cut -d' ' -f1 <<<"$log")" +%s%3N)
  elif [[ -n $bare ]]; then
    shown=$bare
  else
    echo "run $i: no window within 30 s" >&2
    exit 1
  fi
  results+=($((shown - start)))
  echo "run $i: $((shown - start)) ms"
  rm -rf "$dir"
done
sorted=($(printf '%s\n' "${results[@]}" | sort -n))
echo "median $((sorted[runs / 2])) ms of $runs (min ${sorted[0]}, max ${sorted[runs - 1]})"
