#!/usr/bin/env bash
# The web UI's extras: the npm packages it serves (npm ci, from package-lock.json) and
# Debian's chromium for the end-to-end tests. Idempotent: does nothing when both are there.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp="node_modules/.sitrep-web"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup-web: npm is missing; install Node.js (apt-get install -y nodejs npm)" >&2
    exit 1
  fi
  echo "setup-web: installing the UI's npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "setup-web: installing Debian's chromium for the end-to-end tests" >&2
  if [ "$(id -u)" -eq 0 ]; then
    { apt-get update -qq && apt-get install -y -qq chromium; } \
      || echo "setup-web: apt-get could not install chromium; the e2e tests will skip" >&2
  elif command -v sudo >/dev/null 2>&1; then
    { sudo apt-get update -qq && sudo apt-get install -y -qq chromium; } \
      || echo "setup-web: apt-get could not install chromium; the e2e tests will skip" >&2
  else
    echo "setup-web: cannot install chromium (not root, no sudo); the e2e tests will skip" >&2
  fi
fi
