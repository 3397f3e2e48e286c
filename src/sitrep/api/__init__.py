"""sitrep's REST API and web UI: ``create_app(store_url_or_path, token=None)``.

``sitrep serve`` runs it with uvicorn on 127.0.0.1; the API lives under ``/api/``, its
OpenAPI schema at ``/openapi.json``, and the web UI (``sitrep.web``) at ``/``.
"""

from sitrep.api.app import TOKEN_ENVVAR, create_app

__all__ = ["TOKEN_ENVVAR", "create_app"]
