#!/usr/bin/env bash
# The app's AppCDS archive (docs/packaging.md, "AppCDS"). JDK 17 checks an archive against the absolute paths of
# the class path it was made with, so the archive is made where the app lives: in the app-image at build time, and
# by the .deb's postinst at /opt/parley-im. What the build records is the class list, which is path-free.
#
#   cds.sh record IMAGE   one --self-test of the image (first-run screen, main window, shutdown) with
#                         -XX:DumpLoadedClassList; writes IMAGE/lib/app/parley.classlist. Needs a display:
#                         uses $DISPLAY when set, otherwise xvfb-run.
#   cds.sh dump IMAGE     a static archive of the listed classes: IMAGE/lib/app/parley.jsa, the file the
#                         launcher maps (Parley.cfg: -XX:SharedArchiveFile=$APPDIR/parley.jsa). No display.
#
# Both run the image's own launcher, so the class path is exactly the one the app starts with. The default
# rendering pipeline is left alone: under Xvfb ES2 is tried and falls back to software, so both are listed.
# Exit 1 with one sentence on stderr (and the run's output) on failure.
set -euo pipefail
command=${1:?usage: cds.sh record|dump IMAGE}
image=${2:?usage: cds.sh record|dump IMAGE}
app=$image/lib/app
fail() {
  echo "cds.sh: $1" >&2
  exit 1
}
[[ -x $image/bin/Parley ]] || fail "$image/bin/Parley is not a launcher."
started=$SECONDS

case $command in
  record)
    display=()
    if [[ -z ${DISPLAY:-} ]]; then
      command -v xvfb-run >/dev/null \
        || fail "recording the class list needs a display: install xvfb, or build with -Dparley.cds.skip=true."
      display=(xvfb-run -a -s "-screen 0 1280x800x24")
    fi
    # A stale archive would be mapped during the run; the list must not depend on it.
    rm -f "$app/parley.jsa" "$app/parley.classlist"
    if ! out=$(JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$app/parley.classlist" timeout 180 \
      "${display[@]}" "$image/bin/Parley" --self-test 2>&1) || ! grep -q 'self-test passed' <<<"$out"; then
      echo "$out" >&2
      fail "the recording run (--self-test) failed."
    fi
    [[ -s $app/parley.classlist ]] || fail "the recording run wrote no $app/parley.classlist."
    echo "cds.sh: recorded $(grep -vc '^#' "$app/parley.classlist") classes in $((SECONDS - started)) s"
    ;;
  dump)
    [[ -s $app/parley.classlist ]] || fail "$app/parley.classlist is missing (cds.sh record)."
    rm -f "$app/parley.jsa"
    # Classes from signed jars (Bouncy Castle) are skipped with a warning: they load from the jar as before.
    if ! out=$(JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/parley.classlist -Xlog:cds=error" \
      "$image/bin/Parley" 2>&1) || [[ ! -s $app/parley.jsa ]]; then
      echo "$out" >&2
      fail "the archive could not be made."
    fi
    echo "cds.sh: dumped $(du -h "$app/parley.jsa" | cut -f1) lib/app/parley.jsa in $((SECONDS - started)) s"
    ;;
  *) fail "unknown command $command (record or dump)." ;;
esac
