"""Each block of Material's templates that overrides/ copies is still what Material has: a
Material upgrade that changes one fails here with the block to re-check, instead of silently
keeping an old copy (Material reaches end of life on 2027-05-05; the fewer copies, the better)."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from tests.support import ROOT

MATERIAL_BASE = Path(material.__file__).parent / "templates" / "base.html"
OURS = ROOT / "overrides" / "main.html"

# block → how our copy differs from Material's, as (Material's text, ours); applied to Material's.
COPIED_BLOCKS = {
    "site_meta": [  # no hreflang alternates in the head (they are in sitemap.xml); the icon inline
        (
            """{% if config.extra.alternate is iterable %}
{% for alt in config.extra.alternate %}
<link rel="alternate" href="{{ alt.link | url }}" hreflang="{{ alt.lang | d(lang.t('language')) }}">
{% endfor %}
{% endif %}
""",
            "",
        ),
        (  # the icon written into the page: one request fewer on the first view
            """<link rel="icon" href="{{ config.theme.favicon | url }}">""",
            """<link rel="icon" href="data:image/svg+xml,{% filter trim | replace('"', "'") | replace("#", "%23") | replace("<", "%3C") | replace(">", "%3E") | replace(" ", "%20") %}{% include config.theme.favicon %}{% endfilter %}">""",
        ),
    ],
    "scripts": [  # Material's bundle deferred; our own configuration script first
        (
            "<script src=\"{{ 'assets/javascripts/bundle.a5f9d56c.min.js' | url }}\"></script>",
            "<script src=\"{{ 'assets/javascripts/bundle.a5f9d56c.min.js' | url }}\" defer></script>",
        ),
    ],
}


def block(template: str, name: str) -> str:
    """A block's body with indentation, blank lines and Jinja comments left out."""
    match = re.search(r"{%-? block " + name + r" -?%}(.*?){%-? endblock -?%}", template, re.S)
    assert match, f"no block {name}"
    body = re.sub(r"{#.*?#}", "", match.group(1), flags=re.S)
    return "".join(line.strip() + "\n" for line in body.splitlines() if line.strip())


@pytest.mark.parametrize("name", COPIED_BLOCKS)
def test_each_copied_material_block_matches_the_installed_material(name: str) -> None:
    material_block = block(MATERIAL_BASE.read_text(encoding="utf-8"), name)
    for theirs, ours in COPIED_BLOCKS[name]:
        assert theirs in material_block, f"Material's block {name} changed: re-check overrides/main.html (block {name})"
        material_block = material_block.replace(theirs, ours)
    own = block(OURS.read_text(encoding="utf-8"), name)
    if name == "scripts":  # ours starts with the clause tools' configuration, a script of its own
        own = own[own.index("<script src=") :]
    assert own == material_block, f"overrides/main.html block {name} is no longer Material's: re-check it against {MATERIAL_BASE}"


def test_the_generator_tag_names_the_installed_material() -> None:
    generator = re.search(r"mkdocs-material-([\d.]+)", MATERIAL_BASE.read_text(encoding="utf-8"))
    assert generator, f"no generator tag in {MATERIAL_BASE}"
    installed = generator.group(1)
    assert installed == version("mkdocs-material")
    assert f"mkdocs-material-{installed}" in OURS.read_text(encoding="utf-8")
