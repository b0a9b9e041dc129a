"""Detente's web UI and REST API: ``create_app(db_path)`` (FastAPI) and ``detente serve``.

:mod:`~detente.web.queries` is the database layer (plain data, paged SQL), :mod:`~detente.web.app`
the routes, templates and error handlers; CONTRACT.md lists the URLs and test hooks.
"""
