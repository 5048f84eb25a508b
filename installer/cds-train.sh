#!/bin/sh
# Writes lib/app/voxprint.jsa, the class-data archive the launcher maps at every start (about a
# tenth of a second less per command, docs/performance.md), for the installation this script sits in.
# The JVM (17) accepts such an archive only on the exact class path it was made with, so it is made
# where the app is installed: by the .deb's postinst, and by installer/build.sh for the app image.
# An archive made elsewhere and moved was refused, with a warning on every start.
# Trained on one offline embed of the small fixture model shipped beside this script, with the
# launcher's own class path and options, in a throwaway home. Without an archive the app starts
# without one, silently.
set -eu
APP="$(cd "$(dirname "$0")/.." && pwd)"   # lib/app, the launcher's $APPDIR
ROOT="$(cd "$APP/../.." && pwd)"
CFG="$APP/voxprint.cfg"
JSA="$APP/voxprint.jsa"

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

rm -f "$JSA"
env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 HF_HUB_OFFLINE=1 \
  "$ROOT/lib/runtime/bin/java" "-XX:ArchiveClassesAtExit=$JSA" "-Duser.home=$home" "-Djava.io.tmpdir=$home" \
  "$@" -cp "$classpath" "$main" \
  embed --model "$APP/cds/ecapa2-fixture.pt" --db "$home/cds.db" "$APP/cds/alice-1.wav" >/dev/null
[ -s "$JSA" ]
chmod 644 "$JSA"
