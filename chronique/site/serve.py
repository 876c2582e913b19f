"""``invoke serve``: serve output/ on 127.0.0.1 and rebuild when content or theme change.

A build that fails, however it fails, is reported and the last good site stays served: the
server and its watcher outlive every error of a rebuild, and the next change rebuilds again.
Rebuilds run in this process, which keeps the articles read by the last published build in
memory (chronique.site.incremental.load_article_memo) instead of reading their memo back.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

NOT_FOUND_PAGE = "404.html"


def snapshot(roots: Iterable[Path]) -> dict[Path, float]:
    """Modification times of every file under *roots*: a change means rebuild."""
    times: dict[Path, float] = {}
    for root in roots:
        files = [root] if root.is_file() else root.rglob("*")
        for path in files:
            try:
                if path.is_file():
                    times[path] = path.stat().st_mtime
            except OSError:  # removed while we looked (an editor saving): seen next time
                continue
    return times


def survive(rebuild: Callable[[], object]) -> Callable[[], None]:
    """*rebuild*, reporting any exception it raises instead of letting it stop the server."""

    def guarded() -> None:
        try:
            rebuild()
        except Exception as exc:  # any failure of a build must leave the server up
            print(
                f"Build failed: {type(exc).__name__}: {exc}\n"
                "Still serving the last good site; save a file to rebuild.",
                file=sys.stderr,
            )

    return guarded


def watch(
    roots: list[Path],
    on_change: Callable[[], object],
    stop: threading.Event,
    interval: float,
    last: dict[Path, float] | None = None,
) -> None:
    """Poll *roots* every *interval* seconds, from the state *last* (now by default);
    polling needs no extra dependency and is fast enough here."""
    last = snapshot(roots) if last is None else last
    while not stop.wait(interval):
        current = snapshot(roots)
        if current != last:
            last = current
            on_change()


class SiteHandler(SimpleHTTPRequestHandler):
    """Files of the site; a missing one answers 404 with the site's own ``404.html``."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / NOT_FOUND_PAGE
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass
class DevServer:
    """A running server and its watcher; :meth:`close` stops both."""

    server: ThreadingHTTPServer
    stop: threading.Event

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def close(self) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


def start(
    output: Path,
    watched: list[Path],
    rebuild: Callable[[], object],
    host: str = "127.0.0.1",
    port: int = 8000,
    interval: float = 1.0,
) -> DevServer:
    """Serve *output* and watch *watched* in background threads (port 0: any free port)."""
    handler = functools.partial(SiteHandler, directory=str(output))
    server = ThreadingHTTPServer((host, port), handler)
    stop = threading.Event()
    for target, args in (
        # the state the served site was built from, taken before any request is answered:
        # a change made as soon as start() returns is a change
        (watch, (watched, survive(rebuild), stop, interval, snapshot(watched))),
        (server.serve_forever, ()),
    ):
        threading.Thread(target=target, args=args, daemon=True).start()
    return DevServer(server, stop)


def serve(
    output: Path,
    watched: list[Path],
    rebuild: Callable[[], object],
    host: str = "127.0.0.1",
    port: int = 8000,
) -> None:
    """Serve *output* until interrupted, calling *rebuild* when a watched file changes."""
    running = start(output, watched, rebuild, host, port)
    print(f"Serving {output}/ at {running.url} (Ctrl-C to stop)")
    try:
        running.stop.wait()
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        running.close()
