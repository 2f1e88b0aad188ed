"""Jinja2 over templates/: the only module that renders text. Wording lives in the templates.

A user may put templates of the same names in their own folder ([drafts] templates = "DIR");
theirs are used first.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@lru_cache(maxsize=4)
def environment(user_dir: Path | None = None) -> jinja2.Environment:
    """One environment per template folder: it caches compiled templates."""
    paths = [str(user_dir)] if user_dir else []
    paths.append(str(TEMPLATES))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain-text mail, never HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, context: dict[str, object], user_dir: Path | None = None) -> str:
    return environment(user_dir).get_template(name).render(**context)


@lru_cache(maxsize=4)
def html_environment(user_dir: Path | None = None) -> jinja2.Environment:
    """For HTML output: every value escaped, so text from mail can never become markup."""
    paths = [str(user_dir)] if user_dir else []
    paths.append(str(TEMPLATES))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(name: str, context: dict[str, object], user_dir: Path | None = None) -> str:
    return html_environment(user_dir).get_template(name).render(**context)
