"""sitrep's web UI: static HTML, JavaScript and CSS in ``static/``, served by ``sitrep.api``.

The UI draws with d3, topojson-client and world-atlas from the npm packages that
``scripts/setup-web.sh`` installs; the app serves them under ``/vendor/``.
"""
