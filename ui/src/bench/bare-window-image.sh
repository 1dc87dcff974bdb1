#!/usr/bin/env bash
# Packages BareWindowApp like Parley, for a fair cold-start baseline (docs/benchmarks.md, "Desktop app"):
#   ui/src/bench/bare-window-image.sh [PARLEY_IMAGE] [OUT]
# PARLEY_IMAGE (default packaging/target/jpackage/Parley, or an installed /opt/parley-im): its runtime
# (jpackage --runtime-image) and its JavaFX jars (lib/app/javafx-*.jar) are used as they are, so the baseline
# differs from Parley only in the app. No AppCDS archive unless -c is given first: then the same recording
# (-XX:DumpLoadedClassList over one start) and static dump as packaging/src/cds/cds.sh, mapped from $APPDIR.
# Writes OUT (default ui/target/bench/BareWindow) with the launcher OUT/bin/BareWindow.
set -euo pipefail
cds=false
if [[ ${1:-} == -c ]]; then
  cds=true
  shift
fi
parley=$(readlink -f "${1:-packaging/target/jpackage/Parley}")
out=$(readlink -m "${2:-ui/target/bench/BareWindow}")
src=$(dirname "$(readlink -f "$0")")/java/org/parley/uibench/BareWindowApp.java
jdk=$(dirname "$(readlink -f "$(command -v javac)")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/input" "$work/classes"
cp "$parley"/lib/app/javafx-*.jar "$work/input/"
"$jdk/javac" -d "$work/classes" -cp "$(ls "$parley"/lib/app/javafx-*.jar | paste -sd:)" "$src"
"$jdk/jar" --create --file "$work/input/bare-window.jar" -C "$work/classes" .
rm -rf "$out"
options=()
$cds && options=(--java-options "-XX:SharedArchiveFile=\$APPDIR/bare.jsa")
"$jdk/jpackage" --type app-image --dest "$(dirname "$out")" --name "$(basename "$out")" \
  --input "$work/input" --main-jar bare-window.jar --main-class org.parley.uibench.BareWindowApp \
  --runtime-image "$parley/lib/runtime" "${options[@]}"
launcher=$out/bin/$(basename "$out")
if $cds; then
  list=$out/lib/app/bare.classlist
  # One start under the current display; stopped once the window is shown.
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list" "$launcher" >"$work/stdout" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q '^window shown' "$work/stdout" && break
    sleep 0.05
  done
  sleep 1 # let the first frames finish before the list is closed by the kill
  kill "$pid"
  wait "$pid" || true
  JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$list -Xlog:cds=error" "$launcher" >/dev/null
fi
echo "$launcher"
