"""`main.py train CORPUS --on` switches on only a tagger the corpus can use, as the
app's switch does (core.review.tagger_switch): one trained from another pipeline is
refused, and the switch stays as it was."""

from core.corpus import training
from core.corpus.store import Store
from tests.conftest import run_main
from tests.training_data import make_corpus


def test_a_tagger_from_another_pipeline_is_not_switched_on(tmp_path):
    path = make_corpus(tmp_path / "other.qlab", done=2)
    with Store(path) as store:
        training.store_trained(
            store,
            training.Kept("tagger:y", "xx_other_pipeline", 1, "now", "{}", "{}", b""),
            on=False,
        )
    done = run_main("train", path, "--on")
    assert done.returncode == 1
    assert "cannot be switched on" in done.stderr and "xx_other_pipeline" in done.stderr
    with Store(path) as store:
        assert not training.tagger_on(store)
    assert run_main("train", path, "--off").returncode == 0  # off needs no usable tagger
