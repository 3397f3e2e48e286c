#!/usr/bin/env bash
# The main job on the bundled sample pages: set up, ingest into SQLite, show what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export SITREP_DB="${SITREP_DB:-sitrep.db}"
.venv/bin/sitrep ingest samples/
echo
.venv/bin/sitrep events --limit 25
echo
echo
echo "look at it: .venv/bin/sitrep serve          (web UI at http://127.0.0.1:8765/)"
echo "brief:      .venv/bin/sitrep report --from 2019-12 --to 2020-01 --format html -o brief.html"
echo "(the commands above run inside the environment: first '. .venv/bin/activate')"
