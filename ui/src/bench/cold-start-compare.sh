#!/usr/bin/env bash
# Cold start, installed Parley against a bare JavaFX window packaged the same way (docs/benchmarks.md, "Desktop app"):
#   xvfb-run -a -s "-screen 0 1280x800x24" ui/src/bench/cold-start-compare.sh [ROUNDS] [PARLEY_DIR]
# PARLEY_DIR (default /opt/parley-im) is an installed Parley whose postinst has made lib/app/parley.jsa. Each round
# runs, once each and in this order, cold-start.sh on: the bare window without and with its own AppCDS archive
# (bare-window-image.sh, built here from PARLEY_DIR's runtime and JavaFX jars), Parley with its archive, and Parley
# with the archive moved aside (restored afterwards). Prints every run, then the median of each with the ratios.
set -euo pipefail
rounds=${1:-5}
parley=${2:-/opt/parley-im}
here=$(dirname "$(readlink -f "$0")")
out=$(mktemp -d)
archive=$parley/lib/app/parley.jsa
[[ -s $archive ]] || { echo "cold-start-compare.sh: $archive is missing (run the postinst first)." >&2; exit 1; }
trap '[[ -e $out/parley.jsa ]] && mv "$out/parley.jsa" "$archive"; rm -rf "$out"' EXIT

bare=$("$here/bare-window-image.sh" "$parley" "$out/BareWindow" | tail -n 1)
bare_cds=$("$here/bare-window-image.sh" -c "$parley" "$out/BareWindowCds" | tail -n 1)
declare -A times
one() { # NAME LAUNCHER
  local ms
  ms=$("$here/cold-start.sh" "$2" 1 | sed -n 's/^run 1: \([0-9]*\) ms$/\1/p')
  times[$1]+="$ms "
  printf '%-22s %5d ms   load %s\n' "$1" "$ms" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
for r in $(seq 1 "$rounds"); do
  one bare "$bare"
  one bare+cds "$bare_cds"
  one parley+cds "$parley/bin/Parley"
  mv "$archive" "$out/parley.jsa"
  one parley "$parley/bin/Parley"
  mv "$out/parley.jsa" "$archive"
done
median() { printf '%s\n' $1 | sort -n | sed -n "$(( ($(wc -w <<<"$1") + 1) / 2 ))p"; }
b=$(median "${times[bare]}")
for name in bare bare+cds parley+cds parley; do
  m=$(median "${times[$name]}")
  printf 'median %-12s %5d ms  [%s]  ratio to bare %.2f\n' "$name" "$m" "$(printf '%s\n' ${times[$name]} | sort -n | paste -sd' ')" \
    "$(bc -l <<<"$m / $b")"
done
