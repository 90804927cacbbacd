"""CAMEO codes, Goldstein scores, quad classes and the PLOVER mapping."""

from __future__ import annotations

import pytest

from dateline.events.cameo import cameo_info, cameo_table, quad_class_of, root_of
from dateline.events.plover import PLOVER_05_TO_20, plover_for


def test_cameo_table_fixes_the_mis_encoded_third_location_name() -> None:
    assert cameo_info("044").name == "Meet at a 'third' location"  # type: ignore[union-attr]


def test_cameo_table_splits_the_two_codes_that_ran_together() -> None:
    table = cameo_table()
    assert table["1056"].name == "Demand de-escalation of military engagement"
    assert table["106"].name == "Demand withdrawal"
    assert table["106"].goldstein == -5.0


def test_cameo_info_gives_goldstein_root_and_gdelt_quad_class() -> None:
    info = cameo_info("0871")
    assert info is not None
    assert (info.root, info.goldstein, info.quad_class) == ("08", 9.0, 2)
    assert cameo_info("164").quad_class == 4  # type: ignore[union-attr]
    assert cameo_info("120").quad_class == 3  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("root", "quad"),
    [("01", 1), ("05", 1), ("06", 2), ("09", 2), ("10", 3), ("14", 3), ("15", 4), ("20", 4)],
)
def test_quad_classes_follow_gdelt_root_ranges(root: str, quad: int) -> None:
    assert quad_class_of(root + "0") == quad


def test_every_table_code_has_a_name_and_its_root_in_the_table() -> None:
    table = cameo_table()
    assert len(table) > 300
    for code, info in table.items():
        assert info.name, code
        assert info.root == code[:2] and info.root in table


def test_non_cameo_test_codes_keep_their_root_and_unknown_scores() -> None:
    info = cameo_info("174K")
    assert info is not None
    assert (info.code, info.root, info.goldstein, info.quad_class) == ("174K", "17", None, 4)
    odd = cameo_info("345")
    assert odd is not None and odd.root == "34" and odd.quad_class is None
    assert cameo_info("---") is None
    assert root_of("0871") == "08"


def test_numeric_codes_missing_from_the_table_take_their_parents_score() -> None:
    info = cameo_info("1213")
    assert info is not None and info.goldstein == cameo_table()["121"].goldstein
    assert info.quad_class == 3


def test_plover_maps_meeting_in_a_third_location_to_consult_third_party() -> None:
    assert plover_for("044") == ("CONSULT", "third-party")
    assert plover_for("0871") == ("RETREAT", "ceasefire")
    assert plover_for("164") == ("SANCTION", "withdraw")


def test_plover_falls_back_to_shorter_prefixes_without_their_mode() -> None:
    assert plover_for("0457") == ("CONSULT", None)
    assert plover_for("174K") == ("COERCE", None)


def test_plover_maps_appeals_to_request_and_statements_to_nothing() -> None:
    assert plover_for("021")[0] == "REQUEST"
    assert plover_for("010") == (None, None)


def test_plover_05_types_map_to_current_ones() -> None:
    assert PLOVER_05_TO_20["FIGHT"] == "ASSAULT"
    assert PLOVER_05_TO_20["DEMAND"] == "REQUEST"
