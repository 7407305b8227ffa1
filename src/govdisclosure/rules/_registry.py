"""The families of rules, as a registry: what :func:`~govdisclosure.rules.check` runs.

A family is one module with one function ``check(ctx) -> Iterable[Finding]`` and, as data,
the codes it produces (their editions are the catalogue's): the engine runs each family that
has a code to run for the report's edition and every input it needs, then puts the findings
in catalogue order. The library's own families are listed in :mod:`._engine`; another one
joins with :func:`register` (analysis registers its GA rules so), bringing its own rules and
message parts.

>>> [f.name for f in families()][:3]
['table sums', 'agency kind', 'stated relations']
>>> family("cross-year").needs
frozenset({'previous'})
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from govdisclosure.model import Edition
from govdisclosure.rules._catalog import Rule, add_parts, add_rules, drop_parts, drop_rules, rule

if TYPE_CHECKING:  # pragma: no cover
    from govdisclosure.rules._context import Context
    from govdisclosure.rules._findings import Finding

__all__ = ["Family", "families", "family", "register", "unregister"]


def _codes(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    codes = tuple(value)
    if not codes:
        raise ValueError("a family produces at least one code")
    return codes


def _parts(
    value: Mapping[str, tuple[str, str]] | Iterable[tuple[str, tuple[str, str]]],
) -> tuple[tuple[str, tuple[str, str]], ...]:
    return tuple(dict(value).items())


def _rules(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(value)


def _names(value: Iterable[str]) -> frozenset[str]:
    return frozenset((value,) if isinstance(value, str) else value)


@attrs.frozen(slots=True)
class Family:
    """A family of rules: its ``name``, its ``check(ctx)``, the ``codes`` it produces.

    ``rules`` are the catalogue entries of a family from outside the catalogue (their codes
    are among ``codes``), ``parts`` its named message parts (name → (Chinese, English)
    template, see :func:`~govdisclosure.rules._catalog.part`); ``needs`` names the inputs of
    the :class:`~govdisclosure.rules.Context` it cannot run without (``"previous"``, or an
    entry of :attr:`Context.inputs <govdisclosure.rules.Context.inputs>`).
    """

    name: str
    check: Callable[[Context], Iterable[Finding]] = attrs.field(eq=False)
    codes: tuple[str, ...] = attrs.field(converter=_codes)
    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_rules)
    parts: tuple[tuple[str, tuple[str, str]], ...] = attrs.field(default=(), converter=_parts)
    needs: frozenset[str] = attrs.field(default=frozenset(), converter=_names)

    @property
    def editions(self) -> frozenset[Edition]:
        """The editions of the reports the family has a rule for (from the catalogue)."""
        return frozenset().union(*(rule(c).editions for c in self.codes))


_FAMILIES: dict[str, Family] = {}
_ORDERED: list[tuple[Family, ...]] = [()]
"""The registered families as a tuple, kept in step with ``_FAMILIES``."""
_PRODUCED: dict[str, str] = {}
"""Which family produces each code."""


def register(family: Family) -> Family:
    """Let ``family`` join the registry: :func:`~govdisclosure.rules.check` runs it from now on.

    Its rules and message parts become known (:func:`~govdisclosure.rules.rule`); its codes
    must be new, and each must have a rule. Returns ``family``. ValueError when the name or
    a code is taken.
    """
    if not isinstance(family, Family):
        raise TypeError(f"register expects a Family, got {type(family).__name__}")
    if family.name in _FAMILIES:
        raise ValueError(f"a family named {family.name!r} is registered already")
    taken = [c for c in family.codes if c in _PRODUCED]
    if taken:
        raise ValueError(f"codes produced by another family already: {', '.join(taken)}")
    own = {r.code for r in family.rules}
    if not own <= set(family.codes):
        raise ValueError(
            f"rules of codes the family does not produce: {sorted(own - set(family.codes))}"
        )
    add_rules(family.rules)
    try:
        add_parts(dict(family.parts))
        for code in family.codes:
            rule(code)  # KeyError naming the known codes
    except (KeyError, ValueError):
        drop_rules(tuple(own))
        drop_parts(tuple(dict(family.parts)))
        raise
    _FAMILIES[family.name] = family
    _ORDERED[0] = tuple(_FAMILIES.values())
    _PRODUCED.update(dict.fromkeys(family.codes, family.name))
    return family


def unregister(name: str) -> Family:
    """Remove the family ``name`` (and the rules and parts it brought); it is returned."""
    try:
        family = _FAMILIES.pop(name)
    except KeyError:
        raise KeyError(f"no family {name!r}; registered: {', '.join(_FAMILIES)}") from None
    _ORDERED[0] = tuple(_FAMILIES.values())
    for code in family.codes:
        del _PRODUCED[code]
    drop_rules(tuple(r.code for r in family.rules))
    drop_parts(tuple(dict(family.parts)))
    return family


def families() -> tuple[Family, ...]:
    """Every registered family, in the order they joined."""
    return _ORDERED[0]


def family(name: str) -> Family:
    """The registered family ``name``; :class:`KeyError` naming the families otherwise."""
    try:
        return _FAMILIES[name]
    except KeyError:
        raise KeyError(f"no family {name!r}; registered: {', '.join(_FAMILIES)}") from None
