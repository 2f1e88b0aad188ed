"""Jinja2 over templates/: the only module that renders text. Wording lives in the templates.

A user may put templates of the same names in their own folder ([drafts] templates = "DIR");
theirs are used first. Plain-text mail is rendered unescaped; HTML (the export page) with every
value escaped, so text from mail can never become markup there.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

# templates/ in the checkout, orderwatch/templates/ in an installed wheel: the same package.
TEMPLATES = Path(str(files("orderwatch.templates")))


@lru_cache(maxsize=8)
def environment(user_dir: Path | None = None, html: bool = False) -> jinja2.Environment:
    """One environment per template folder and kind of output: it caches compiled templates."""
    import jinja2  # on first render: a check that finds its drafts kept renders none

    paths = [str(user_dir)] if user_dir else []
    paths.append(str(TEMPLATES))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, context: dict[str, object], user_dir: Path | None = None) -> str:
    return environment(user_dir).get_template(name).render(**context)


def render_html(name: str, context: dict[str, object], user_dir: Path | None = None) -> str:
    return environment(user_dir, html=True).get_template(name).render(**context)


def titled(name: str, context: dict[str, object], user_dir: Path | None = None) -> tuple[str, str]:
    """A notice's title and body from a template whose first line is `Subject: <title>`."""
    first, _, body = render(name, context, user_dir).partition("\n")
    return first.removeprefix("Subject: ").strip(), body.strip("\n")
