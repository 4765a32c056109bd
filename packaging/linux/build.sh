#!/usr/bin/env bash
# Builds Proofdesk's Linux app image and .deb with jpackage from JDK 25. Run through Maven, which first builds the
# jars and copies them to packaging/target/deps:
#
#   mvn -B -Ppackage -pl packaging -am package -DskipTests
#
# or, after that has run once, directly: packaging/linux/build.sh  (same defaults).
# Output: packaging/target/image/Proofdesk (app image), packaging/target/deb/proofdesk_<version>_amd64.deb,
# and packaging/target/size-report.txt.
set -euo pipefail

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
pkg=$(dirname -- "$here")
root=$(dirname -- "$pkg")
deps=$pkg/target/deps
tools=$pkg/target/classes
out=$pkg/target
version=""
types="app-image deb"

while [ $# -gt 0 ]; do
  case "$1" in
    --deps) deps=$2; shift 2 ;;
    --tools) tools=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --app-image-only) types="app-image"; shift ;;
    --types) types=${2//,/ }; shift 2 ;;
    *) echo "build.sh: unknown argument '$1' (use --deps DIR --tools DIR --out DIR --version V [--app-image-only | --types app-image,deb])" >&2; exit 3 ;;
  esac
done

[ "$(uname -s)" = Linux ] || { echo "build.sh: builds the Linux packages only; see packaging/mac and packaging/win." >&2; exit 2; }
[ "$(uname -m)" = x86_64 ] || { echo "build.sh: the bundled natives (ONNX Runtime, SQLite, anvil) are linux-x64; this is $(uname -m)." >&2; exit 2; }
[ -d "$deps" ] || { echo "build.sh: no $deps; run: mvn -B -Ppackage -pl packaging -am package -DskipTests" >&2; exit 3; }

# --- JDK 25 with jpackage, found the way the CLI launcher finds java (app/cli/src/main/launcher/proofdesk) ---
min=25
feature_of() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/jpackage" ] || return 0
  if [ -f "$1/release" ]; then sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; fi
}
pick() {
  best=""; bestv=0
  for home in "$@"; do
    [ -n "$home" ] || continue
    v=$(feature_of "$home")
    if [ -n "$v" ] && [ "$v" -ge "$min" ] && [ "$v" -gt "$bestv" ]; then best=$home; bestv=$v; fi
  done
  echo "$best"
}
jdk=""
if [ -n "${PROOFDESK_JAVA_HOME:-}" ]; then
  jdk=$(pick "$PROOFDESK_JAVA_HOME")
  [ -n "$jdk" ] || { echo "build.sh: PROOFDESK_JAVA_HOME=$PROOFDESK_JAVA_HOME is not a JDK $min+ with jpackage." >&2; exit 4; }
fi
[ -n "$jdk" ] || jdk=$(pick "${JAVA_HOME:-}")
if [ -z "$jdk" ] && command -v java >/dev/null 2>&1; then
  jdk=$(pick "$(dirname -- "$(dirname -- "$(readlink -f "$(command -v java)")")")")
fi
# shellcheck disable=SC2086
[ -n "$jdk" ] || jdk=$(pick /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*)
[ -n "$jdk" ] || { echo "build.sh: needs a JDK $min+ with jpackage (looked at PROOFDESK_JAVA_HOME, JAVA_HOME, PATH, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)." >&2; exit 4; }
echo "build.sh: jpackage from $jdk ($(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release"))"

if [ -z "$version" ]; then
  version=$(ls "$deps"/proofdesk-desktop-*.jar | sed 's/.*proofdesk-desktop-\(.*\)\.jar/\1/')
fi
# jpackage wants a plain dotted version; the jars keep the full one (shown by --version)
app_version=${version%%-*}
anvil=$root/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil
[ -x "$anvil" ] || { echo "build.sh: no anvil at $anvil; the Maven build runs 'npm ci' for it." >&2; exit 3; }

tool() { "$jdk/bin/java" -Djava.awt.headless=true -cp "$tools" io.proofdesk.packaging.PackagingTool "$@"; }

stage=$out/stage
rm -rf "$stage" "$out/image" "$out/deb"
mkdir -p "$stage/input/native" "$stage/fxmods" "$stage/icons" "$out/image" "$out/deb"

