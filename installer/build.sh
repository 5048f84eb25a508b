#!/usr/bin/env bash
# Builds Voxprint's self-contained installers from what `mvn package` left in target/:
#   target/voxprint.jar + target/lib/*.jar  ->  target/installer/image/voxprint   (jpackage app image)
#                                           ->  target/installer/voxprint_<version>_amd64.deb
#
# Usage: installer/build.sh [app-image] [deb]          (default: both; Maven's -Pinstaller calls this)
# Environment:
#   VOXPRINT_PACKAGE_TYPES      the types when no argument is given, e.g. "app-image"
#   VOXPRINT_VERSION            package version (default: read from pom.xml)
#   DPKG_DEB_COMPRESSOR_TYPE    .deb compression, read by dpkg-deb (default xz; zstd is much faster)
#   DPKG_DEB_COMPRESSOR_LEVEL   its level (dpkg-deb's default when unset)
#
# What makes the result self-contained and read-only at run time:
# - jlink builds a runtime holding only the JDK modules the jars use plus JavaFX. The JavaFX .so
#   files are moved from the module jars into the runtime's lib/ folder: left inside the modules,
#   JavaFX would unpack them into ~/.openjfx/cache on every new user's first start.
# - libtorch and DJL's JNI library are unpacked here, once, into lib/app/pytorch, and the launcher
#   points DJL there (-DPYTORCH_LIBRARY_PATH, -DPYTORCH_FLAVOR=cpu, and -DENGINE_CACHE_DIR for the JNI
#   library of DJL 0.21; DJL reads each as an environment variable or a system property). The
#   pytorch-native jar and the pytorch-jni jar are then left out.
# - sqlite-jdbc's and JNA's own native libraries are moved to lib/app/native the same way.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
INSTALLER="$ROOT/installer"
# What the app ships that is not code (icon, desktop entry, package scripts, licences): resources/,
# handed over by the pom (VOXPRINT_RESOURCES), the top-level folder when run by hand.
RESOURCES="${VOXPRINT_RESOURCES:-$ROOT/resources}"
TARGET="$ROOT/target"
OUT="$TARGET/installer"
WORK="$OUT/work"
APP_NAME=voxprint
MAIN_CLASS=io.voxprint.Main
INSTALL_DIR=/opt
# Locales of the number and date formats the UI may show; the rest of jdk.localedata is dropped.
LOCALES="en,de,fr,es,it,nl,pt,pl,sv,da,nb,fi,cs"
# Modules that jdeps cannot see: reflection (Unsafe in JNA/BridJ/Jackson), JDBC, TLS with elliptic
# curves and the HTTP client for model downloads, and the trimmed locale data.
EXTRA_MODULES="jdk.unsupported,java.sql,jdk.crypto.ec,java.net.http,jdk.localedata"
FX_MODULES="javafx.base,javafx.graphics,javafx.controls,javafx.swing"

TYPES=("$@")
# shellcheck disable=SC2206  # the variable is a space-separated list
[ ${#TYPES[@]} -gt 0 ] || TYPES=(${VOXPRINT_PACKAGE_TYPES:-app-image deb})

build_start=$(date +%s)
step_start=$build_start
current=""
step() {
  local now; now=$(date +%s)
  [ -z "$current" ] || echo "[installer] $current: $((now - step_start))s"
  current="$*"
  step_start=$now
  [ -z "$current" ] || echo "[installer] $current ..."
}
die() { echo "installer/build.sh: $*" >&2; exit 1; }

if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v jlink || die "jlink not found: install a full JDK 17")")")")"
fi
for tool in jlink jpackage jdeps jar javac java; do
  [ -x "$JAVA_HOME/bin/$tool" ] || die "$JAVA_HOME/bin/$tool missing: a full JDK 17 (openjdk-17-jdk-headless) is needed"
done
[ -d "$JAVA_HOME/jmods" ] || die "$JAVA_HOME/jmods missing: jlink needs the JDK's jmods"
[ -f "$TARGET/voxprint.jar" ] && [ -d "$TARGET/lib" ] || die "run 'mvn -B package' first (target/voxprint.jar and target/lib are missing)"

VERSION="${VOXPRINT_VERSION:-$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)}"
VERSION="${VERSION%-SNAPSHOT}"

