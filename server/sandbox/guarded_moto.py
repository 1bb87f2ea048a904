"""The local sandbox: moto's server, answering this machine's Eventform only.

moto_server reflects any Origin in its CORS headers and ignores Host, so any web page could read and
change the sandbox (and DNS rebinding could reach it by name). This runs the same moto application
behind a check: a request must name a loopback Host and carry no Origin (browsers send one with every
cross-origin call and preflight; the AWS SDK in Eventform's server sends none), and no CORS header
ever leaves it.

Usage: python3 guarded_moto.py PORT
"""
import re
import sys

from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

LOOPBACK_HOST = re.compile(r"^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d+)?$", re.IGNORECASE)


class Guard:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        host = environ.get("HTTP_HOST", "")
        if not LOOPBACK_HOST.match(host) or environ.get("HTTP_ORIGIN") is not None:
            body = b"Refused: the Eventform sandbox answers Eventform's server only\n"
            start_response("403 Forbidden", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
            return [body]

        def without_cors(status, headers, exc_info=None):
            kept = [(name, value) for name, value in headers if not name.lower().startswith("access-control-")]
            return start_response(status, kept, exc_info)

        return self.app(environ, without_cors)


if __name__ == "__main__":
    port = int(sys.argv[1])
    app = DomainDispatcherApplication(create_backend_app)
    run_simple("127.0.0.1", port, Guard(app), threaded=True, use_reloader=False)
