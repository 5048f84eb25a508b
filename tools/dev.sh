#!/usr/bin/env bash
# The two commands a newcomer needs on a fresh Debian machine:
#   tools/dev.sh run   [voxprint arguments]   build, then start the app (no arguments: the desktop UI)
#   tools/dev.sh test                         install what the tests need, run every test (mvn -B verify),
#                                             then build the installers and smoke-test them
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the build and tests use: a JDK with jlink/jpackage, Maven, numpy (a store test reads
# an exported .npy back with Python), and for the installer smoke test fakeroot and binutils
# (jpackage --type deb, strip), Xvfb and X tools (a real window), and the PostgreSQL server whose
# throwaway clusters the store tests start; Python torch, torchaudio and scipy build the LibriSpeech
# speaker model and the test conversations of the who-spoke-when tests and compute their DER reference;
# a D-Bus daemon, GNOME Keyring and secret-tool give the keyring test a desktop keyring of its own.
APT_PACKAGES=(openjdk-17-jdk-headless maven python3-numpy fakeroot binutils xvfb xauth x11-utils libgtk-3-0 libxtst6
  postgresql-15 python3-torch python3-torchaudio python3-scipy dbus-daemon gnome-keyring libsecret-tools)

install_missing() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
  fi
}

case "${1:-}" in
  run)
    shift
    install_missing
    [ -f target/voxprint.jar ] || mvn -B -q package -DskipTests
    # the installed launcher's JVM options (heap, memory, compiler), so that the desktop starts as installed
    mapfile -t options < <(grep -v -e '^#' -e '^[[:space:]]*$' installer/jvm-options)
    # and its allocator setting (installer/launcher.sh)
    MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" exec java "${options[@]}" -jar target/voxprint.jar "$@"
    ;;
  test)
    install_missing
    mvn -B verify
    # The installer as a user gets it: app image and .deb, offline, empty home, a real window.
    exec installer/smoke-test.sh --rebuild
    ;;
  *)
    echo "usage: tools/dev.sh run [args...] | tools/dev.sh test" >&2
    exit 2
    ;;
esac
