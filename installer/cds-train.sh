#!/bin/sh
# Writes the class-data archives the launcher maps at every start, for the installation this script
# sits in (docs/performance.md and docs/installing.md for what they save):
# - lib/app/voxprint-base.jsa, a static archive of the classes the desktop loaded at build time (the
#   list lib/app/cds/desktop.classlist: JavaFX, the sections, DJL, SQLite, ours), made here from the
#   list alone, so no window is needed;
# - lib/app/voxprint.jsa on top of it, a dynamic archive of what one offline embed of the small fixture
#   model shipped beside this script loads besides (the command line).
# The launcher names only voxprint.jsa; the JVM finds the base through the path recorded in it.
# The JVM (17) accepts such archives only on the exact class path they were made with, so they are
# made where the app is installed: by the .deb's postinst, and by installer/build.sh for the app image.
# An archive made elsewhere and moved was refused, with a warning on every start. Without a class
# list (an image built without a display) the embed's archive is made on the JDK's own. Without an
# archive the app starts without one, silently.
set -eu
APP="$(cd "$(dirname "$0")/.." && pwd)"   # lib/app, the launcher's $APPDIR
ROOT="$(cd "$APP/../.." && pwd)"
CFG="$APP/voxprint.cfg"
JSA="$APP/voxprint.jsa"
BASE="$APP/voxprint-base.jsa"
LIST="$APP/cds/desktop.classlist"

classpath="$(sed -n 's/^app\.classpath=//p' "$CFG" | sed "s#\\\$APPDIR#$APP#g" | paste -sd: -)"
main="$(sed -n 's/^app\.mainclass=//p' "$CFG")"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT

# the launcher's options, less the archive itself (the JVM cannot map and write the same one)
set --
while IFS= read -r option; do
  case "$option" in
    ''|*SharedArchiveFile*) ;;
    *) set -- "$@" "$option" ;;
  esac
done <<EOF
$(sed -n 's/^java-options=//p' "$CFG" | sed "s#\\\$APPDIR#$APP#g")
EOF

rm -f "$JSA" "$BASE"
on_base=""
if [ -s "$LIST" ]; then
  # classes of the list missing here (the build's own tools) are skipped with a warning, not an error
  if env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 "$ROOT/lib/runtime/bin/java" -Xshare:dump \
       "-XX:SharedClassListFile=$LIST" "-XX:SharedArchiveFile=$BASE" "$@" -cp "$classpath" >"$home/dump.log" 2>&1 \
     && [ -s "$BASE" ]; then
    chmod 644 "$BASE"
    on_base="-XX:SharedArchiveFile=$BASE"
  else
    echo "cds-train: no desktop archive: $(tail -3 "$home/dump.log")" >&2
    rm -f "$BASE"
  fi
fi
env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 HF_HUB_OFFLINE=1 \
  "$ROOT/lib/runtime/bin/java" ${on_base:+"$on_base"} "-XX:ArchiveClassesAtExit=$JSA" "-Duser.home=$home" "-Djava.io.tmpdir=$home" \
  "$@" -cp "$classpath" "$main" \
  embed --model "$APP/cds/ecapa2-fixture.pt" --db "$home/cds.db" "$APP/cds/alice-1.wav" >/dev/null
[ -s "$JSA" ]
chmod 644 "$JSA"