rm -rf "$OUT"
mkdir -p "$WORK"/{tools,fx,fx-native,classes,input/lib,input/pytorch,input/native,resources}
"$JAVA_HOME/bin/javac" -d "$WORK/tools" "$INSTALLER/tools/NativeSplitter.java"
split() { "$JAVA_HOME/bin/java" -cp "$WORK/tools" NativeSplitter "$@"; }

# --- 1. Sort the jars: JavaFX goes into the runtime, natives into folders, the rest onto the class path.
# The jars are those the app jar's manifest names, so stale jars of older versions left in target/lib
# by earlier builds are never shipped.
(cd "$WORK" && "$JAVA_HOME/bin/jar" xf "$TARGET/voxprint.jar" META-INF/MANIFEST.MF)
mapfile -t LIB_JARS < <(awk '/^Class-Path:/ {cp = substr($0, 13); on = 1; next}
                             on && /^ / {cp = cp substr($0, 2); next}
                             {on = 0}
                             END {print cp}' "$WORK/META-INF/MANIFEST.MF" | tr -d '\r' | tr ' ' '\n' \
                        | sed -n "s#^lib/#$TARGET/lib/#p")
[ ${#LIB_JARS[@]} -gt 0 ] || die "target/voxprint.jar's manifest has no Class-Path"
for jar in "${LIB_JARS[@]}"; do [ -f "$jar" ] || die "$jar (named in the jar's manifest) is missing: run 'mvn -B package'"; done
step "sorting ${#LIB_JARS[@]} jars"
fx_jars=()
cp_jars=()
djl_version=""
torch_version=""
for jar in "${LIB_JARS[@]}"; do
  name="$(basename "$jar")"
  case "$name" in
    javafx-*-linux.jar)
      split --optional "$jar" "$WORK/fx/$name" "$WORK/fx-native" '[^/]*\.so'
      fx_jars+=("$WORK/fx/$name") ;;
    javafx-*.jar)
      ;; # the classifier-less JavaFX jars are empty placeholders
    pytorch-native-cpu-*-linux-x86_64.jar)
      torch_version="${name#pytorch-native-cpu-}"; torch_version="${torch_version%-linux-x86_64.jar}"
      split "$jar" - "$WORK/input/pytorch" 'pytorch/cpu/linux-x86_64/[^/]+\.so[.0-9]*' ;;
    pytorch-jni-*.jar)
      split "$jar" - "$WORK/jni" 'jnilib/linux-x86_64/cpu/libdjl_torch\.so' ;;
    sqlite-jdbc-*.jar)
      split "$jar" "$WORK/input/lib/$name" "$WORK/input/native" \
        'org/sqlite/native/Linux/x86_64/libsqlitejdbc\.so' 'org/sqlite/native/.+'
      cp_jars+=("$WORK/input/lib/$name") ;;
    jna-*.jar)
      split "$jar" "$WORK/input/lib/$name" "$WORK/input/native" \
        'com/sun/jna/linux-x86-64/libjnidispatch\.so' 'com/sun/jna/[^/]+-[^/]+/.+'
      cp_jars+=("$WORK/input/lib/$name") ;;
    *)
      if [[ "$name" == api-*.jar ]]; then djl_version="${name#api-}"; djl_version="${djl_version%.jar}"; fi
      cp "$jar" "$WORK/input/lib/"
      cp_jars+=("$WORK/input/lib/$name") ;;
  esac
