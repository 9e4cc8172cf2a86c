"""The review page's web server: Flask on the loopback interface, every request carrying a random token.

Flask (with Werkzeug's server) because the page is a handful of JSON routes
and static files for one person on one machine: a thread, no event loop, no
build step. As in Jupyter, the address printed holds a token; every request
must show it (the page sends it in a header), requests that change files are
POSTs of JSON, and the Host header must name the loopback address, so that
another web page cannot drive the server from the browser.
"""
from __future__ import annotations

import hmac
import secrets
from importlib import resources

from checker.review.session import Refused, Review

HOSTS = ("127.0.0.1", "localhost")
COOKIE = "claimcheck_token"
STATIC = ("review.html", "review.js", "review.css")
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8"}


def create_app(review: Review, token: str):
    from flask import Flask, abort, jsonify, request

    app = Flask("claimcheck.review", static_folder=None)

    @app.before_request
    def guard():
        host = (request.host or "").rsplit(":", 1)[0].strip("[]")
        if host not in HOSTS:
            abort(403)
        given = request.headers.get("X-Claimcheck-Token") or ""
        if request.method == "GET":  # the page's own address holds it; its scripts and styles send the cookie
            given = given or request.args.get("token") or request.cookies.get(COOKIE) or ""
        if not hmac.compare_digest(given.encode(), token.encode()):
            return jsonify(error="this page needs the token printed by `claimcheck review`"), 403

    @app.after_request
    def headers(response):
        response.headers["Content-Security-Policy"] = ("default-src 'self'; script-src 'self'; style-src 'self'; "
                                                       "connect-src 'self'; frame-ancestors 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"  # the token stays out of other sites' logs
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(Refused)
    def refused(exc: Refused):
        return jsonify(error=str(exc)), exc.status

    @app.get("/")
    def page():
        response = _static("review.html")
        response.set_cookie(COOKIE, token, httponly=True, samesite="Strict")
        return response

    @app.get("/favicon.ico")
    def icon():
        return "", 204

    @app.get("/static/<name>")
    def static(name: str):
        if name not in STATIC:
            abort(404)
        return _static(name)

    @app.get("/api/documents")
    def documents():
        with review.lock:
            return jsonify(documents=review.documents(), seconds=round(review.seconds, 3))

    @app.get("/api/document")
    def document():
        with review.lock:
            return jsonify(review.document(request.args.get("name", "")))

    @app.get("/api/vocabulary")
    def vocabulary():
        with review.lock:
            return jsonify(names=review.vocabulary(request.args.get("kind", "metric"), request.args.get("q", "")))

    @app.post("/api/save")
    def save():
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise Refused("a save is a JSON object")
        return jsonify(review.save(body))

    return app


def _static(name: str):
    from flask import Response

    data = resources.files("checker.review").joinpath("static", name).read_bytes()
    return Response(data, content_type=CONTENT_TYPES["." + name.rsplit(".", 1)[-1]])


def serve(review: Review, port: int = 0, open_browser: bool = True, echo=print) -> None:
    """Serve until Ctrl-C; the first line printed is the page's address with its token."""
    from werkzeug.serving import make_server

    token = secrets.token_urlsafe(24)
    server = make_server("127.0.0.1", port, create_app(review, token), threaded=False)
    url = f"http://127.0.0.1:{server.server_port}/?token={token}"
    echo(url)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
