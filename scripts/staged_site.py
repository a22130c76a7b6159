"""Build a site into a folder beside its target and put it in place only when the build succeeded,
so that a failed build never replaces a good site. Plain Python, no MkDocs import."""

from __future__ import annotations

import shutil
from pathlib import Path


class StagedSite:
    """`site/` is built as `site.building/`; `publish()` swaps it in, `discard()` throws it away."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.staging = target.with_name(target.name + ".building")
        self._previous = target.with_name(target.name + ".previous")

    def begin(self) -> Path:
        """The folder to build into, emptied of whatever an interrupted build left there."""
        for leftover in (self.staging, self._previous):
            shutil.rmtree(leftover, ignore_errors=True)
        return self.staging

    def publish(self) -> None:
        """Replace the target with the finished build (two renames on one file system)."""
        if self.target.exists():
            self.target.rename(self._previous)
        self.staging.rename(self.target)
        shutil.rmtree(self._previous, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
