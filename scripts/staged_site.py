"""Build a site into folders beside its target and put them in place only when the build
succeeded, so that a failed, interrupted or overlapping build never replaces a good site. Plain
Python, no MkDocs import.

Two folders are published together: the site (`site/`, what the web server serves) and the
server's configuration written for it (`site-config/`, beside it and never inside it: nothing
that is not for readers is in the web root; see deploy/).

- One build at a time: `begin()` takes an exclusive lock (`site.lock`, beside the site) and a
  second build of the same site stops at once, saying so; the lock ends with the process.
- Interrupted: SIGINT and SIGTERM are held off while the folders are swapped, and a swap cut
  short by anything else (a power cut) is undone by the next `begin()`, or finished when only its
  clean-up was cut: the two folders are always of the same build.
"""

from __future__ import annotations

import contextlib
import fcntl
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import IO


class BuildUnderWay(Exception):
    """Another build of the same site holds its lock."""


def server_config_dir(site: Path) -> Path:
    """Where the server's configuration for a site is published: site-config/ beside site/."""
    return site.with_name(site.name + "-config")


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done (then act as they would have)."""
    received: list[int] = []

    def hold(number: int, _frame: object) -> None:
        received.append(number)

    held = (signal.SIGINT, signal.SIGTERM)
    previous = [signal.signal(number, hold) for number in held]
    try:
        yield
    finally:
        for number, handler in zip(held, previous, strict=True):
            signal.signal(number, handler)
        for caught in received:
            signal.raise_signal(caught)


class StagedSite:
    """`site/` is built as `site.building/` and its server configuration written to
    `site-config.building/`; `publish()` swaps both in, `discard()` throws them away."""

    def __init__(self, target: Path) -> None:
        self._targets = (target, server_config_dir(target))
        self._lock_path = target.with_name(target.name + ".lock")
        self._lock: IO[str] | None = None

    def _staging(self, target: Path) -> Path:
        return target.with_name(target.name + ".building")

    def _previous(self, target: Path) -> Path:
        return target.with_name(target.name + ".previous")

    @property
    def site(self) -> Path:
        """The folder to build the site into."""
        return self._staging(self._targets[0])

    @property
    def server_config(self) -> Path:
        """The folder to write the server's configuration into."""
        return self._staging(self._targets[1])

    def begin(self) -> Path:
        """Take the lock, put back a site a cut-short swap left aside, empty whatever an
        interrupted build left, and return the folder to build the site into. Raises
        BuildUnderWay when another build holds the lock."""
        self._lock_path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = self._lock_path.open("w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            self._lock.close()
            self._lock = None
            raise BuildUnderWay(
                f"another build of {self._targets[0]} is under way (it holds {self._lock_path}); wait for it to end"
            ) from error
        # A swap cut short left a `.previous` folder. If every staged folder was moved in, the swap
        # was done and only its clean-up was cut; otherwise the old pair goes back, both folders:
        # never a new site with the old server configuration, or the other way round.
        finished = not any(self._staging(target).exists() for target in self._targets)
        for target in self._targets:
            previous = self._previous(target)
            if previous.exists() and not finished:
                shutil.rmtree(target, ignore_errors=True)  # a new folder already moved in
                previous.rename(target)
            for leftover in (self._staging(target), previous):
                shutil.rmtree(leftover, ignore_errors=True)
        return self.site

    def publish(self) -> None:
        """Replace the targets with the finished build (renames on one file system), with SIGINT
        and SIGTERM held off until both are in place."""
        with _signals_held():
            for target in self._targets:
                if target.exists():
                    target.rename(self._previous(target))
            for target in self._targets:
                staging = self._staging(target)
                staging.mkdir(parents=True, exist_ok=True)  # a build that wrote no server configuration
                staging.rename(target)
        for target in self._targets:
            shutil.rmtree(self._previous(target), ignore_errors=True)
        self._release()

    def discard(self) -> None:
        for target in self._targets:
            shutil.rmtree(self._staging(target), ignore_errors=True)
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the file ends the lock
            self._lock = None
