"""The people registry and canonical names."""

from __future__ import annotations

from pathlib import Path

from claims.entities import Registry, canonical_name, default_registry, strip_titles


def test_aliases_of_one_person() -> None:
    for m in ("Putin", "Vladimir Putin", "Russian President Vladimir Putin"):
        assert canonical_name(m) == "Vladimir Putin"
    assert canonical_name("Raisi") == "Ebrahim Raisi"
    assert canonical_name("Iranian President Ebrahim Raisi") == "Ebrahim Raisi"


def test_surname_from_known_names() -> None:
    assert canonical_name("Lopez", known=["Maria Lopez"]) == "Maria Lopez"
    assert canonical_name("Lopez") == "Lopez"


def test_strip_titles() -> None:
    assert strip_titles("Kremlin foreign policy adviser Yuri Ushakov") == "Yuri Ushakov"
    assert strip_titles("Mr. Smith") == "Smith"


def test_registry_qids() -> None:
    reg = default_registry()
    putin = reg.lookup("Putin")
    assert putin is not None and putin.qid == "Q7747"
    kremlin = reg.lookup("the Kremlin")
    assert kremlin is not None and kremlin.is_organization and kremlin.qid is None


def test_table_is_well_formed() -> None:
    reg = default_registry()
    assert reg.entities
    for ent in reg.entities:
        assert ent.kind in ("person", "organization")
        assert ent.qid is None or (ent.qid.startswith("Q") and ent.qid[1:].isdigit())


def test_missing_table_gives_empty_registry(tmp_path: Path) -> None:
    assert Registry.load(tmp_path / "none.csv").entities == ()
