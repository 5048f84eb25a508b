#!/usr/bin/env bash
# Reproduces the user guide's screenshots (docs/images/*.png) from the real application in a real
# X window under Xvfb: the fixture model, a fresh temporary database with three enrolled voices
# (src/test/resources/e2e/*.wav) and the test microphone that plays a recording. The driver is the
# test-scope class io.voxprint.ui.ScreenshotTour; nothing in the application itself is special.
#
# Needs: xvfb-run (apt-get install xvfb xauth libgtk-3-0), Maven with the project's dependencies.
# Usage: tools/screenshots.sh [OUT_DIR]   (default docs/images)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-docs/images}"

mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/screenshots.classpath
CP="target/classes:target/test-classes:$(cat target/screenshots.classpath)"

CACHE="$(mktemp -d)"
trap 'rm -rf "$CACHE"' EXIT
# Mesa and JavaFX caches go to a throw-away folder; DJL never goes online.
export XDG_CACHE_HOME="$CACHE" DJL_OFFLINE=true OPT_OUT_TRACKING=true

xvfb-run -a -s "-screen 0 1920x1080x24" \
  java -Xmx2g -Dprism.order=sw -Dprism.lcdtext=false -Dai.djl.offline=true -Dai.djl.pytorch.graph_optimizer=false \
       -Dvoxprint.test.resources=src/test/resources \
       -cp "$CP" io.voxprint.ui.ScreenshotTour "$OUT"

# Keep the files small: quantise to a palette when pngquant is there (optional).
if command -v pngquant >/dev/null; then
  pngquant --force --skip-if-larger --ext .png --quality 80-95 "$OUT"/*.png || true
fi
ls -l "$OUT"/*.png