done
[ ${#fx_jars[@]} -gt 0 ] || die "no javafx-*-linux.jar in target/lib"
[ -f "$WORK/input/pytorch/libtorch.so" ] || die "libtorch.so was not found in the pytorch-native-cpu jar"
[ -n "$djl_version" ] || die "DJL's api-<version>.jar not found in target/lib"
[ -n "$torch_version" ] || die "pytorch-native-cpu-<version>-linux-x86_64.jar not found in target/lib"
# DJL 0.22 and later look for their JNI library beside libtorch, as <djl version>-libdjl_torch.so;
# DJL 0.21 looks in its engine cache, <ENGINE_CACHE_DIR>/pytorch/<libtorch>-cpu-linux-x86_64/, which the
# launcher points into the install folder. Both places hold it (2 MB), so the image works with either.
jni_021="$WORK/input/djl/pytorch/$torch_version-cpu-linux-x86_64"
mkdir -p "$jni_021"
cp "$WORK/jni/libdjl_torch.so" "$jni_021/$djl_version-libdjl_torch.so"
mv "$WORK/jni/libdjl_torch.so" "$WORK/input/pytorch/$djl_version-libdjl_torch.so"
cp "$TARGET/voxprint.jar" "$WORK/input/"
# What makes the class-data archives (step 5b and the .deb's postinst): installer/cds-train.sh, the
# fixture model and a short voice, in lib/app/cds (0.4 MB), and the desktop's class list (step 4c).
CDS_MODEL="$ROOT/src/test/resources/model/ecapa2-fixture.pt"
CDS_WAV="$ROOT/src/test/resources/e2e/alice-1.wav"
CDS=0
if [ "${VOXPRINT_NO_CDS:-}" != 1 ] && [ -f "$CDS_MODEL" ] && [ -f "$CDS_WAV" ]; then
  CDS=1
  mkdir -p "$WORK/input/cds"
  cp "$INSTALLER/cds-train.sh" "$CDS_MODEL" "$CDS_WAV" "$WORK/input/cds/"
fi

# The shipped libraries keep their full symbol tables (libtorch_cpu.so alone: 446 MB, 357 MB without);
# the dynamic symbols that loading needs stay.
if command -v strip >/dev/null; then
  strip --strip-unneeded "$WORK"/input/pytorch/*.so* "$WORK"/input/native/*.so "$WORK"/fx-native/*.so
else
  echo "[installer] note: 'strip' (binutils) not found; native libraries keep their symbol tables (+90 MB)"
fi

# Every bundled jar must be named in the third-party notices.
missing=()
for jar in "${LIB_JARS[@]}"; do
  artifact="$(basename "$jar" .jar | sed -E 's/-[0-9][^-]*(-[0-9][^-]*)?(-linux(-x86_64)?)?$//')"
  grep -q "$artifact\`" "$RESOURCES/legal/THIRD-PARTY-NOTICES.md" || missing+=("$artifact")
done
[ ${#missing[@]} -eq 0 ] || die "resources/legal/THIRD-PARTY-NOTICES.md does not list: ${missing[*]}"
mkdir -p "$WORK/input/legal"
cp "$RESOURCES"/legal/* "$WORK/input/legal/"

# --- 2. The JDK modules the class-path jars need (jdeps cannot read the module descriptors of some
# of these jars without their optional dependencies, so it reads their bare classes).
step "jdeps"
for jar in "$WORK/input/voxprint.jar" "${cp_jars[@]}"; do
  (cd "$WORK/classes" && "$JAVA_HOME/bin/jar" xf "$jar")
done
find "$WORK/classes" -name module-info.class -delete
rm -rf "$WORK/classes/META-INF"
jdk_modules="$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$WORK/classes" | tail -1)"
[[ "$jdk_modules" == java.base* ]] || die "jdeps failed: $jdk_modules"
modules="$(echo "$jdk_modules,$EXTRA_MODULES,$FX_MODULES" | tr , '\n' | awk '!seen[$0]++' | paste -sd,)"
echo "[installer] modules: $modules"

# --- 3. The runtime (JDK 17's jlink takes --compress=0|1|2; 2 is zip). --generate-cds-archive gives
# the runtime its base class-data archive, which the app's own archive (step 4b) extends.
step "jlink"
fx_path="$(IFS=:; echo "${fx_jars[*]}")"
"$JAVA_HOME/bin/jlink" \
  --module-path "$JAVA_HOME/jmods:$fx_path" \
  --add-modules "$modules" \
  --include-locales="$LOCALES" \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --generate-cds-archive \
  --output "$WORK/runtime"
cp "$WORK"/fx-native/*.so "$WORK/runtime/lib/"

# --- 4. The app image.
step "jpackage app-image"
JAVA_OPTIONS=(
  # DJL: libtorch from the install folder, no network, no telemetry, stable JIT for varying lengths.
  '-DPYTORCH_LIBRARY_PATH=$APPDIR/pytorch'
  '-DPYTORCH_FLAVOR=cpu'
  '-DENGINE_CACHE_DIR=$APPDIR/djl'
  '-Dai.djl.offline=true'
  '-DOPT_OUT_TRACKING=true'
  '-Dai.djl.pytorch.graph_optimizer=false'
  # Native libraries of sqlite-jdbc and JNA from the install folder, never unpacked.
  '-Dorg.sqlite.lib.path=$APPDIR/native'
  '-Dorg.sqlite.lib.name=libsqlitejdbc.so'
  '-Djna.boot.library.path=$APPDIR/native'
  '-Djna.nounpack=true'
)
# Heap, memory and compiler (installer/jvm-options): shared with tools/dev.sh run and the benches that
# stand for the installed app.
while IFS= read -r o; do
  [[ -z "$o" || "$o" == \#* ]] || JAVA_OPTIONS+=("$o")
done < "$ROOT/installer/jvm-options"
jopts=()
for o in "${JAVA_OPTIONS[@]}"; do jopts+=(--java-options "$o"); done
"$JAVA_HOME/bin/jpackage" --type app-image \
  --name "$APP_NAME" --app-version "$VERSION" \
  --vendor "Voxprint" --copyright "Copyright 2025 The Voxprint authors. Apache-2.0." \
  --description "Speaker verification with the ECAPA2 model" \
  --icon "$RESOURCES/desktop/voxprint.png" \
  --input "$WORK/input" --main-jar voxprint.jar --main-class "$MAIN_CLASS" \
  --runtime-image "$WORK/runtime" \
  "${jopts[@]}" \
  --dest "$OUT/image"
IMAGE="$OUT/image/$APP_NAME"
# jpackage's native launcher asks rpm and dpkg which package owns it on every start (0.6 to 0.8 s before
# the JVM starts); installer/launcher.sh reads the same voxprint.cfg and starts the same java directly.
install -m 755 "$INSTALLER/launcher.sh" "$IMAGE/bin/$APP_NAME"
# the native launcher's library; nothing else loads it
rm -f "$IMAGE/lib/libapplauncher.so"

# --- 4b. Class-data sharing: the classes the desktop (step 4c) and one real command load (JavaFX,
# picocli, Jackson, DJL, SQLite, the audio decoders, ours), parsed and verified once and mapped from
# lib/app/voxprint.jsa and the base it names at every start (docs/performance.md for what it saves).
# The JVM accepts the archives only on the class path they were made with, so they are made where the
# app runs: for the app image here (step 5b), for the .deb by its postinst in /opt
# (installer/cds-train.sh). A missing archive is skipped silently.
if [ "$CDS" = 1 ]; then
  # after the launcher's other JVM options, in its [JavaOptions] section
  last="$(grep -n '^java-options=' "$IMAGE/lib/app/$APP_NAME.cfg" | tail -1 | cut -d: -f1)"
  sed -i "${last}a java-options=-XX:SharedArchiveFile=\$APPDIR/voxprint.jsa" "$IMAGE/lib/app/$APP_NAME.cfg"
else
  echo "[installer] note: no AppCDS archive (VOXPRINT_NO_CDS=1, or the fixture model or audio is missing)"
fi

# --- 4c. The desktop's class list, lib/app/cds/desktop.classlist: the image's own launcher shows the
# real window under Xvfb, on the fixture model, until the model is loaded. cds-train.sh makes the
# desktop's archive from the list wherever the app is installed, with no display. Without xvfb-run
# (or if the window fails) the list is left out and the archive holds the command line's classes only.
if [ "$CDS" = 1 ] && command -v xvfb-run >/dev/null; then
  step "desktop class list"
  list="$IMAGE/lib/app/cds/desktop.classlist"
  list_home="$WORK/classlist-home"
  rm -rf "$list_home" "$list"
  mkdir -p "$list_home/.config/voxprint"
  printf '{"modelFile": "%s", "modelRevision": "main", "asNorm": false, "inputDevice": "", "keepAudio": false}\n' \
    "$IMAGE/lib/app/cds/ecapa2-fixture.pt" > "$list_home/.config/voxprint/settings.json"
  list_env=(env -i PATH=/usr/bin:/bin HOME="$list_home" LANG=C.UTF-8 HF_HUB_OFFLINE=1)
  if "${list_env[@]}" JAVA_TOOL_OPTIONS="-Duser.home=$list_home" "$IMAGE/bin/$APP_NAME" keys init --none \
       > "$WORK/classlist.log" 2>&1 \
     && "${list_env[@]}" JAVA_TOOL_OPTIONS="-Duser.home=$list_home -XX:DumpLoadedClassList=$list" \
       timeout 180 xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
         "$1" > /dev/null 2>&1 & app=$!
         until grep -q "Ecapa2Model - Loaded" "$2" 2>/dev/null; do
           kill -0 $app 2>/dev/null || exit 3
           sleep 0.2
         done
         kill $app; wait $app 2>/dev/null; exit 0' _ "$IMAGE/bin/$APP_NAME" "$list_home/.local/state/voxprint/voxprint.log" \
       >> "$WORK/classlist.log" 2>&1 \
     && [ -s "$list" ]; then
    echo "[installer] desktop class list: $(wc -l < "$list") classes"
  else
    echo "[installer] note: no desktop class list (the window did not load its model): $(tail -3 "$WORK/classlist.log")"
    rm -f "$list"
  fi
  rm -rf "$list_home"
fi
echo "[installer] app image: $IMAGE ($(du -sm "$IMAGE" | cut -f1) MB)"

# --- 5. The Debian package, from the app image.
if [[ " ${TYPES[*]} " == *" deb "* ]]; then
  step "jpackage deb"
  command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null \
    || die "building a .deb needs fakeroot and dpkg-deb (apt-get install fakeroot)"
  cp "$RESOURCES/desktop/voxprint.png" "$RESOURCES/desktop/voxprint.desktop" "$WORK/resources/"
  sed "s#@INSTALL_DIR@#$INSTALL_DIR#g" "$RESOURCES/desktop/postinst" > "$WORK/resources/postinst"
  sed "s#@INSTALL_DIR@#$INSTALL_DIR#g" "$RESOURCES/desktop/prerm" > "$WORK/resources/prerm"
  chmod +x "$WORK/resources/postinst" "$WORK/resources/prerm"
  # dpkg-deb's default, xz -6, gives the smallest package (107 MB, about 2 minutes on 2 cores);
  # DPKG_DEB_COMPRESSOR_TYPE=zstd DPKG_DEB_COMPRESSOR_LEVEL=9 takes seconds for 124 MB.
  echo "[installer] .deb compression: ${DPKG_DEB_COMPRESSOR_TYPE:-xz} ${DPKG_DEB_COMPRESSOR_LEVEL:-(default level)}"
  "$JAVA_HOME/bin/jpackage" --type deb \
    --app-image "$IMAGE" \
    --name "$APP_NAME" --app-version "$VERSION" \
    --vendor "Voxprint" --copyright "Copyright 2025 The Voxprint authors. Apache-2.0." \
    --description "Speaker verification with the ECAPA2 model" \
    --icon "$RESOURCES/desktop/voxprint.png" \
    --license-file "$RESOURCES/legal/LICENSE" \
    --resource-dir "$WORK/resources" \
    --install-dir "$INSTALL_DIR" \
    --linux-package-name "$APP_NAME" \
    --linux-deb-maintainer "voxprint@users.noreply.github.com" \
    --linux-menu-group "AudioVideo;Audio;" \
    --linux-app-category sound \
    --linux-shortcut \
    --dest "$OUT"
  deb="$(ls "$OUT"/${APP_NAME}_*.deb)"
  echo "[installer] deb: $deb ($(du -m "$deb" | cut -f1) MB)"
fi
# --- 5b. The app image's own class-data archive, after the .deb took the image without it.
if [ "$CDS" = 1 ]; then
  step "AppCDS archive"
  sh "$IMAGE/lib/app/cds/cds-train.sh" 2>"$WORK/cds.log" \
    || die "the AppCDS training run failed: $(tail -5 "$WORK/cds.log")"
  echo "[installer] AppCDS archives: $(cd "$IMAGE/lib/app" && du -m voxprint*.jsa | tr '\t\n' ' ')(MB)"
fi
step ""
echo "[installer] total $(( $(date +%s) - build_start ))s"
