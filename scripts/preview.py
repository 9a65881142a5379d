"""Serve the built site through Debian's nginx with the shipped configuration (deploy/nginx/).

Usage: python scripts/preview.py [SITE_DIR]   (port: PREVIEW_PORT, default 8080)

`make preview` builds the site and runs this in the foreground until Ctrl-C. The tests start
the same server (:func:`start`) on a free port. nginx gets a configuration of its own in a
temporary folder: the few lines a local server needs (port, paths, no daemon), and the site's
part, ``deploy/nginx/kennisbank.conf``, included unchanged, exactly as on a production server.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGINX = Path("/usr/sbin/nginx")
SITE_CONFIG = ROOT / "deploy" / "nginx" / "kennisbank.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")
MISSING_NGINX = (
    "nginx ontbreekt (/usr/sbin/nginx). 'make preview' en 'make test' installeren het als dat mag; "
    "anders eenmalig: sudo apt-get update && sudo apt-get install -y nginx"
)

_LOCAL = """\
# Written by scripts/preview.py for one local run; the site's own part is included unchanged.
daemon off;
{user}worker_processes 1;
pid {work}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 256; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
{servers}
}}
"""

_LOCAL_SERVER = """    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {site};
        include {site_config};
    }}"""


def local_config(site: Path, port: int, work: Path, servers: str | None = None) -> str:
    """nginx.conf for serving ``site`` on 127.0.0.1:``port``, with ``work`` for its own files;
    ``servers`` replaces the local server block (the tests run the production example so).

    Run as root, nginx would hand requests to workers running as ``nobody``, who cannot read a
    site in a private folder: the workers then run as the owner of the site folder instead.
    """
    user = ""
    if os.geteuid() == 0:
        user = f"user {pwd.getpwuid(site.stat().st_uid).pw_name};\n"
    if servers is None:
        servers = _LOCAL_SERVER.format(port=port, site=site.resolve(), site_config=SITE_CONFIG)
    return _LOCAL.format(user=user, work=work, mime_types=MIME_TYPES, servers=servers)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    """A running nginx over a built site."""

    process: subprocess.Popen[bytes]
    work: Path
    url: str

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # fast shutdown, as on Ctrl-C
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.work, ignore_errors=True)


def start(site: Path, port: int | None = None) -> Server:
    """Start nginx over ``site`` and wait until it answers; raises with nginx's own words if not."""
    if not NGINX.exists():
        raise FileNotFoundError(MISSING_NGINX)
    port = port or free_port()
    work = Path(tempfile.mkdtemp(prefix="kennisbank-nginx-"))
    config = work / "nginx.conf"
    config.write_text(local_config(site, port, work), encoding="utf-8")
    # -e: nginx's own startup messages to stderr too (its default log is not writable for a user).
    process = subprocess.Popen([str(NGINX), "-p", str(work), "-c", str(config), "-e", "stderr"])
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            shutil.rmtree(work, ignore_errors=True)
            raise RuntimeError(f"nginx stopte meteen (code {process.returncode}); zie de melding hierboven")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return Server(process, work, f"http://127.0.0.1:{port}/")
        except OSError:
            time.sleep(0.05)
    process.kill()
    shutil.rmtree(work, ignore_errors=True)
    raise RuntimeError(f"nginx antwoordt niet op poort {port}")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    # Ctrl-C and a plain kill stop nginx too, also when this runs where SIGINT is ignored (a
    # background job of a script, which Python would otherwise leave ignored).
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")
    if not (site / "index.html").exists():
        print(f"Geen gebouwde site in {site}; draai eerst 'make build'.", file=sys.stderr)
        return 1
    port = int(os.environ.get("PREVIEW_PORT", "8080"))
    try:
        server = start(site, port)
    except (FileNotFoundError, RuntimeError) as problem:
        print(f"FOUT: {problem}", file=sys.stderr)
        return 1
    print(f"De site draait achter nginx met deploy/nginx/kennisbank.conf: {server.url}  (stoppen: Ctrl-C)", flush=True)
    try:
        server.process.wait()
    except KeyboardInterrupt:
        pass  # Ctrl-C reaches nginx too (same terminal); stop() waits for it and cleans up
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
