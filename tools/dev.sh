#!/usr/bin/env bash
# The two commands a newcomer needs on a fresh Debian machine:
#   tools/dev.sh run   [voxprint arguments]   build, then start the app (no arguments: the desktop UI)
#   tools/dev.sh test                         install what the tests need, then run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the build and tests use: a JDK with jlink/jpackage, Maven, and for the installer
# smoke test fakeroot (jpackage --type deb) and Xvfb (a real window).
APT_PACKAGES=(openjdk-17-jdk-headless maven fakeroot xvfb xauth libgtk-3-0)

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
    exec java -jar target/voxprint.jar "$@"
    ;;
  test)
    install_missing
    exec mvn -B verify
    ;;
  *)
    echo "usage: tools/dev.sh run [args...] | tools/dev.sh test" >&2
    exit 2
    ;;
esac
