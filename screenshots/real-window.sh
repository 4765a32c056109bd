#!/usr/bin/env bash
# Screenshots of the REAL desktop window (a real X server, not Monocle), at the sizes people use.
#
#   screenshots/real-window.sh [--no-build] [--sizes "1280x800 1920x1080"] [--out DIR]
#
# Builds the desktop (unless --no-build), then for each size starts it under Xvfb with no window manager, on a fresh
# data folder, with the embedded demo network; waits for the demo to be synced; opens every section with the
# desktop's own `--open SECTION|RECORD_ID` (a second launch hands it to the running window), runs "Verify all" from
# the keyboard, opens a mismatching record and the task panel; and captures the X screen after each step into
# DIR/real-<view>-<W>x<H>.png (DIR: screenshots/). Needs xvfb-run, xdotool and ImageMagick's import; jq or python3.
# Writes nothing outside DIR and its temporary folder, and stops everything it started.
set -euo pipefail

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
out="$root/screenshots"
sizes="1280x800 1920x1080"
build=1

# ---- inside Xvfb: one size, one fresh data folder ------------------------------------------------------------------
if [ "${1:-}" = "--inner" ]; then
  size=$2 data=$3 out=$4 java=$5 cp=$6 log=$7
  W=${size%x*} H=${size#*x}
  fx=$(tr -d '\n' < "$cp.fx")
  # the same JVM options as the README's run command (app/desktop/pom.xml, execution "run"); the long class path
  # goes in an argument file, so the process's command line stays short
  args="$data.jvm-args"
  {
    echo "\"--module-path=$fx\""
    echo "--add-modules=javafx.controls,javafx.fxml,javafx.swing"
    echo "--enable-native-access=javafx.graphics,ALL-UNNAMED"
    echo "--sun-misc-unsafe-memory-access=allow"
    echo "\"-Dproofdesk.root=$root\""
    echo "-cp"
    echo "\"$(cat "$cp")\""
  } > "$args"
  # shellcheck disable=SC2206 # word splitting of the user's options is intended
  extra=(${PROOFDESK_JAVA_OPTS:-})
  run() { "$java" "@$args" "${extra[@]}" io.proofdesk.ui.ProofdeskApp --data-dir "$data" "$@"; }

  run >"$log" 2>&1 &
  app=$!
  trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT
  alive() { kill -0 "$app" 2>/dev/null || { echo "real-window: the app stopped (log: $log):" >&2; tail -n 30 "$log" >&2; exit 4; }; }

  win=""
  for _ in $(seq 1 120); do
    alive
    win=$(xdotool search --name '^Proofdesk' 2>/dev/null | head -n 1 || true)
    [ -n "$win" ] && break
    sleep 0.5
  done
  [ -n "$win" ] || { echo "real-window: no window after 60 s" >&2; exit 4; }
  # no window manager: the window fills the screen as a maximized window would
  xdotool windowmove "$win" 0 0 windowsize "$win" "$W" "$H"

  screen() { import -window root rgb:- 2>/dev/null | md5sum; }
  # waits until two captures a second apart are the same (nothing moving), at most $1 s
  settle() {
    local prev="" now i
    for i in $(seq 1 "${1:-30}"); do
      alive
      now=$(screen)
      [ "$now" = "$prev" ] && return 0
      prev=$now
      sleep 1
    done
    return 0
  }
  # waits until the screen differs from $1 (the window took the step), at most $2 s, then until it settles
  changed_then_settle() {
    local i
    for i in $(seq 1 "$(( ${2:-20} * 2 ))"); do
      alive
      [ "$(screen)" != "$1" ] && break
      sleep 0.5
    done
    settle "${3:-20}"
  }
  # busy while the status bar shows a task's progress bar: the light theme's accent colour (-pd-accent) right of
  # the status bar's middle, where nothing else uses it
  busy() {
    local n
    n=$(import -window root -crop "$((W / 2))x30+$((W / 2))+$((H - 30))" txt:- 2>/dev/null | grep -ci '#2F5DA8' || true)
    [ "${n:-0}" -gt 20 ]
  }
  # waits until no task runs (seen twice, a second apart), at most $1 s, then until the screen settles
  idle() {
    local i quiet=0
    for i in $(seq 1 "${1:-120}"); do
      alive
      if busy; then quiet=0; else quiet=$((quiet + 1)); fi
      [ "$quiet" -ge 2 ] && break
      sleep 1
    done
    settle 20
  }
  shot() { import -window root "$out/real-$1-$size.png"; echo "  $out/real-$1-$size.png"; }
  # a second launch hands --open to the running window, which shows the section or record
  open() { local before; before=$(screen); run --open "$1" >>"$log" 2>&1; changed_then_settle "$before" 30; }

  # the demo network is ready once it has written its manifest; its first sync follows at once
  for _ in $(seq 1 360); do
    alive
    [ -f "$data/demo/devnet.json" ] && break
    sleep 0.5
  done
  [ -f "$data/demo/devnet.json" ] || { echo "real-window: the demo network did not start within 3 min" >&2; exit 4; }
  sleep 2
  idle 300    # the demo's first sync

  for view in network models inferences reports settings; do
    open "$view"
    shot "$view"
  done

  # "Verify all": opening a section puts the keyboard focus on its first control, Verify's main action
  open verify
  shot verify
  xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
  before=$(screen)
  xdotool key space
  changed_then_settle "$before" 20 5
  idle 300
  shot verify-run    # with the end-of-task notification, if the run took less than its 10 s
  open inferences
  shot inferences-verified

  truth="$data/demo/ground-truth.json"
  id=""
  if command -v jq >/dev/null 2>&1; then
    id=$(jq -r '[.records[] | select(.honest == false)][0].id // empty' "$truth")
  elif command -v python3 >/dev/null 2>&1; then
    id=$(python3 -c 'import json,sys; r=[x["id"] for x in json.load(open(sys.argv[1]))["records"] if not x["honest"]]; print(r[0] if r else "")' "$truth")
  fi
  if [ -n "$id" ]; then
    open "$id"
    shot inference-detail
  else
    echo "real-window: no dishonest record in $truth (or no jq/python3): no detail screenshot" >&2
  fi

  # the task history: the status bar's tasks button, at the window's bottom-right corner
  before=$(screen)
  xdotool mousemove --window "$win" $((W - 60)) $((H - 15)) click 1
  changed_then_settle "$before" 10 10
  shot tasks
  xdotool mousemove --window "$win" $((W / 2)) 5
  exit 0
fi

# ---- outside: build, then one Xvfb per size --------------------------------------------------------------------------
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --sizes) sizes=$2; shift ;;
    --out) out=$(mkdir -p "$2" && cd "$2" && pwd); shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "real-window: unknown argument '$1' (see --help)" >&2; exit 3 ;;
  esac
  shift
