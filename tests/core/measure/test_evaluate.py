"""core/measure/evaluate.py: the scorer's rules one by one, then whole files, counted by hand."""

import json
from collections import Counter

import pytest

from core.measure.evaluate import (
    EvalError,
    Item,
    align,
    evaluate_files,
    iou,
    read_gold,
    same_person,
    score,
    trim,
)
from core.model import QuoteType, Span
from tests.conftest import run_main

D, M, IND = QuoteType.DIRECT, QuoteType.MIXED, QuoteType.INDIRECT

TEXT = (
    "Headline: \u201cNo deal\u201d, says mayor\n"
    "\u201cWe will not sign,\u201d Mayor Ana Ruiz said. \u201cNot this year.\u201d\n"
    "She added that the council would meet again in May.\n"
    "Critics called the plan \u201ca disgrace\u201d on Monday, according to the Herald.\n"
)


def at(text: str, s: str) -> Span:
    i = text.index(s)
    return Span(i, i + len(s))


def test_trim_drops_spaces_marks_and_closing_punctuation():
    t = " \u201cWe will not sign,\u201d "
    assert t[trim(t, Span(0, len(t))).start : trim(t, Span(0, len(t))).end] == "We will not sign"
    assert trim("...", Span(0, 3)) == Span(0, 3)  # never empties a span