# --- inputs: JavaFX as modules for jlink, everything else on the class path, natives for linux-x64 only ---
for jar in "$deps"/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-linux.jar) cp "$jar" "$stage/fxmods/" ;;
    javafx-*.jar) ;; # the empty, platform-neutral placeholders next to the real ones
    onnxruntime-*.jar)
      # ORT loads from onnxruntime.native.path instead of unpacking 28 MB into /tmp on every start
      tool extract "$jar" ai/onnxruntime/native/linux-x64 "$stage/input/native"
      tool trim "$jar" "$stage/input/$name" ai/onnxruntime/native/ ;;
    sqlite-jdbc-*.jar) tool trim "$jar" "$stage/input/$name" org/sqlite/native/ org/sqlite/native/Linux/x86_64/ ;;
    jffi-*-native.jar) tool trim "$jar" "$stage/input/$name" jni/ jni/x86_64-Linux/ ;;
    jc-kzg-4844-*.jar) tool trim "$jar" "$stage/input/$name" ethereum/ckzg4844/lib/ ethereum/ckzg4844/lib/amd64/libckzg4844jni.so ;;
    *) cp "$jar" "$stage/input/" ;;
  esac
done
tool icons "$stage/icons"
modules=$(grep -v '^\s*#' "$pkg/jlink-modules.txt" | grep -v '^\s*$' | paste -sd, -)
sed "s/@VERSION@/$version/" "$here/cli-launcher.properties" > "$stage/cli-launcher.properties"

common=(--name Proofdesk --app-version "$app_version" --vendor "Proofdesk"
        --description "Audit a decentralized AI inference network: verify, re-execute, report"
        --copyright "Proofdesk contributors")

echo "build.sh: app image"
start=$(date +%s)
"$jdk/bin/jpackage" --type app-image "${common[@]}" \
  --input "$stage/input" --main-jar "proofdesk-desktop-$version.jar" --main-class io.proofdesk.ui.Launcher \
  --module-path "$stage/fxmods" --add-modules "$modules" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --generate-cds-archive" \
  --java-options '--enable-native-access=javafx.graphics,ALL-UNNAMED' \
  --java-options '--sun-misc-unsafe-memory-access=allow' \
  --java-options '-Donnxruntime.native.path=$APPDIR/native' \
  --add-launcher "proofdesk=$stage/cli-launcher.properties" \
  --icon "$stage/icons/proofdesk.png" \
  --dest "$out/image"
image=$out/image/Proofdesk
# AnvilLocator looks for <app>/lib/anvil/anvil, next to the launcher's bin/ (jpackage.app-path)
install -D -m 0755 "$anvil" "$image/lib/anvil/anvil"
mkdir -p "$image/lib/icons"
cp -r "$stage/icons/hicolor" "$image/lib/icons/"
install -m 0644 "$here/proofdesk.desktop" "$image/lib/proofdesk.desktop"
echo "build.sh: app image in $(( $(date +%s) - start )) s: $image"

# --- AOT cache for the desktop's cold start (JDK 25, JEP 483/514/515) ---
# One training run of the packaged app itself (`Proofdesk --smoke-exit` on a fresh data folder: toolkit, wiring,
# main window) records the classes it loads and links plus method profiles; the JVM then writes them to
# lib/app/proofdesk.aot, which the desktop launcher maps at start. It must be trained by the image's own runtime
# with the launcher's own class path and options, hence through the launcher with JAVA_TOOL_OPTIONS. The cache
# holds the app folder's path, but the JVM matches a moved folder by common prefix (a .deb in /opt works).
# Without a display or xvfb-run there is no cache and no option; the app then starts as before, only slower.
# PROOFDESK_AOT=0 skips it.
aot="$image/lib/app/proofdesk.aot"
train() {
  local data; data=$(mktemp -d)
  local opts="-XX:AOTCacheOutput=$aot -Djava.io.tmpdir=$data"
  if [ -n "${DISPLAY:-}" ]; then
    env -u _JPACKAGE_LAUNCHER JAVA_TOOL_OPTIONS="$opts" "$image/bin/Proofdesk" --smoke-exit --data-dir "$data/home"
  else
    env -u _JPACKAGE_LAUNCHER JAVA_TOOL_OPTIONS="$opts" xvfb-run -a -s '-screen 0 1400x900x24' \
      "$image/bin/Proofdesk" --smoke-exit --data-dir "$data/home"
  fi
  local rc=$?
  rm -rf "$data"
  return $rc
}
if [ "${PROOFDESK_AOT:-1}" = 0 ]; then
  echo "build.sh: AOT cache skipped (PROOFDESK_AOT=0)"
