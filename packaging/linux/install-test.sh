#!/usr/bin/env bash
# Install test for the Linux .deb, on this machine, for real:
#   1. dpkg -i the package;
#   2. run the installed launchers with no JDK in reach (env -i; PATH = the system's commands minus any JDK's):
#      `proofdesk --version`, `proofdesk devnet --seed-only` (bundled anvil + ONNX Runtime, no Node.js), and
#      `Proofdesk --smoke-exit` under Xvfb (the main window opens, then the app exits 0);
#   3. dpkg -r, then dpkg --purge: /opt/proofdesk, the menu entry, the icons and /usr/bin/proofdesk are gone,
#      and the user's data folder is still there.
# Needs root, xvfb-run (apt-get install -y xvfb xauth libgtk-3-0) and a built .deb:
#   mvn -B -Ppackage -pl packaging -am package -DskipTests && sudo packaging/linux/install-test.sh
# Refuses to run if proofdesk is already installed (it would remove it). Prints PASS and its duration, or the
# first failure, and exits non-zero.
#
# `install-test.sh --image DIR` runs only step 2, on an app image in place (no root, no dpkg): what CI runs after
# the test suite (.ci/run), on `mvn -B -Ppackage -pl packaging -am package -DskipTests -Dpackaging.types=app-image`.
set -euo pipefail

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
fail() { echo "install-test: FAIL: $*" >&2; exit 1; }
command -v xvfb-run >/dev/null || fail "needs xvfb-run (apt-get install -y xvfb xauth libgtk-3-0)"
image=""
deb=""
if [ "${1:-}" = "--image" ]; then
  image=${2:-$here/../target/image/Proofdesk}
  [ -x "$image/bin/Proofdesk" ] || fail "no app image at $image (build it: mvn -B -Ppackage -pl packaging -am package -DskipTests -Dpackaging.types=app-image)"
  app=$(CDPATH= cd -- "$image" && pwd)
  cli=$app/bin/proofdesk
else
  deb=${1:-}
  if [ -z "$deb" ]; then
    deb=$(ls "$here"/../target/deb/proofdesk_*_amd64.deb 2>/dev/null | head -n 1 || true)
  fi
  [ -n "$deb" ] && [ -f "$deb" ] || fail "no .deb (build it: mvn -B -Ppackage -pl packaging -am package -DskipTests)"
  [ "$(id -u)" = 0 ] || fail "needs root for dpkg"
  if dpkg-query -W -f='${Status}' proofdesk 2>/dev/null | grep -q 'install ok installed'; then
    fail "proofdesk is already installed here; this test would remove it"
  fi
  app=/opt/proofdesk
  cli=/usr/bin/proofdesk
fi
work=$(mktemp -d /tmp/proofdesk-install-test.XXXXXX)
home=$work/home
mkdir -p "$home"
trap 'rm -rf "$work"; if [ -n "$deb" ] && dpkg-query -W proofdesk >/dev/null 2>&1; then dpkg --purge proofdesk >/dev/null 2>&1 || true; fi' EXIT
started=$(date +%s%N)

# a world without Java: PATH holds only the few system commands the app runs (the demo network starts anvil
# through sh + cat), none of them a JDK's; no JAVA_HOME. XDG_DATA_HOME because Java's user.home comes from the
# password file, not $HOME; java.io.tmpdir so that what ONNX Runtime might leave in a temp folder is ours to see.
bin=$work/bin
mkdir -p "$bin" "$work/tmp"
for c in sh cat env uname ls rm mkdir; do
  ln -s "$(command -v "$c")" "$bin/$c"
done
nojava() {
  env -i HOME="$home" XDG_DATA_HOME="$home/.local/share" PATH="$bin" LANG=C.UTF-8 \
    JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$work/tmp" "$@"
}
nojava sh -c 'command -v java || command -v javac || command -v jpackage' >/dev/null 2>&1 && fail "a JDK is still reachable in the clean environment"

step() { echo "install-test: [$(( ($(date +%s%N) - started) / 1000000 )) ms] $*"; }

if [ -n "$deb" ]; then
step "dpkg -i $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg -i "$deb" >"$work/dpkg-install.log" 2>&1 || { cat "$work/dpkg-install.log" >&2; fail "dpkg -i failed"; }
fi

for f in "$app/bin/Proofdesk" "$app/bin/proofdesk" "$app/lib/anvil/anvil"; do
  [ -x "$f" ] || fail "$f is missing or not executable"