done
for tool in xvfb-run xdotool import md5sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "real-window: needs $tool (apt-get install xvfb xauth xdotool imagemagick)" >&2; exit 3; }
done

# a Java 25+ JDK, found the way app/cli's launcher finds one
java_home=""
for home in "${PROOFDESK_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
  [ -n "$home" ] && [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  if [ -n "$v" ] && [ "$v" -ge 25 ]; then java_home=$home; break; fi
done
[ -n "$java_home" ] || { echo "real-window: needs a Java 25+ JDK (set PROOFDESK_JAVA_HOME)" >&2; exit 3; }

work=$(mktemp -d "${TMPDIR:-/tmp}/proofdesk-real-window.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp="$work/classpath"
cd "$root"
if [ "$build" = 1 ] || [ ! -f app/desktop/target/real-window.classpath ]; then
  echo "building the desktop (mvn test-compile, tests not run) ..."
  # test-compile, not compile: the desktop's test-scope dependency on devnet's test classes must resolve
  mvn -B -q -pl app/desktop -am test-compile dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$root/app/desktop/target/real-window.classpath"
fi
echo "$root/app/desktop/target/classes:$(cat app/desktop/target/real-window.classpath)" > "$cp"
# JavaFX on the module path, the rest on the class path (as the README's run command does)
tr ':' '\n' < app/desktop/target/real-window.classpath | grep -E '/javafx-(base|graphics|controls|fxml|swing)-[^/]*-linux\.jar$' \
  | paste -sd: - > "$cp.fx"
[ -s "$cp.fx" ] || { echo "real-window: no JavaFX jars on the class path" >&2; exit 4; }

mkdir -p "$out"
for size in $sizes; do
  case "$size" in [0-9]*x[0-9]*) ;; *) echo "real-window: '$size' is not WxH" >&2; exit 3 ;; esac
  data="$work/data-$size"
  mkdir -p "$data"
  echo "$size: data folder $data"
  xvfb-run -a -s "-screen 0 ${size}x24 -nolisten tcp" "$0" --inner "$size" "$data" "$out" "$java_home/bin/java" "$cp" \
    "$work/app-$size.log" || { status=$?; echo "real-window: $size failed (exit $status)" >&2; exit "$status"; }
done
echo "done: $(ls "$out"/real-*.png | wc -l) real-window screenshots in $out"
