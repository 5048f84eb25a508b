#!/usr/bin/env bash
# Smoke test of the installers: runs the app image (and, where possible, the installed .deb) the way
# a user would, and checks that it works without a JDK, a network or anything in the user's home,
# and that it never writes into its own install folder.
#
# Usage: installer/smoke-test.sh [--rebuild] [--no-deb]
#   --rebuild  rebuild the installers even if target/installer already holds them
#   --no-deb   skip installing the .deb (it is also skipped without root or sudo, apt-get and dpkg)
# Needs (installed here when missing and possible): xvfb xauth libgtk-3-0 x11-utils fakeroot libxtst6
# Exit code 0 when every check passed; every failed check prints one "FAIL" line.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/target/installer"
IMAGE="$OUT/image/voxprint"
FIXTURE_MODEL="$ROOT/src/test/resources/model/ecapa2-fixture.pt"
REBUILD=0
WITH_DEB=1
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    --no-deb) WITH_DEB=0 ;;
    *) echo "usage: installer/smoke-test.sh [--rebuild] [--no-deb]" >&2; exit 2 ;;
  esac
done

failures=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
note() { echo "NOTE $*"; }
section() { echo; echo "== $*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO="none"; fi
fi

# --- Tools ---------------------------------------------------------------------------------------
section "tools"
APT_PACKAGES=(xvfb xauth libgtk-3-0 x11-utils fakeroot libxtst6)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$SUDO" = none ] || ! command -v apt-get >/dev/null; then
    note "missing Debian packages ${missing[*]} and no way to install them"
  else
    echo "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}" >/dev/null
  fi
fi

# --- Build (or take) the installers ----------------------------------------------------------------
section "installers"
deb_file() { ls "$OUT"/voxprint_*.deb 2>/dev/null | head -1; }
if [ "$REBUILD" = 1 ] || [ ! -x "$IMAGE/bin/voxprint" ] || [ "$ROOT/target/voxprint.jar" -nt "$IMAGE/bin/voxprint" ] \
   || { [ "$WITH_DEB" = 1 ] && [ -z "$(deb_file)" ]; }; then
  [ -f "$ROOT/target/voxprint.jar" ] || mvn -B -q package -DskipTests
  types=(app-image)
  if [ "$WITH_DEB" = 1 ] && command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null; then types+=(deb); fi
  # A quick zstd package for the test; release builds (mvn -Pinstaller) keep dpkg's smaller xz.
  DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-zstd}" DPKG_DEB_COMPRESSOR_LEVEL="${DPKG_DEB_COMPRESSOR_LEVEL:-9}" \
    installer/build.sh "${types[@]}"
else
  echo "using the installers already in $OUT"
fi
[ -x "$IMAGE/bin/voxprint" ] || { fail "no app image at $IMAGE"; exit 1; }
echo "app image: $(du -sm "$IMAGE" | cut -f1) MB"
[ -n "$(deb_file)" ] && echo ".deb: $(du -m "$(deb_file)" | cut -f1) MB ($(basename "$(deb_file)"))"

SCRATCH="$(mktemp -d /tmp/voxprint-smoke.XXXXXX)"
trap 'rm -rf "$SCRATCH"' EXIT
TOOLS="$SCRATCH/tools"
javac -d "$TOOLS" -cp "$IMAGE/lib/app/lib/*" installer/tools/InstallProbe.java installer/tools/ScreenShot.java

# A network cut: a fresh network namespace has only a down loopback.
OFFLINE=()
if [ "$(id -u)" -eq 0 ] && unshare -n true 2>/dev/null; then
  OFFLINE=(unshare -n)
elif unshare -rn true 2>/dev/null; then
  OFFLINE=(unshare -rn)
else
  note "unshare cannot cut the network here; the offline checks run with the network on"
fi

listing() { find "$1" -printf '%p %s %T@ %m\n' | sort; }

