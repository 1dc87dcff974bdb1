#!/usr/bin/env bash
# Idle memory of an installed Parley against a bare JavaFX window packaged the same way (docs/benchmarks.md,
# "Desktop app"). Needs the bench classes and data of the checkout build first:
#   cd ui && xvfb-run -a mvn -B -q -o -Pbench test-compile exec:exec -Dbench.rounds=1   (makes target/bench/data)
#   xvfb-run -a -s "-screen 0 1280x800x24" ui/src/bench/packaged-memory.sh [ROUNDS] [PARLEY_DIR]
# PARLEY_DIR (default /opt/parley-im) is an installed Parley with its AppCDS archive. Per round, alternating:
#   bare       BareWindowProbe in the bare-window image (bare-window-image.sh: Parley's runtime and JavaFX jars)
#   unlock     the real launcher, fresh profile, 3 s after "unlock window shown" (the first-run screen)
#   unlocked   DesktopProbe "startup" on the bench profile (500 contacts, 10k messages): idle RSS after unlock,
#              and after opening and closing 100 chats
# each Parley figure with the archive and with it moved aside. The probes run through twin launchers
# (bin/parley-probe and its .cfg: Parley's class path plus the bench jar appended, which the archive accepts),
# removed again at the end. PARLEY_OPTS="..." adds JVM options to every Parley run (to try flags); MODES=cds
# skips the runs without the archive;
# HOLD=SECONDS keeps each probe idle that long and saves jcmd's Thread.print and VM.native_memory (Parley's
# need -XX:NativeMemoryTracking=summary in PARLEY_OPTS) and pmap -x to ui/target/bench/memory/.
set -euo pipefail
rounds=${1:-3}
parley=$(readlink -f "${2:-/opt/parley-im}")
here=$(dirname "$(readlink -f "$0")")
ui=$(readlink -f "$here/../..")
data=$ui/target/bench/data/contacts-profile
keep=$ui/target/bench/memory
jdk=$(dirname "$(readlink -f "$(command -v javac)")")
archive=$parley/lib/app/parley.jsa
[[ -d $ui/target/test-classes/org/parley/uibench && -d $data ]] \
  || { echo "packaged-memory.sh: build the bench classes and data first (see the header)." >&2; exit 1; }
[[ -s $archive ]] || { echo "packaged-memory.sh: $archive is missing." >&2; exit 1; }
work=$(mktemp -d)
mkdir -p "$keep"
cleanup() {
  [[ -e $work/parley.jsa ]] && mv "$work/parley.jsa" "$archive"
  rm -f "$parley/bin/parley-probe" "$parley/lib/app/parley-probe.cfg" "$bare_dir/bin/bare-probe" \
    "$bare_dir/lib/app/bare-probe.cfg"
  rm -rf "$work"
}
bare_dir=$work/BareWindow
trap cleanup EXIT

