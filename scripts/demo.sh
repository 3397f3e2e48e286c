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
echo "(the commands above run inside the environment: first '. .venv/bin/activate')"
