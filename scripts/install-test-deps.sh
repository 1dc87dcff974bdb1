#!/usr/bin/env bash
# Installs what Parley's build and tests need on Debian 12, if anything is missing:
#   kamailio + presence/sqlite/tls/xml modules  real SIP server of the integration tests
#   sqlite3, openssl                             its test database and TLS certificate
#   openjdk-17-jdk-headless, maven               the build
#   sip-tester (SIPp)                            the benchmarks
#   xvfb, libgtk-3-0, fonts (DejaVu, WenQuanYi   the desktop app's screenshots, self-test and UI
#     Micro Hei, Symbola)                          benchmarks on a virtual display; CJK and emoji glyphs
#   librsvg2-bin, binutils, fakeroot,            icons (IconsTest re-renders the SVGs), jpackage's
#     desktop-file-utils                           runtime image and .deb, the .desktop file check
#   pulseaudio, pulseaudio-utils,                virtual microphones and speakers (null sinks) for the
#     libasound2-plugins, alsa-utils               real Java Sound path of the call tests
#   espeak-ng, sox                               speech test audio for the call tests
#   baresip                                      a real SIP phone for call interop tests
# Idempotent, and fast (no apt at all) when everything is present. As root it runs
# apt-get update and ONE apt-get install; otherwise it prints that command and exits 1.
set -euo pipefail

missing=()

installed() { # PACKAGE: dpkg knows it as installed
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]
}

kamailio_module() { # NAME.so: found in a Kamailio module directory
  compgen -G "/usr/lib/*/kamailio/modules/$1" >/dev/null || compgen -G "/usr/local/lib*/kamailio/modules/$1" >/dev/null
}

program() { # NAME: an executable on PATH or in an sbin directory
  command -v "$1" >/dev/null || [[ -x "/usr/sbin/$1" || -x "/usr/local/sbin/$1" ]]
}

jdk17() { # a JDK (javac) of version 17 or later on PATH
  program javac && [[ "$(javac -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')" -ge 17 ]]
}

need() { # PACKAGE CHECK...: PACKAGE is missing unless it is installed or CHECK succeeds
  local package=$1
  shift
  installed "$package" || "$@" || missing+=("$package")
}

need kamailio                  program kamailio
need kamailio-presence-modules kamailio_module presence.so
need kamailio-sqlite-modules   kamailio_module db_sqlite.so
need kamailio-tls-modules      kamailio_module tls.so
need kamailio-xml-modules      kamailio_module presence_xml.so
need sqlite3                   program sqlite3
need openssl                   program openssl
need openjdk-17-jdk-headless   jdk17
need maven                     program mvn
need sip-tester                program sipp
need xvfb                      program xvfb-run
need libgtk-3-0                false
need fonts-dejavu-core         false
need fonts-wqy-microhei        false
need fonts-symbola             false
need librsvg2-bin              program rsvg-convert
need binutils                  program objcopy
need fakeroot                  program fakeroot
need desktop-file-utils        program desktop-file-validate
need pulseaudio                program pulseaudio
need pulseaudio-utils          program pactl
need libasound2-plugins        false
need alsa-utils                program aplay
need espeak-ng                 program espeak-ng
need sox                       program sox
need baresip                   program baresip

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

install=(apt-get install -y -o DPkg::Lock::Timeout=600 --no-install-recommends "${missing[@]}")
if [[ $EUID -ne 0 ]]; then
  echo "Missing test dependencies: ${missing[*]}" >&2
  echo "Install them as root with:" >&2
  echo "  apt-get update && ${install[*]}" >&2
  exit 1
fi

echo "Installing test dependencies: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# slim Debian images lack this directory and the JDK's postinst then fails
mkdir -p /usr/share/man/man1
apt-get update -o DPkg::Lock::Timeout=600
"${install[@]}"