"$jdk/jar" --create --file "$work/uibench.jar" -C "$ui/target/test-classes" org/parley/uibench
"$here/bare-window-image.sh" "$parley" "$bare_dir" >/dev/null
twin() { # IMAGE NAME MAINCLASS: a launcher IMAGE/bin/NAME running MAINCLASS with the bench jar appended
  local cfg
  cfg=$(ls "$1"/lib/app/*.cfg | grep -v probe | head -n 1)
  cp "$1/bin/$(basename "$cfg" .cfg)" "$1/bin/$2"
  sed "s|^app.mainclass=.*|app.mainclass=$3|" "$cfg" >"$work/cfg"
  # the bench jar goes after the last class path entry, so the archive's class path stays a prefix
  awk -v jar="$work/uibench.jar" 'FNR == NR { if (/^app.classpath=/) last = FNR; next }
    { print } FNR == last { print "app.classpath=" jar }' "$work/cfg" "$work/cfg" >"$1/lib/app/$2.cfg"
}
twin "$parley" parley-probe org.parley.uibench.DesktopProbe
twin "$bare_dir" bare-probe org.parley.uibench.BareWindowProbe

field() { sed -n "s/.*[ ]$1=\([0-9]*\).*/\1/p" <<<" ${2#RESULT }"; }
declare -A kib
note() { # NAME KIB
  kib[$1]+="$2 "
  printf '%-34s %8d KiB   load %s\n' "$1" "$2" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
unlock() { # NAME: the real launcher up to its unlock window, then its RSS and thread count after 3 s
  local dir pid threads
  dir=$(mktemp -d)
  XDG_DATA_HOME=$dir/data XDG_CONFIG_HOME=$dir/config XDG_STATE_HOME=$dir/state XDG_RUNTIME_DIR=$dir \
    JAVA_TOOL_OPTIONS="-Dprism.order=sw -Duser.home=$dir ${PARLEY_OPTS:-}" "$parley/bin/Parley" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -qh "unlock window shown" "$dir"/state/parley/logs/*.log 2>/dev/null && break
    sleep 0.05
  done
  sleep 3
  threads=$(ls /proc/$pid/task | wc -l)
  note "$1" "$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' /proc/$pid/status)"
  echo "  threads: $threads"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
probe() { # NAME LAUNCHER ARGS...: a probe's RESULT line
  local name=$1 out pid
  shift
  out=$work/$name.out
  JAVA_TOOL_OPTIONS="-Dprism.order=sw -XX:SoftRefLRUPolicyMSPerMB=0 -Dparley.log.dir=$work/logs ${PROBE_JVM:-}" \
    "$@" >"$out" 2>"$work/$name.err" &
  pid=$!
  if [[ -n ${HOLD:-} ]]; then
    until grep -q '^IDLE' "$out" || ! kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    echo "  threads: $(ls /proc/$pid/task | wc -l)"
    "$jdk/jcmd" "$pid" Thread.print >"$keep/$name.threads.txt" 2>&1 || true
    "$jdk/jcmd" "$pid" VM.native_memory summary >"$keep/$name.nmt.txt" 2>&1 || true
    pmap -x "$pid" >"$keep/$name.pmap.txt" 2>&1 || true
    "$jdk/jcmd" "$pid" GC.class_histogram >"$keep/$name.histo.txt" 2>&1 || true
    [[ -n ${DUMP:-} ]] && { "$jdk/jcmd" "$pid" GC.heap_dump "$keep/$name.hprof" >/dev/null 2>&1 || true; }
  fi
  wait "$pid" || { cat "$work/$name.err" >&2; echo "packaged-memory.sh: $name failed" >&2; exit 1; }
  grep '^RESULT' "$out"
}
for r in $(seq 1 "$rounds"); do
  bare_hold=""
  [[ -n ${HOLD:-} ]] && bare_hold="-Dprobe.hold=$HOLD"
  result=$(PROBE_JVM="$bare_hold" probe bare "$bare_dir/bin/bare-probe")
  note bare "$(field rss "$result")"
  for mode in ${MODES:-cds nocds}; do
    [[ $mode == nocds ]] && mv "$archive" "$work/parley.jsa"
    unlock "unlock/$mode"
    hold=()
    [[ -n ${HOLD:-} ]] && hold=("-Dprobe.hold=$HOLD")
    result=$(PROBE_JVM="${PARLEY_OPTS:-} ${hold[*]}" probe "unlocked-$mode" "$parley/bin/parley-probe" startup "$data")
    note "unlocked/$mode" "$(field rss "$result")"
    note "unlocked/$mode after 100 chats" "$(field rssAfterChats "$result")"
    [[ $mode == nocds ]] && mv "$work/parley.jsa" "$archive"
  done
done
median() { printf '%s\n' $1 | sort -n | sed -n "$(( ($(wc -w <<<"$1") + 1) / 2 ))p"; }
b=$(median "${kib[bare]}")
for name in bare unlock/cds unlock/nocds unlocked/cds unlocked/nocds "unlocked/cds after 100 chats" \
  "unlocked/nocds after 100 chats"; do
  [[ -n ${kib[$name]:-} ]] || continue
  m=$(median "${kib[$name]}")
  printf 'median %-32s %4d MB  ratio to bare %.2f   [%s]\n' "$name" "$((m / 1024))" "$(bc -l <<<"$m / $b")" \
    "$(printf '%s\n' ${kib[$name]} | sort -n | paste -sd' ')"
done
