"""``invoke serve``: serve output/ on 127.0.0.1 and rebuild when content or theme change."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def snapshot(roots: Iterable[Path]) -> dict[Path, float]:
    """Modification times of every file under *roots*: a change means rebuild."""
    times: dict[Path, float] = {}
    for root in roots:
        files = [root] if root.is_file() else root.rglob("*")
        for path in files:
            if path.is_file():
                times[path] = path.stat().st_mtime
    return times


def watch(roots: list[Path], on_change: Callable[[], object], stop: threading.Event) -> None:
    """Poll *roots* once a second; polling needs no extra dependency and is fast enough here."""
    last = snapshot(roots)
    while not stop.wait(1.0):
        current = snapshot(roots)
        if current != last:
            last = current
            on_change()


def serve(
    output: Path,
    watched: list[Path],
    rebuild: Callable[[], object],
    host: str = "127.0.0.1",
    port: int = 8000,
) -> None:
    """Serve *output* until interrupted, calling *rebuild* when a watched file changes."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(output))
    server = ThreadingHTTPServer((host, port), handler)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(watched, rebuild, stop), daemon=True)
    watcher.start()
    print(f"Serving {output}/ at http://{host}:{port}/ (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        stop.set()
        server.server_close()
