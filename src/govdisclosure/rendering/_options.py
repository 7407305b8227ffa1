"""The options of every renderer (kept apart so that importing the package stays cheap)."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["RenderOptions"]


def _positive(_: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value.__class__ is not int or value < 1:
        raise ValueError(f"RenderOptions.{attribute.name} must be an int >= 1, got {value!r}")


def _ambiguous(_: Any, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (value.__class__ is not int or value not in (1, 2)):
        raise ValueError(f"RenderOptions.{attribute.name} must be 1, 2 or None, got {value!r}")


def _id_prefix(_: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if (
        not isinstance(value, str)
        or not value
        or not all(c.isascii() and (c.isalnum() or c in "-_") for c in value)
        or not value[0].isalpha()
    ):
        raise ValueError(
            f"RenderOptions.{attribute.name} must start with a letter and hold only ASCII "
            f"letters, digits, '-' and '_', got {value!r}"
        )


_bool = attrs.validators.instance_of(bool)


@attrs.frozen(kw_only=True)
class RenderOptions:
    """How to render; every option has the default an agency would publish with.

    >>> RenderOptions(grouping=True)
    RenderOptions(grouping=True, fullwidth=True, metadata=True, standalone=True,
                  stylesheet=None, text_width=132, label_width=40, ambiguous_width=None,
                  id_prefix='gd')
    >>> RenderOptions(text_width=0)
    Traceback (most recent call last):
    ...
    ValueError: RenderOptions.text_width must be an int >= 1, got 0
    """

    grouping: bool = attrs.field(default=False, validator=_bool)
    """Group the digits of amounts (``36,581.50``); reports mostly print none."""
    fullwidth: bool = attrs.field(default=True, validator=_bool)
    """Chinese output prints full-width ``（），：；`` as the forms and published pages do: in
    the layout's labels (``第二十条第（一）项``, ``本年收费金额（单位：万元）``), the corner note
    and heading ordinals (``（一）``). ``False`` prints the stored ASCII forms (``(一)``); the
    report's own words are printed as stated either way, and English output is ASCII."""
    metadata: bool = attrs.field(default=True, validator=_bool)
    """Print the web page's metadata block (索引号 … 发文日期) under the title."""
    standalone: bool = attrs.field(default=True, validator=_bool)
    """HTML: a whole document (``<!doctype html>`` …); ``False`` gives a fragment to embed."""
    stylesheet: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )
    """HTML: CSS to embed instead of the default print stylesheet (standalone only)."""
    text_width: int = attrs.field(default=132, validator=_positive)
    """Text: the width tables try to keep within (a line printer's 132 columns), by wrapping
    column headers."""
    label_width: int = attrs.field(default=40, validator=_positive)
    """Text: the width at which row labels wrap."""
    ambiguous_width: int | None = attrs.field(default=None, validator=_ambiguous)
    """Text: the width of East Asian Ambiguous characters such as “ ”: 2 as CJK fonts print
    them, 1 as most Western terminals do; ``None`` is 2 in a Chinese locale, else 1."""
    id_prefix: str = attrs.field(default="gd", validator=_id_prefix)
    """HTML: the prefix of every ``id`` (several reports on one page need distinct ones)."""
