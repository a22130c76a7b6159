"""Helpers shared by several test modules (fixtures live in conftest.py)."""

from __future__ import annotations


def is_materials_toggle_autocomplete(message: dict[str, object]) -> bool:
    """The one Nu Html Checker message kept on purpose: Material marks its drawer and search
    toggles autocomplete="off" so that a browser does not restore them after back navigation (the
    drawer would reopen: test_quality.test_drawer_is_closed_after_back_navigation). HTML allows
    the attribute on text-like inputs only; we keep Material's markup rather than rewrite its output."""
    return (
        message.get("type") == "error"
        and str(message.get("message", "")).startswith("Attribute “autocomplete” is only allowed")
        and 'class="md-toggle"' in str(message.get("extract") or "")
    )