def test_iou():
    assert iou(Span(0, 10), Span(0, 10)) == 1.0
    assert iou(Span(0, 10), Span(5, 15)) == 5 / 15
    assert iou(Span(0, 10), Span(10, 20)) == 0.0


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Ivan Preobrazhensky", "ivan preobrazhensky", True),
        ("Preobrazhensky", "Ivan Preobrazhensky", True),
        ("Political analyst Ivan Preobrazhensky", "Ivan Preobrazhensky", True),
        ("the Kremlin", "Kremlin", True),
        ("DexCom Inc.", "DexCom", True),  # a legal suffix is no part of the name
        ("Apple Co", "Co", False),
        ("Trump's aide", "Trump", False),
        ("Lara Trump", "Donald Trump", False),
        ("he", "Ivan Preobrazhensky", False),
        ("he", "he", True),
        ("", "he", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same
    assert same_person(b, a) is same


def test_align_one_to_one_best_overlap_first_with_optional_and_ignore():
    gold = [
        Item(Span(0, 10), D, ("A",)),
        Item(Span(20, 30), IND, ("B",)),
        Item(Span(40, 50), M, ("C",), optional=True),
        Item(Span(60, 70), D, ("D",)),
    ]
    pred = [
        Item(Span(0, 10), D, ("A",)),  # exact, speaker right
        Item(Span(2, 10), D, ("A",)),  # would also match gold 0 (IoU .8): one to one, spurious
        Item(Span(21, 30), D, ("X",)),  # matched, not exact, wrong speaker, wrong type
        Item(Span(40, 50), M, ("C",)),  # an optional gold: neither way
        Item(Span(80, 90), D, ("E",)),  # in the ignore range: dropped
        Item(Span(64, 70), D, ("D",)),  # IoU .6 with gold 3: matched
    ]
    al = align(gold, pred, ignore=[Span(75, 95)])
    assert [(g.quote, p.quote) for g, p in al.pairs] == [
        (Span(0, 10), Span(0, 10)),
        (Span(20, 30), Span(21, 30)),
        (Span(60, 70), Span(64, 70)),
    ]
    assert al.missed == []
    assert [p.quote for p in al.spurious] == [Span(2, 10)]
    assert al.optional_found == 1
    s = score([al])
    o = s.overall
    assert (o.gold, o.pred, o.matched, o.exact, o.speaker) == (3, 4, 3, 1, 2)
    assert o.precision == 3 / 4 and o.recall == 1.0
    assert o.attribution_precision == 2 / 4 and o.attribution_recall == 2 / 3
    assert s.type_accuracy == 2 / 3
    d = s.by_type["direct"]  # gold direct: 2; pred direct: 4; both direct: 2 pairs
    assert (d.gold, d.pred, d.matched, d.exact, d.speaker) == (2, 4, 2, 1, 2)
    ind = s.by_type["indirect"]  # the indirect gold was found as direct: not an indirect match
    assert (ind.gold, ind.pred, ind.matched) == (1, 0, 0)
    assert s.by_type["mixed"].gold == 0


def test_the_speaker_name_exactly_as_gold_among_matched_quotes():
    """Exact up to surrounding whitespace: the same person by another name, another case
    or one of the gold's alternative names is right but not exact; a prediction that
    matches no gold quote does not count."""
    gold = [
        Item(Span(0, 10), D, ("Ana Ruiz",)),
        Item(Span(20, 30), D, ("Ana Ruiz",)),
        Item(Span(40, 50), IND, ("Critics",)),
        Item(Span(60, 70), D, ("Ana Ruiz", "Ruiz")),
    ]
    pred = [
        Item(Span(0, 10), D, (" Ana Ruiz\n",)),  # exact
        Item(Span(20, 30), D, ("Ruiz",)),  # the same person, not her name
        Item(Span(40, 50), IND, ("critics",)),
        Item(Span(60, 70), D, ("Ruiz",)),  # an alternative name
        Item(Span(80, 90), D, ("Ana Ruiz",)),  # spurious
    ]
    al = align(gold, pred)
    s = score([al])
    o = s.overall
    assert (o.matched, o.speaker, o.name_exact) == (4, 4, 1)
    assert o.name_exact_share == 1 / 4
    assert (s.by_type["direct"].name_exact, s.by_type["indirect"].name_exact) == (1, 0)
    assert s.as_dict()["name_exact_share"] == 0.25
    assert any("speaker name exact 0.250" in line for line in s.lines())
    # pairs known to be the same attribution: exact when they name someone
    al.same = Counter({(D, True): 2, (D, False): 1})
    o = score([al]).overall
    assert (o.matched, o.name_exact) == (7, 3)


def test_below_half_overlap_is_a_miss_and_a_false_alarm():
    al = align([Item(Span(0, 10), D)], [Item(Span(6, 14), D)])  # IoU 4/14
    assert len(al.missed) == 1 and len(al.spurious) == 1 and al.pairs == []


def _files(tmp_path, gold: dict, quotes: list[dict], text: str = TEXT):
    g = tmp_path / "a.gold.json"
    g.write_text(json.dumps(gold), encoding="utf-8")
    p = tmp_path / "pred.jsonl"
    other = {"text": "Another article entirely.", "quotes": []}
    lines = [json.dumps(other), json.dumps({"text": text, "quotes": quotes})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return g, p


def rec(text, quote, speaker=None, name=None, qtype="direct", state="suggested", cue=None):
    return {
        "quote": at(text, quote).as_dict(),
        "speaker": at(text, speaker).as_dict() if speaker else None,
        "cue": at(text, cue).as_dict() if cue else None,
        "speaker_name": name,
        "type": qtype,
        "state": state,
    }


GOLD = {
    "id": "a",
    "ignore_regions": ["Headline:"],
    "quotes": [
        {"quote": "We will not sign,", "speaker": "Mayor Ana Ruiz", "speaker_name": "Ana Ruiz",
         "cue": "said", "type": "direct"},
        {"quote": "Not this year.", "speaker": "Mayor Ana Ruiz", "speaker_name": "Ana Ruiz",
         "cue": "said", "type": "direct"},
        {"quote": "the council would meet again in May.", "speaker": "She",
         "speaker_name": "Ana Ruiz", "cue": "added", "type": "indirect"},
        {"quote": "a disgrace", "speaker": "Critics", "speaker_name": "Critics",
         "alt_speakers": ["the Herald"], "cue": "called", "type": "mixed", "optional": True},
    ],
}  # fmt: skip


def test_text_gold_is_found_in_the_predicted_article(tmp_path):
    quotes = [
        rec(TEXT, "No deal", "mayor", "mayor"),  # in the headline's ignore region: dropped
        rec(TEXT, "\u201cWe will not sign,\u201d", "Ruiz", "Ruiz"),  # marks trimmed: exact
        rec(TEXT, "Not this year", "Mayor Ana Ruiz", "Ana Ruiz"),
        rec(TEXT, "the council would meet again", "She", "She", "indirect"),  # unresolved
        rec(TEXT, "a disgrace", "the Herald", "the Herald", "mixed"),  # optional gold
        rec(TEXT, "Critics called the plan", state="rejected"),  # rejected: not a prediction
    ]
    g, p = _files(tmp_path, GOLD, quotes)
    result = evaluate_files([g], p)
    assert result.warnings == [f"{p}: 1 predicted article(s) have no gold: not scored"]
    o = result.score.overall
    # 3 required gold, 3 predictions kept, all matched; 2 exact; "She" names nobody.
    assert (o.gold, o.pred, o.matched, o.exact, o.speaker) == (3, 3, 3, 2, 2)
    assert result.score.articles == 1


def test_a_gold_quote_is_found_after_an_earlier_one_that_holds_its_words(tmp_path):
    text = 'He spoke of "economic fraud". The minister said the "fraud" went on for years.\n'
    gold = {
        "id": "b",
        "quotes": [
            {
                "quote": "economic fraud",
                "speaker": "He",
                "speaker_name": "He",
                "cue": "spoke",
                "type": "mixed",
                "optional": True,
            },
            {
                "quote": "fraud",
                "speaker": "The minister",
                "speaker_name": "The minister",
                "cue": "said",
                "type": "mixed",
            },
        ],
    }
    quotes = [rec(text, 'fraud" went', "The minister", "The minister", "mixed", cue="said")]
    quotes[0]["quote"] = {"start": text.index('fraud" went'), "end": text.index('" went')}
    g, p = _files(tmp_path, gold, quotes, text)
    o = evaluate_files([g], p).score.overall
    # the minister's "fraud" is the second one, not the words inside "economic fraud"
    assert (o.gold, o.pred, o.matched, o.exact) == (1, 1, 1, 1)


def test_a_gold_quote_in_marks_is_found_where_marks_hold_its_words(tmp_path):
    text = (
        "He denied that the man was tortured. The man said he was \u201ctortured\u201d by police.\n"
    )
    gold = {
        "id": "c",
        "quotes": [
            {
                "quote": "tortured",
                "speaker": "The man",
                "speaker_name": "The man",
                "cue": "said",
                "type": "mixed",
            }
        ],
    }
    quotes = [rec(text, "tortured\u201d", "The man", "The man", "mixed", cue="said")]
    quotes[0]["quote"] = {"start": text.index("tortured\u201d"), "end": text.index("\u201d by")}
    g, p = _files(tmp_path, gold, quotes, text)
    o = evaluate_files([g], p).score.overall
    # the man's "tortured" is the one in marks, not the words of the denial before it
    assert (o.gold, o.pred, o.matched, o.exact) == (1, 1, 1, 1)


def test_a_pronoun_counts_by_its_name_and_alt_speakers_count(tmp_path):
    gold = dict(GOLD, quotes=[dict(GOLD["quotes"][3], optional=False), GOLD["quotes"][2]])
    quotes = [
        rec(TEXT, "the council would meet again in May.", "She", "Ana Ruiz", "indirect"),
        rec(TEXT, "a disgrace", "the Herald", "Herald", "mixed"),
    ]
    g, p = _files(tmp_path, gold, quotes)
    o = evaluate_files([g], p).score.overall
    assert (o.gold, o.matched, o.exact, o.speaker) == (2, 2, 2, 2)


def test_an_export_is_gold_too(tmp_path):
    final = [
        rec(TEXT, "We will not sign,", "Mayor Ana Ruiz", "Ana Ruiz", state="accepted"),
        rec(TEXT, "Not this year.", "Mayor Ana Ruiz", "Ana Ruiz", state="accepted"),
        rec(TEXT, "Critics called the plan", state="rejected"),
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": TEXT, "quotes": final}) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    first = [rec(TEXT, "We will not sign", "She", "Ana Ruiz"), rec(TEXT, "Critics called")]
    pred.write_text(json.dumps({"text": TEXT, "quotes": first}) + "\n", encoding="utf-8")
    o = evaluate_files([gold], pred).score.overall
    assert (o.gold, o.pred, o.matched, o.exact, o.speaker) == (2, 2, 1, 1, 1)
    assert o.f1 == 0.5


def test_a_gold_whose_article_was_not_predicted_is_all_missed(tmp_path):
    g, p = _files(tmp_path, GOLD, [], text="Some other text.")
    result = evaluate_files([g], p)
    assert result.score.overall.gold == 3 and result.score.overall.pred == 0
    assert "no predicted article" in result.warnings[0]
    assert "2 predicted article(s) have no gold: not scored" in result.warnings[1]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "not a JSON file"),
        ('{"id": "x"}', 'a "quotes" list'),
        ('{"quotes": [{"quote": ""}]}', "quote 1: 'quote' must be a non-empty string"),
        ('{"quotes": [{"quote": "x", "type": "shouted"}]}', "unknown type 'shouted'"),
        ('{"quotes": [], "ignore_regions": [3]}', "'ignore_regions'"),
    ],
)
def test_bad_gold_is_refused_by_name(tmp_path, content, says):
    g = tmp_path / "bad.gold.json"
    g.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match=says) as info:
        read_gold(g)
    assert str(g) in str(info.value)


def test_bad_prediction_line_is_refused_by_line(tmp_path):
    g, _ = _files(tmp_path, GOLD, [])
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "ok", "quotes": []}\n{"text": "x", "quotes": [{"quote": 5}]}\n')
    with pytest.raises(EvalError, match=r"bad.jsonl line 2"):
        evaluate_files([g], p)


def _cli(*args):
    return run_main("evaluate", *args)


@pytest.mark.slow
def test_cli_prints_the_score_and_refuses_bad_files(tmp_path):
    g, p = _files(tmp_path, GOLD, [rec(TEXT, "Not this year.", "Ruiz", "Ana Ruiz")])
    r = _cli("--gold", g, p, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert (data["gold"], data["pred"], data["matched"], data["precision"]) == (3, 1, 1, 1.0)
    assert data["recall"] == round(1 / 3, 4)
    text = _cli("--gold", g, p)
    assert text.stdout.splitlines()[0].startswith("articles 1, gold quotes 3, predicted 1")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    r = _cli("--gold", g, bad)
    assert r.returncode == 1
    assert "bad.jsonl line 1: not valid JSON" in r.stderr and "Traceback" not in r.stderr