done
if [ -n "$deb" ]; then
  [ -f /usr/share/applications/proofdesk.desktop ] || fail "no menu entry /usr/share/applications/proofdesk.desktop"
  [ -f /usr/share/icons/hicolor/256x256/apps/proofdesk.png ] || fail "no 256x256 icon in the hicolor theme"
  [ "$(readlink /usr/bin/proofdesk)" = "$app/bin/proofdesk" ] || fail "/usr/bin/proofdesk does not point at $app/bin/proofdesk"
fi
[ -z "$(find "$app" -name '*.dll' -o -name '*.dylib' | head -n 1)" ] || fail "natives of other OSes in $app"

step "proofdesk --version (no JDK)"
version=$(nojava "$cli" --version 2>&1) || { echo "$version" >&2; fail "proofdesk --version exited non-zero"; }
echo "$version" | sed 's/^/    /'
echo "$version" | grep -q '^Proofdesk ' || fail "--version does not name Proofdesk"
echo "$version" | grep -q '^ONNX Runtime 1\.' || fail "--version did not load ONNX Runtime"
echo "$version" | grep -v '^Picked up JAVA_TOOL_OPTIONS' | grep -qi 'unsupported\|warning' && fail "--version printed a warning"

step "proofdesk devnet --seed-only (bundled anvil, no Node.js)"
nojava "$app/bin/proofdesk" devnet --seed-only --inferences 12 --state-dir "$work/devnet" >"$work/devnet.log" 2>&1 \
  || { tail -n 20 "$work/devnet.log" >&2; fail "the demo network did not start from the installed app"; }
grep -q '"chainId"' "$work/devnet/devnet.json" || fail "devnet.json was not written"
tail -n 3 "$work/devnet.log" | sed 's/^/    /'

step "Proofdesk --smoke-exit under Xvfb (no JDK)"
xvfb-run -a -s '-screen 0 1400x900x24' sh -c 'exec env -i HOME="$0" XDG_DATA_HOME="$0/.local/share" PATH="$1" LANG=C.UTF-8 JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$0/../tmp" DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" "$2" --smoke-exit' \
  "$home" "$bin" "$app/bin/Proofdesk" >"$work/smoke.log" 2>&1 || { cat "$work/smoke.log" >&2; fail "Proofdesk --smoke-exit exited non-zero"; }
sed 's/^/    /' "$work/smoke.log"
grep -q '^SMOKE window_shown_ms=[0-9]' "$work/smoke.log" || fail "the window was not shown"
grep -qi 'unsupported javafx configuration\|exception' "$work/smoke.log" && fail "the desktop printed a warning or an exception"
data=$home/.local/share/proofdesk
[ -d "$data" ] || fail "the app did not create its data folder $data"

if [ -z "$deb" ]; then
  ort_tmp=$(find "$work/tmp" -maxdepth 1 -name 'onnxruntime-java*' | wc -l)
  [ "$ort_tmp" = 0 ] || fail "ONNX Runtime left $ort_tmp folder(s) in the temp folder (onnxruntime.native.path not used?)"
  echo "install-test: PASS (app image $app) in $(( ($(date +%s%N) - started) / 1000000 )) ms"
  exit 0
fi

step "dpkg -r"
dpkg -r proofdesk >"$work/dpkg-remove.log" 2>&1 || { cat "$work/dpkg-remove.log" >&2; fail "dpkg -r failed"; }
[ ! -e "$app" ] || fail "$app is still there after dpkg -r: $(find "$app" | head -n 5)"
[ ! -e /usr/bin/proofdesk ] && [ ! -L /usr/bin/proofdesk ] || fail "/usr/bin/proofdesk is still there"
[ ! -e /usr/share/applications/proofdesk.desktop ] || fail "the menu entry is still there"
left=$(find /usr/share/icons/hicolor -name proofdesk.png)
[ -z "$left" ] || fail "icons left behind: $left"
step "dpkg --purge"
dpkg --purge proofdesk >"$work/dpkg-purge.log" 2>&1 || { cat "$work/dpkg-purge.log" >&2; fail "dpkg --purge failed"; }
if dpkg-query -W proofdesk >/dev/null 2>&1; then fail "dpkg still knows proofdesk after --purge"; fi
[ ! -e "$app" ] || fail "$app came back?"
[ -d "$data" ] || fail "purge removed the user's data folder $data"
ort_tmp=$(find "$work/tmp" -maxdepth 1 -name 'onnxruntime-java*' | wc -l)
[ "$ort_tmp" = 0 ] || fail "ONNX Runtime left $ort_tmp folder(s) in the temp folder (onnxruntime.native.path not used?)"

echo "install-test: PASS in $(( ($(date +%s%N) - started) / 1000000 )) ms"
