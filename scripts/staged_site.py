"""Build a site into folders beside its target and put them in place only when the build
succeeded, so that a failed or interrupted build never replaces a good site. Plain Python, no
MkDocs import.

Two folders are published together: the site (`site/`, what the web server serves) and the
server's configuration written for it (`site-config/`, beside it and never inside it: nothing
that is not for readers is in the web root; see deploy/).
"""

from __future__ import annotations

import shutil
from pathlib import Path


def server_config_dir(site: Path) -> Path:
    """Where the server's configuration for a site is published: site-config/ beside site/."""
    return site.with_name(site.name + "-config")


class StagedSite:
    """`site/` is built as `site.building/` and its server configuration written to
    `site-config.building/`; `publish()` swaps both in, `discard()` throws them away."""

    def __init__(self, target: Path) -> None:
        self._targets = (target, server_config_dir(target))

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
        """Empty whatever an interrupted build left, and return the folder to build the site into."""
        for target in self._targets:
            for leftover in (self._staging(target), self._previous(target)):
                shutil.rmtree(leftover, ignore_errors=True)
        return self.site

    def publish(self) -> None:
        """Replace the targets with the finished build (renames on one file system)."""
        for target in self._targets:
            if target.exists():
                target.rename(self._previous(target))
        for target in self._targets:
            staging = self._staging(target)
            staging.mkdir(parents=True, exist_ok=True)  # a build that wrote no server configuration
            staging.rename(target)
        for target in self._targets:
            shutil.rmtree(self._previous(target), ignore_errors=True)

    def discard(self) -> None:
        for target in self._targets:
            shutil.rmtree(self._staging(target), ignore_errors=True)
