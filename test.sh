#!/usr/bin/env bash
# Runs every test of ConversationHub on a fresh machine:
#  1. installs what the tests need when it is missing (PostgreSQL server, Chromium, a Japanese font and the
#     mecab-ipadic lexicon via apt when running as root; the npm packages of tests/js),
#  2. starts a throw-away PostgreSQL on a spare port (stopped on exit),
#  3. runs every test project of the solution against it and prints one summary line.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '\n== %s\n' "$*"; }

install_system_packages() {
  local missing=()
  command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi "IPAGothic\|IPAゴシック" || missing+=(fonts-ipafont-gothic)
  command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
  # The lexicon search reads kanji with (surface -> reading CSVs under /usr/share/mecab/dic/ipadic).
  [ -d /usr/share/mecab/dic/ipadic ] || missing+=(mecab-ipadic)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" != 0 ]; then
    echo "Missing packages (${missing[*]}); run as root or install them first." >&2
    exit 1
  fi
  log "Installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_npm_packages() {
  log "Installing the tests' npm packages"
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
}

install_system_packages
install_npm_packages

pg_dir=$(mktemp -d /tmp/hub-pg.XXXXXX)
chmod 755 "$pg_dir"
cleanup() { tests/postgres.sh stop "$pg_dir"; rm -rf "$pg_dir"; }
trap cleanup EXIT
log "Starting PostgreSQL"
HUB_TEST_POSTGRES=$(tests/postgres.sh start "$pg_dir")
export HUB_TEST_POSTGRES

log "Building"
dotnet build ConversationHub.sln -c Debug -nologo -v q

log "Running tests"
results="$root/artifacts/test-results"
rm -rf "$results"
status=0
dotnet test ConversationHub.sln --no-build -nologo --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line that every reader understands: "N passed, N failed, N skipped".
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"\n{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
