#!/usr/bin/env bash
# Runs every test: unit (Domain, Application), integration (a throwaway PostgreSQL cluster, or the server in
# AGENTP_TEST_DATABASE_URL) and end-to-end (Playwright driving Debian's Chromium against the real app).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

# Browser tests use Debian's Chromium; Playwright downloads no browser of its own.
if [ ! -x /usr/bin/chromium ]; then
  echo "==> Installing Debian's chromium for the browser tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ -z "${AGENTP_TEST_DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "==> Installing PostgreSQL for the integration tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
command -v npm >/dev/null || { echo "npm is needed to restore the front-end libraries (Node.js)." >&2; exit 1; }

echo "==> Building"
dotnet build AgentP.sln -c Release -nologo -v quiet -clp:ErrorsOnly

echo "==> Testing"
# Every test project, one after another and the browser tests last: run alongside the integration suite (its many
# app hosts and databases on two cores), a page load in Chromium once outlasted its 30 s timeout.
status=0
for project in $(ls tests/*/*.Tests.csproj | grep -v '/E2E.Tests/') tests/E2E.Tests/AgentP.E2E.Tests.csproj; do
  dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=minimal" || status=1
done
exit "$status"
