"""Name forms shared by resolution in the article, across the corpus and merge candidates."""

import pytest

from core.suggest.names import initials, name_key
from tests.core.suggest.test_suggest import suggest


@pytest.mark.parametrize(
    "spelling", ["the WHO", "WHO", "The WHO", "the WHO report", "The WHO\u2019s", "WHO's statement"]
)
def test_one_name_up_to_case_article_possessive_and_report(spelling):
    assert name_key(spelling) == "who"


def test_different_names_keep_different_keys():
    assert name_key("The Hague") != name_key("Hague Report Group")
    assert name_key("The") == "the"  # a lone article is kept, not emptied


def test_initials_leave_small_words_out():
    assert initials("the World Health Organization") == "WHO"
    assert initials("Department of Health and Human Services") == "DHHS"
    assert initials("Okafor") == ""


def test_a_name_without_its_middle_initial_resolves_to_the_fullest_form(suggester):
    text = (
        "Maria L. Ortega runs the clinic.\n\n"
        '"We are full every day," Maria Ortega said.\n\n'
        '"Nobody is turned away," Ortega said.'
    )
    assert [name for _, _, name, _, _ in suggest(suggester, text)] == ["Maria L. Ortega"] * 2