# Runs every check against one installation: $1 its root folder, $2 the command a user types.
check_install() {
  local root="$1" launcher="$2" label="$3"
  local appdir="$root/lib/app"
  local before="$SCRATCH/$label.before" after="$SCRATCH/$label.after"
  listing "$root" > "$before"

  section "$label: command line"
  local out
  if out="$("$launcher" --help 2>&1)" && grep -q "Usage: voxprint" <<<"$out"; then
    pass "$label: '$launcher --help' prints the usage"
  else
    fail "$label: '$launcher --help' failed: $out"
  fi
  # nothing but the version: a JVM warning here (a refused class-data archive) shows on every start
  if out="$("$launcher" --version 2>&1)" && [[ "$out" =~ ^voxprint\ [0-9][^[:space:]]*$ ]]; then
    pass "$label: '$launcher --version' prints '$out' and nothing else"
  else
    fail "$label: '$launcher --version' printed more than its version, or failed: $out"
  fi
  # -Xshare:on turns a class-data archive the JVM cannot use (or a missing one) into a failed start
  if out="$(JAVA_TOOL_OPTIONS=-Xshare:on "$launcher" --version 2>&1)" && grep -q "^voxprint " <<<"$out"; then
    pass "$label: the launcher maps its class-data archive (-Xshare:on)"
  else
    fail "$label: the class-data archive is missing or unusable here: $out"
  fi
  # the desktop's archive underneath, made at install from the class list the build recorded
  if [ -s "$appdir/cds/desktop.classlist" ]; then
    if out="$(JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:cds=info" "$launcher" --version 2>&1)" \
       && grep -q "Opened archive .*/voxprint-base.jsa" <<<"$out"; then
      pass "$label: the launcher maps the desktop's class-data archive ($(du -m "$appdir/voxprint-base.jsa" | cut -f1) MB, $(wc -l < "$appdir/cds/desktop.classlist") classes listed)"
    else
      fail "$label: the desktop's class-data archive is missing or not mapped: $(grep -i 'cds' <<<"$out" | tail -3)"
    fi
  else
    note "$label: no desktop class list in the build (made only where xvfb-run is available)"
  fi

  section "$label: main window under Xvfb"
  if command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null; then
    local home="$SCRATCH/$label-gui-home" shot="$OUT/smoke-$label-window.png"
    mkdir -p "$home"
    local gui_log="$SCRATCH/$label-gui.log"
    # The app starts with no arguments; the waiting, the screenshot and the close run on the same
    # X display. user.home follows HOME only through JAVA_TOOL_OPTIONS (Java reads the passwd entry).
    # The window is matched by its name: the launcher's own 10x10 window has "Voxprint" only as class.
    if HOME="$home" XDG_CACHE_HOME="$home/.cache" JAVA_TOOL_OPTIONS="-Duser.home=$home" \
       timeout 180 xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
         "$1" > "$2.app" 2>&1 & app=$!
         for i in $(seq 1 120); do
           xwininfo -root -tree | grep -q "0x[0-9a-f]* \"Voxprint\":" && break
           kill -0 $app 2>/dev/null || break
           sleep 0.5
         done
         xwininfo -root -tree | grep "0x[0-9a-f]* \"Voxprint\":" || { echo "no Voxprint window"; kill $app 2>/dev/null; exit 3; }
         sleep 2
         echo "allocator: $(tr "\0" "\n" < "/proc/$app/environ" | grep "^MALLOC_ARENA_MAX=")"
         "$3/bin/java" -cp "$4" ScreenShot "$5" 20; shot=$?
         # Ended as a desktop session ends it, once libtorch is loaded: next to the libLLVM that GTK
         # brings in, the C library'"'"'s exit handlers aborted the process (status 134, "free(): invalid
         # pointer") until the desktop learned to end without them.
         for i in $(seq 1 120); do grep -q libtorch_cpu "/proc/$app/maps" 2>/dev/null && break; sleep 0.5; done
         kill $app; wait $app; status=$?
         [ $shot -eq 0 ] || exit $shot
         [ $status -eq 143 ] || { echo "the desktop ended with status $status on SIGTERM, not 143"; exit 4; }' _ "$launcher" "$gui_log" "$root/lib/runtime" "$TOOLS" "$shot" > "$gui_log" 2>&1; then
      pass "$label: a 'Voxprint' window appeared and painted ($(grep -o '[0-9.]*% painted' "$gui_log")), and ended with status 143 on SIGTERM; screenshot $shot"
    else
      fail "$label: the main window did not appear or stayed blank: $(tail -5 "$gui_log" "$gui_log.app" 2>/dev/null)"
    fi
    if grep -q "^allocator: MALLOC_ARENA_MAX=2$" "$gui_log"; then
      pass "$label: the launcher starts the desktop with two allocation arenas (MALLOC_ARENA_MAX=2)"
    else
      fail "$label: the desktop did not start with MALLOC_ARENA_MAX=2: $(grep '^allocator:' "$gui_log")"
    fi
    if [ -e "$home/.openjfx" ]; then
      fail "$label: JavaFX unpacked its native libraries into ~/.openjfx"
    else
      pass "$label: JavaFX loaded its native libraries from the install (no ~/.openjfx)"
    fi
  else
    fail "$label: xvfb-run or xwininfo missing (apt-get install xvfb xauth x11-utils)"
  fi

  section "$label: offline, empty home"
  local home="$SCRATCH/$label-cli-home" tmp="$SCRATCH/$label-cli-tmp"
  mkdir -p "$home" "$tmp"
  local env=(env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8
             JAVA_TOOL_OPTIONS="-Duser.home=$home -Djava.io.tmpdir=$tmp")
  if out="$("${OFFLINE[@]}" "${env[@]}" "$launcher" --help 2>&1)" && grep -q "Usage: voxprint" <<<"$out"; then
    pass "$label: '--help' works offline with an empty home"
  else
    fail "$label: '--help' offline with an empty home failed: $out"
  fi

  # The native runtime (libtorch via DJL, SQLite, JNA) with the launcher's own JVM options.
  local opts=()
  while IFS= read -r o; do opts+=("${o//\$APPDIR/$appdir}"); done < <(sed -n 's/^java-options=//p' "$appdir/voxprint.cfg")
  if out="$("${OFFLINE[@]}" "${env[@]}" "$root/lib/runtime/bin/java" "${opts[@]}" \
             -cp "$TOOLS:$appdir/voxprint.jar:$appdir/lib/*" InstallProbe 2>&1)"; then
    pass "$label: native runtime loads from the install: $(grep '^OK' <<<"$out" | tr '\n' ';')"
  else
    fail "$label: native runtime check failed: $out"
  fi

  local wav
  wav="$(find "$ROOT/src/test/resources" -name '*.wav' 2>/dev/null | sort | head -1)"
  if [ -f "$FIXTURE_MODEL" ] && [ -n "$wav" ]; then
    if out="$("${OFFLINE[@]}" "${env[@]}" "$launcher" embed --model "$FIXTURE_MODEL" "$wav" 2>&1)"; then
      pass "$label: 'voxprint embed --model $(basename "$FIXTURE_MODEL") $(basename "$wav")' works offline: $(head -c 120 <<<"$out")"
    else
      fail "$label: 'voxprint embed' offline failed: $out"
    fi
  else
    note "$label: embed check skipped: needs $FIXTURE_MODEL and a .wav under src/test/resources (not in the repository yet)"
  fi

  # What the runs left in the empty home: only Voxprint's own user folders are allowed.
  local stray
  stray="$(cd "$home" && find . -mindepth 1 \( -type f -o -type l \) | grep -v -E \
    '^\./\.local/(share|state)/voxprint/|^\./\.config/voxprint/|^\./\.cache/(huggingface|voxprint)/' || true)"
  if [ -z "$stray" ]; then
    pass "$label: the home folder holds only Voxprint's own folders: $(cd "$home" && find . -type f | tr '\n' ' ')"
  else
    fail "$label: files outside Voxprint's user folders: $stray"
  fi
  if [ -z "$(ls -A "$tmp")" ]; then
    pass "$label: nothing was unpacked into java.io.tmpdir"
  else
    fail "$label: files in java.io.tmpdir: $(ls -A "$tmp")"
  fi

  listing "$root" > "$after"
  if diff -q "$before" "$after" >/dev/null; then
    pass "$label: nothing under $root was created, changed or removed"
  else
    fail "$label: the install folder changed: $(diff "$before" "$after" | head -10)"
  fi
}

check_install "$IMAGE" "$IMAGE/bin/voxprint" app-image

# --- The Debian package, installed for real ---------------------------------------------------------
section "deb"
deb="$(deb_file)"
if [ "$WITH_DEB" = 0 ]; then
  note "deb checks skipped (--no-deb)"
elif [ -z "$deb" ]; then
  note "deb checks skipped: no .deb was built (needs fakeroot and dpkg-deb)"
elif [ "$SUDO" = none ] || ! command -v apt-get >/dev/null || ! command -v dpkg >/dev/null; then
  note "deb checks skipped: installing needs root (or sudo), apt-get and dpkg"
else
  if dpkg-query -W -f='${Status}' voxprint 2>/dev/null | grep -q "install ok installed"; then
    note "removing a voxprint package that was already installed"
    $SUDO apt-get remove -y -q voxprint >/dev/null
  fi
  start=$(date +%s)
  if DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$(readlink -f "$deb")" > "$SCRATCH/apt.log" 2>&1; then
    pass "deb: 'apt-get install ./$(basename "$deb")' took $(( $(date +%s) - start ))s; installed size $(du -sm /opt/voxprint | cut -f1) MB"
    [ -L /usr/bin/voxprint ] && pass "deb: /usr/bin/voxprint -> $(readlink /usr/bin/voxprint)" || fail "deb: /usr/bin/voxprint missing"
    desktop="$(ls /usr/share/applications/*voxprint*.desktop 2>/dev/null | head -1)"
    [ -n "$desktop" ] && pass "deb: menu entry $desktop" || fail "deb: no menu entry in /usr/share/applications"
    check_install /opt/voxprint /usr/bin/voxprint installed
    if $SUDO apt-get remove -y -q voxprint > "$SCRATCH/apt-remove.log" 2>&1 \
       && [ ! -e /opt/voxprint ] && [ ! -e /usr/bin/voxprint ] && [ ! -e "${desktop:-/nonexistent}" ]; then
      pass "deb: 'apt-get remove voxprint' removed /opt/voxprint, /usr/bin/voxprint and the menu entry"
    else
      fail "deb: removal left files behind: $(ls -d /opt/voxprint /usr/bin/voxprint "${desktop:-}" 2>/dev/null)"
    fi
    $SUDO dpkg --purge voxprint >/dev/null 2>&1 || true
  else
    fail "deb: apt-get install failed: $(tail -5 "$SCRATCH/apt.log")"
  fi
fi

echo
if [ "$failures" -eq 0 ]; then
  echo "smoke test passed"
else
  echo "smoke test: $failures check(s) failed"
  exit 1
fi
