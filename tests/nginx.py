"""The site as it is published: built for a URL (`site_url`), served by a real nginx on 127.0.0.1.

Used by tests/test_quality.py and benchmarks/site.py. nginx runs in the foreground
(`daemon off`) as a child process, with its own configuration, pid file, logs and temporary
folders inside a folder the caller owns; it is stopped by its process id.

    with nginx(docroot, workdir, port=free_port(), prefix="/tim/") as base_url: ...
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from scripts.csp import SERVER_INCLUDE
from scripts.staged_site import server_config_dir
from tests.support import ROOT, build_site, slow_only

DEPLOY = ROOT / "deploy"  # the server configuration that ships: events.conf (main), http.conf, site.conf (server)
MIME_TYPES = Path("/etc/nginx/mime.types")  # Debian's package nginx-common


def nginx_binary() -> str:
    """nginx from the system (Debian's package `nginx`); it lives in sbin, which a user's PATH may lack."""
    found = shutil.which("nginx") or shutil.which("nginx", path=os.pathsep.join(["/usr/sbin", "/sbin"]))
    if not found:
        raise RuntimeError("nginx not found: install Debian's nginx ('sudo apt-get install nginx', or run 'make test')")
    return found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]  # (host, port) for AF_INET; typeshed says Any
        return port


def build_at(site_url: str, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """A strict build of the project as it would be published at `site_url`, written to `site_dir`."""
    return build_site(ROOT, site_dir, site_url=site_url)


def config_text(docroot: Path, site_dir: Path, workdir: Path, port: int) -> str:
    """nginx.conf for one test run: the shipped deploy/events.conf and deploy/site.conf, the file
    the build wrote beside the site (site-config/nginx-site.conf), and this run's port, folders
    and logs."""
    temp = "\n".join(
        f"    {name}_temp_path {workdir / (name + '_temp')};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the caller's private tmp folders
    return f"""# Generated for one test run; see tests/nginx.py.
daemon off;
master_process on;
{user}pid {workdir / "nginx.pid"};
error_log {workdir / "error.log"} warn;
include {DEPLOY / "events.conf"};

http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {workdir / "access.log"};
{temp}
    sendfile on;
    include {server_config_dir(site_dir) / SERVER_INCLUDE};
    include {DEPLOY / "http.conf"};

    server {{
        listen 127.0.0.1:{port};
        server_name 127.0.0.1;
        root {docroot};
        include {DEPLOY / "site.conf"};
    }}
}}
"""


class Nginx:
    """One nginx master process serving `docroot` on 127.0.0.1:`port`."""

    def __init__(self, docroot: Path, workdir: Path, port: int, prefix: str = "/") -> None:
        if not (prefix.startswith("/") and prefix.endswith("/")):
            raise ValueError(f"prefix must start and end with '/': {prefix!r}")
        self.docroot, self.workdir, self.port, self.prefix = docroot, workdir, port, prefix
        self.config = workdir / "nginx.conf"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        """The site's URL, ending in '/': http://127.0.0.1:PORT/ or http://127.0.0.1:PORT/tim/."""
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def log(self) -> str:
        error_log = self.workdir / "error.log"
        return error_log.read_text(encoding="utf-8", errors="replace") if error_log.exists() else ""

    def start(self, timeout: float = 10.0) -> None:
        slow_only("serves the site with nginx")
        self.workdir.mkdir(parents=True, exist_ok=True)
        site_dir = (self.docroot / self.prefix.strip("/")).resolve()  # under a sub-path, a link to the built site
        self.config.write_text(config_text(self.docroot, site_dir, self.workdir, self.port), encoding="utf-8")
        binary = nginx_binary()
        # -e: the error log before the configuration is read (otherwise the system's log path).
        command = [binary, "-p", str(self.workdir), "-e", str(self.workdir / "error.log"), "-c", str(self.config)]
        checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True, check=False)
        if checked.returncode:
            raise RuntimeError(f"nginx rejected its configuration {self.config}:\n{checked.stderr}")
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                stderr = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                raise RuntimeError(f"nginx exited with status {self.process.returncode}:\n{stderr}\n{self.log()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"nginx did not listen on 127.0.0.1:{self.port} within {timeout} s:\n{self.log()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGQUIT)  # graceful: the master waits for its worker
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()


@contextlib.contextmanager
def nginx(docroot: Path, workdir: Path, port: int, prefix: str = "/") -> Iterator[str]:
    """Serve `docroot` with nginx while the block runs; yields the site's base URL (ending in '/')."""
    server = Nginx(docroot, workdir, port, prefix)
    server.start()
    try:
        yield server.base_url
    finally:
        server.stop()


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve a built site at the root of 127.0.0.1:PORT with nginx and the shipped configuration
    (deploy/, and the site-config/ the build wrote beside it), as readers get it: its policy,
    headers, 404 pages and media types. Yields the base URL without a final '/'."""
    with tempfile.TemporaryDirectory(prefix="nginx-") as workdir, nginx(site_dir, Path(workdir), free_port()) as url:
        yield url.rstrip("/")


def published_site(
    workdir: Path, prefix: str = "/", port: int | None = None
) -> tuple[Path, Path, int, subprocess.CompletedProcess[str]]:
    """Build the project for http://127.0.0.1:PORT{prefix} under `workdir`, as deploy/ has it: the
    site in site/ (under a sub-path, docroot/tim is a link to it) and the server's include in
    site-config/ beside it, outside the web root.

    Returns (docroot, site_dir, port, build result).
    """
    port = port or free_port()
    site_dir = workdir / "site"
    result = build_at(f"http://127.0.0.1:{port}{prefix}", site_dir)
    if not prefix.strip("/"):
        return site_dir, site_dir, port, result
    docroot = workdir / "docroot"
    docroot.mkdir(parents=True, exist_ok=True)
    (docroot / prefix.strip("/")).symlink_to(site_dir, target_is_directory=True)
    return docroot, site_dir, port, result
