"""Start the app as a user does (`streamlit run app.py`) on a free local port, and Chromium's
launch arguments: one place for the browser tests and the benchmark."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
#: Headless, and nothing that reaches out of this machine (its network is closed).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip


def vrije_poort() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def app(
    db: Path, *, poort: int | None = None, env: Mapping[str, str] | None = None, wacht: float = 60
) -> Iterator[str]:
    """The app on store `db`; yields its URL once /_stcore/health answers, stops it after."""
    poort = poort or vrije_poort()
    omgeving = {**os.environ, "VERZUIMZICHT_DB": str(db), **(env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(poort),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=omgeving, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{poort}"
    try:
        einde = time.time() + wacht
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.time() > einde:
                    raise RuntimeError("streamlit is niet gestart") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
