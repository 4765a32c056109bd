#!/usr/bin/env bash
# The PDF report's digital signature, checked by a PDF reader that is not Proofdesk (issue 18): makes one report on
# the demo network (devnet + sync + verify + report, with the CLI at app/cli/target/proofdesk), asks poppler's
# `pdfsig` whether its signature is valid and covers the whole document, then edits page 2 (the records table) two
# ways — an incremental update turning a MISMATCH row into VERIFIED, and one byte changed inside the page's content
# stream — and requires that pdfsig no longer says valid and unmodified AND that `check-report` says TAMPERED (exit 1).
# Needs: the CLI built (mvn -B -q -pl app/cli -am package -DskipTests), poppler-utils, a JDK 25.
# PDFSIG_CHECK_KEEP=DIR keeps the report and the edited PDFs in DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

cli=app/cli/target/proofdesk
fail() { echo "pdfsig-check: $*" >&2; exit 1; }
[ -x "$cli" ] || fail "no CLI at $cli; build it with: mvn -B -q -pl app/cli -am package -DskipTests"
command -v pdfsig >/dev/null || fail "pdfsig is missing; install poppler-utils (.ci/apt-packages.txt)"
java25=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n 1)
[ -n "$java25" ] || fail "no JDK 25 under /usr/lib/jvm (the page editor runs PDFBox from the CLI's lib folder)"

work=$(mktemp -d)
devnet_pid=""
cleanup() {
  if [ -n "$devnet_pid" ]; then
    kill "$devnet_pid" 2>/dev/null || true
    wait "$devnet_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
data="$work/data"
net="$work/devnet"

echo "== demo network, sync, verify, report"
"$cli" devnet --data-dir "$data" --state-dir "$net" --inferences 40 --dishonest-rate 0.3 >"$work/devnet.log" 2>&1 &
devnet_pid=$!
for _ in $(seq 1 600); do
  [ -f "$net/devnet.json" ] && break
  kill -0 "$devnet_pid" 2>/dev/null || { cat "$work/devnet.log" >&2; fail "the demo network stopped before it was ready"; }
  sleep 0.5
done
[ -f "$net/devnet.json" ] || fail "the demo network was not ready after 300 s"
"$cli" sync --devnet "$net" --data-dir "$data" >/dev/null
rc=0
"$cli" verify --all --devnet "$net" --data-dir "$data" >/dev/null || rc=$?
[ "$rc" -le 2 ] || fail "verify failed with exit $rc"
"$cli" report --all --devnet "$net" --data-dir "$data" --json "$work/report.json" --pdf "$work/report.pdf" \
  --title "pdfsig check" | grep -E '^(wrote|MISMATCH)'
key="$data/auditor-key.pub.pem"

# pdfsig exits 0 whatever it finds; what it prints is the verdict
signed_and_unmodified() { # FILE -> 0 when pdfsig says the signature is valid and covers the whole document
  out=$(pdfsig "$1" 2>&1 || true)
  echo "$out" | sed 's/^/    /'
  echo "$out" | grep -qx '  - Signature Validation: Signature is Valid.' && echo "$out" | grep -qx '  - Total document signed'
}

check_report() { # FILE EXPECTED_EXIT
  rc=0
  out=$("$cli" check-report "$1" --key "$key") || rc=$?
  echo "$out" | head -n 4 | sed 's/^/    /'
  [ "$rc" -eq "$2" ] || fail "check-report $1 exited $rc, expected $2"
}

echo "== the report as written"
signed_and_unmodified "$work/report.pdf" || fail "pdfsig does not say the written report is signed and unmodified"
check_report "$work/report.pdf" 0

for mode in incremental flip; do
  echo "== page 2 edited ($mode)"
  "$java25" -cp "app/cli/target/lib/*" .ci/PdfPageEdit.java "$mode" "$work/report.pdf" "$work/edited-$mode.pdf"
  if signed_and_unmodified "$work/edited-$mode.pdf"; then
    fail "pdfsig still says the $mode-edited report is signed and unmodified"
  fi
  check_report "$work/edited-$mode.pdf" 1
done
if [ -n "${PDFSIG_CHECK_KEEP:-}" ]; then
  mkdir -p "$PDFSIG_CHECK_KEEP"
  cp "$work"/report.json "$work"/*.pdf "$key" "$PDFSIG_CHECK_KEEP"/
fi
echo "pdfsig-check: OK (pdfsig and check-report accept the written report and refuse both edits)"
