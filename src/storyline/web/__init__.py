"""The web app: a FastAPI app over the story store, with HTML pages, a JSON API and exports.

``create_app(db_url)`` builds the app; ``storyline.web.serve.serve`` runs it with uvicorn.
"""

from storyline.web.app import create_app

__all__ = ["create_app"]
