#!/usr/bin/env bash
# Runs the README's first command exactly as written (read from README.md, not copied here) under Xvfb on a fresh
# data folder, and checks what a new user should see: the window opens, the embedded demo network comes up
# (<data>/demo/devnet.json), the app syncs all of its records into its store, and the app is still alive 60 s later.
# Then it stops the app (SIGTERM, its shutdown hooks stop anvil) and kills anything left of the run: the Maven
# process, Xvfb and, above all, anvil.
#
#   .ci/readme-run-check.sh            (from anywhere; exit 0 = the README's run command works)
#
# The data folder is given through XDG_DATA_HOME, which the app honours, so the command itself stays verbatim.
# Limits (seconds) can be set: READMECHECK_READY_LIMIT (build + start until the demo is synced, default 900),
# READMECHECK_ALIVE (how long it must stay up afterwards, default 60). READMECHECK_SCREENSHOT=FILE.png keeps a
# screenshot of the window at the end of that wait.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

ready_limit=${READMECHECK_READY_LIMIT:-900}
alive_for=${READMECHECK_ALIVE:-60}

say() { echo "readme-run-check: $*"; }
fail() { echo "readme-run-check: FAILED: $*" >&2; exit 1; }

for tool in xvfb-run sqlite3; do
  command -v "$tool" >/dev/null 2>&1 || fail "needs $tool (apt-get install -y xvfb xauth sqlite3)"
done

# The README's first command: the first line of its first ```sh block, without the trailing comment.
cmd=$(awk '/^```sh/ {inblock=1; next} inblock {print; exit}' README.md | sed 's/[[:space:]]*#.*$//')
case "$cmd" in
  mvn\ *exec:exec@run*) ;;
  *) fail "README.md's first command is not the mvn ... exec:exec@run run command: '$cmd'" ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/readme-run-check.XXXXXX")
data=$work/xdg/proofdesk
log=$work/run.log
started=$(date +%s.%N)
since() { awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }'; }

group=""
cleanup() {
  local rc=$?
  set +e
  # anvil first: it is the one thing that would otherwise keep running (and holding a port) after a failed check
  if [ -f "$data/demo/anvil.pid" ]; then
    apid=$(cat "$data/demo/anvil.pid" 2>/dev/null)
    [ -n "$apid" ] && kill -0 "$apid" 2>/dev/null && { kill -TERM "$apid"; sleep 2; kill -KILL "$apid" 2>/dev/null; }
  fi
  if [ -n "$group" ] && kill -0 -- "-$group" 2>/dev/null; then
    kill -TERM -- "-$group" 2>/dev/null
    for _ in $(seq 1 20); do kill -0 -- "-$group" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$group" 2>/dev/null
  fi
  if [ "$rc" -ne 0 ] && [ -f "$log" ]; then
    echo "readme-run-check: last lines of the run's output:" >&2
    grep -v '^\s*$' "$log" | tail -n 40 >&2
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "running the README's command: $cmd"
say "data folder: $data (XDG_DATA_HOME=$work/xdg)"
# setsid: the run gets a process group of its own, so that everything it started can be stopped together;
# the inner shell writes the display it got, for the window check
XDG_DATA_HOME=$work/xdg setsid xvfb-run -a -s '-screen 0 1280x800x24' \
  bash -c 'echo "$DISPLAY $XAUTHORITY" > "$1"; shift; eval "$*"' readme-run "$work/display" "$cmd" \
  > "$log" 2>&1 < /dev/null &
group=$!

app_pid() { [ -f "$data/proofdesk.lock" ] && tr -dc '0-9' < "$data/proofdesk.lock"; }
run_alive() { kill -0 "$group" 2>/dev/null; }
# seconds since the app's own JVM started (the part of the wait that is not Maven's), to 0.01 s
app_age() {
  local p; p=$(app_pid) || return 0
  [ -n "$p" ] && [ -r "/proc/$p/stat" ] || return 0
  awk -v tck="$(getconf CLK_TCK)" -v btime="$(awk '/^btime/ {print $2}' /proc/stat)" -v now="$(date +%s.%N)" \
    '{ sub(/^.*\) /, ""); printf " (%.1f s after the app'"'"'s JVM started)", now - (btime + $20 / tck) }' "/proc/$p/stat"
}

window_at="" demo_at="" synced_at=""
expected="" count=0
deadline=$(( $(date +%s) + ready_limit ))
while [ -z "$synced_at" ]; do
  run_alive || fail "the run ended after $(since) s before the demo network was synced"
  [ "$(date +%s)" -lt "$deadline" ] || fail "the demo network was not synced within $ready_limit s"
  if [ -z "$window_at" ] && [ -s "$work/display" ] && command -v xdotool >/dev/null 2>&1; then
    read -r disp auth < "$work/display"
    if DISPLAY=$disp XAUTHORITY=$auth xdotool search --onlyvisible --name '^Proofdesk' >/dev/null 2>&1; then
      window_at=$(since); say "window shown after $window_at s$(app_age)"
    fi
  fi
  if [ -z "$demo_at" ] && [ -s "$data/demo/devnet.json" ]; then
    demo_at=$(since)
    expected=$(tr -d '\n ' < "$data/demo/devnet.json" | sed -n 's/.*"inferences":\([0-9]*\).*/\1/p')
    [ -n "$expected" ] && [ "$expected" -gt 0 ] || fail "devnet.json names no inferences: $(cat "$data/demo/devnet.json")"
    say "demo network ready after $demo_at s$(app_age): $expected inferences seeded ($data/demo/devnet.json)"
  fi
  if [ -n "$demo_at" ] && [ -f "$data/demo/store/proofdesk.db" ]; then
    count=$(sqlite3 "file:$data/demo/store/proofdesk.db?mode=ro" 'select count(*) from inferences' 2>/dev/null || echo 0)
    if [ "${count:-0}" -ge "$expected" ]; then
      synced_at=$(since); say "synced after $synced_at s$(app_age): $count records in the store"
    fi
  fi
  [ -n "$synced_at" ] || sleep 1
done

pid=$(app_pid)
[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || fail "no running app process in $data/proofdesk.lock"

say "waiting $alive_for s: the app must stay up"
sleep "$alive_for"
kill -0 "$pid" 2>/dev/null || fail "the app (pid $pid) died within $alive_for s of syncing; see the output below"
anvil=$(cat "$data/demo/anvil.pid")
kill -0 "$anvil" 2>/dev/null || fail "anvil (pid $anvil) is gone while the app runs"
grep -q 'SIGSEGV\|Process exited with an error: 139' "$log" && fail "the log reports a crash"
say "still alive $alive_for s after syncing (app pid $pid, anvil pid $anvil)"
if [ -n "${READMECHECK_SCREENSHOT:-}" ] && command -v import >/dev/null 2>&1; then
  read -r disp auth < "$work/display"
  DISPLAY=$disp XAUTHORITY=$auth import -window root "$READMECHECK_SCREENSHOT" && say "screenshot: $READMECHECK_SCREENSHOT"
fi

# stop as a session manager would: SIGTERM to the app; its shutdown hooks stop anvil
kill -TERM "$pid"
for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$pid" 2>/dev/null && fail "the app did not exit within 20 s of SIGTERM"
for _ in $(seq 1 20); do kill -0 "$anvil" 2>/dev/null || break; sleep 0.5; done
kill -0 "$anvil" 2>/dev/null && fail "anvil (pid $anvil) still runs after the app exited"
say "stopped; anvil gone"
say "OK window ${window_at:-n/a} s, demo ready $demo_at s, synced $synced_at s, total $(since) s"
