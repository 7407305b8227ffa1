"""The sums a paragraph states ("其中", "包括"), read in time linear in the paragraph."""

from __future__ import annotations

from govdisclosure.parse._narrative import _MAX_PARTS, facts_and_relations


def _relations(text: str) -> list[tuple[str, tuple[str, ...]]]:
    _, relations = facts_and_relations([((1,), 0, text)])
    return [(r.result, r.add) for r in relations]


def test_a_breakdown_is_read() -> None:
    assert _relations("共受理申请12件，其中自然人5件，法人7件。") == [
        ("s1.p0.f1", ("s1.p0.f2", "s1.p0.f3"))
    ]


def test_every_breakdown_of_a_long_paragraph_is_read() -> None:
    """Each sentence's breakdown, however many sentences the paragraph holds."""
    n = 500
    text = "共受理申请12件，其中自然人5件，法人7件。" * n
    found = _relations(text)
    assert len(found) == n
    assert found[-1] == (f"s1.p0.f{3 * n - 2}", (f"s1.p0.f{3 * n - 1}", f"s1.p0.f{3 * n}"))


def test_a_figure_in_brackets_is_no_part() -> None:
    assert _relations("共受理申请12件，其中自然人5件（含代理2件），法人7件。") == [
        ("s1.p0.f1", ("s1.p0.f2", "s1.p0.f4"))
    ]


def test_a_sentence_of_more_figures_than_any_list_states_no_breakdown() -> None:
    """A page without stops: the list after 其中 runs on for more than ``_MAX_PARTS``
    figures, so no sum is read from it (and reading it does not grow quadratically)."""
    parts = "，".join("1件" for _ in range(_MAX_PARTS + 1))
    assert _relations(f"共受理申请{_MAX_PARTS + 1}件，其中{parts}") == []
    parts = "，".join("1件" for _ in range(_MAX_PARTS - 1))
    found = _relations(f"共受理申请{_MAX_PARTS - 1}件，其中{parts}")
    assert len(found) == 1
    assert len(found[0][1]) == _MAX_PARTS - 1