elif [ -z "${DISPLAY:-}" ] && ! command -v xvfb-run >/dev/null 2>&1; then
  echo "build.sh: WARNING no DISPLAY and no xvfb-run: no AOT cache, the desktop starts slower (apt-get install -y xvfb)" >&2
else
  echo "build.sh: AOT cache (training run: Proofdesk --smoke-exit)"
  start=$(date +%s)
  rm -f "$aot"
  if train > "$out/aot-training.log" 2>&1 && [ -s "$aot" ]; then
    cfg="$image/lib/app/Proofdesk.cfg"
    # the JVM's own words about the cache (missing, or made stale by a changed jar: it then starts without it) go
    # to stderr, not into the app's stdout
    sed -i '/^\[JavaOptions\]$/a java-options=-XX:AOTCache=$APPDIR/proofdesk.aot\njava-options=-Xlog:aot*=off\njava-options=-Xlog:aot*=warning:stderr' "$cfg"
    grep -q '^java-options=-XX:AOTCache=' "$cfg" || { echo "build.sh: no [JavaOptions] in $cfg" >&2; exit 5; }
    echo "build.sh: AOT cache in $(( $(date +%s) - start )) s: $(stat -c %s "$aot") bytes"
  else
    rm -f "$aot" "$aot.config"
    echo "build.sh: WARNING the AOT training run failed (see $out/aot-training.log); no AOT cache" >&2
    tail -n 20 "$out/aot-training.log" >&2
  fi
fi

if [ "$types" != "app-image" ]; then
  command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1 \
    || { echo "build.sh: the .deb needs dpkg-deb and fakeroot (apt-get install -y dpkg-dev fakeroot)." >&2; exit 4; }
  echo "build.sh: .deb"
  start=$(date +%s)
  # jpackage runs plain `dpkg-deb --build`, whose default xz -6 took most of 9 minutes on 2 busy cores; xz -3 is a
  # few MB bigger and several times faster. Override either through the environment.
  DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-xz} DPKG_DEB_COMPRESSOR_LEVEL=${DPKG_DEB_COMPRESSOR_LEVEL:-3} \
  "$jdk/bin/jpackage" --type deb "${common[@]}" --app-image "$image" \
    --linux-package-name proofdesk --install-dir /opt --linux-app-category utils \
    --linux-deb-maintainer "proofdesk@localhost" --resource-dir "$here/deb-resources" \
    --dest "$out/deb"
  echo "build.sh: .deb in $(( $(date +%s) - start )) s: $(ls "$out"/deb/*.deb)"
fi

# --- what went in, and how big ---
{
  echo "Proofdesk $version linux-x64 packages, built $(date -u +%Y-%m-%dT%H:%M:%SZ) with $(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release")"
  echo "app image: $(du -sb "$image" | cut -f1) bytes ($(du -sh "$image" | cut -f1))"
  du -sh "$image/lib/runtime" "$image/lib/app" "$image/lib/app/native" "$image/lib/anvil" "$image/lib/icons" "$image/bin"
  [ -f "$aot" ] && echo "AOT cache: $(stat -c %s "$aot") bytes ($(du -h "$aot" | cut -f1)) lib/app/proofdesk.aot"
  echo "largest in lib/app:"
  ls -S -l "$image/lib/app" | awk 'NR>1 && NR<=12 {printf "  %10d %s\n", $5, $9}'
  echo "runtime modules: $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$image/lib/runtime/release")"
  # an if, not &&: with --app-image-only there is no .deb, and a failing last command would fail the build
  if ls "$out"/deb/*.deb >/dev/null 2>&1; then
    echo ".deb: $(stat -c %s "$out"/deb/*.deb) bytes ($(du -h "$out"/deb/*.deb | cut -f1)) $(basename "$out"/deb/*.deb)"
  fi
} | tee "$out/size-report.txt"
