#!/usr/bin/env bash
# Renders the icon sources (icons/src/*.svg) to PNGs. The PNGs are committed; run this after editing an SVG
# and commit the result together with the SVG.
#
#   icons/generate.sh             writes icons/png/NAME-SIZE.png for every source and size below, the window
#                                 icons of the desktop app (ui resources, app icon only, 16..256), and
#                                 icons/png/SOURCES.sha256 (the SHA-256 of each SVG the PNGs were made from)
#   icons/generate.sh --out DIR   only renders NAME-SIZE.png into DIR (used by the packaging IconsTest to
#                                 compare against the committed PNGs)
#
# Needs rsvg-convert, Debian package librsvg2-bin (apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"

SIZES=(16 24 32 48 64 128 256 512)
WINDOW_SIZES=(16 24 32 48 64 128 256)
WINDOW_DIR=../ui/src/main/resources/org/parley/ui/icons

if ! command -v rsvg-convert >/dev/null; then
  echo "icons/generate.sh needs rsvg-convert: apt-get install librsvg2-bin" >&2
  exit 1
fi

out=png
only_render=false
if [[ $# -eq 2 && $1 == --out ]]; then
  out=$2
  only_render=true
elif [[ $# -ne 0 ]]; then
  echo "usage: icons/generate.sh [--out DIR]" >&2
  exit 2
fi
mkdir -p "$out"

for svg in src/*.svg; do
  name=$(basename "$svg" .svg)
  for size in "${SIZES[@]}"; do
    rsvg-convert --format png --width "$size" --height "$size" --keep-aspect-ratio \
      --output "$out/$name-$size.png" "$svg"
  done
done

if $only_render; then
  exit 0
fi

mkdir -p "$WINDOW_DIR"
for size in "${WINDOW_SIZES[@]}"; do
  cp "png/parley-$size.png" "$WINDOW_DIR/parley-$size.png"
done

{
  echo "# SHA-256 of the SVG sources the PNGs in this directory were rendered from (icons/generate.sh)."
  echo "# Renderer: $(rsvg-convert --version)"
  (cd src && sha256sum -- *.svg)
} > png/SOURCES.sha256
echo "icons: rendered $(ls src/*.svg | wc -l) sources at ${#SIZES[@]} sizes into icons/png"
