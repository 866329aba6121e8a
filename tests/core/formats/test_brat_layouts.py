"""brat as other corpora write it (issue 21, item 4): PolNeAR's layout (``text/X.txt``
beside ``attributions/X_ANNOTATOR.ann``), discontinuous spans, and no speaker name the
file did not give stored as an annotator's."""

import json

from core.formats.ingest import import_paths
from core.model import Span, State

TEXT = '"We will build it," the mayor said, "and soon." He left.\nOfficials said little.'


def span(part, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(part, i + 1)
    return i, i + len(part)


def polnear(tmp_path, annotators=("4b22",), ann=""):
    """A PolNeAR-shaped compartment: train/text/X.txt, train/attributions/X_A.ann."""
    root = tmp_path / "train"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "nyt_2016-10-01_bridge.txt").write_text(TEXT)
    (root / "text" / "nyt_2016-10-01_bridge-plan.txt").write_text("Nobody said a thing.")
    for a in annotators:
        (root / "attributions" / f"nyt_2016-10-01_bridge_{a}.ann").write_text(ann)
    return root


def test_polnear_s_layout_brings_its_annotations(tmp_path, corpus):
    """The .ann in attributions/ was ignored and the article suggested for instead."""
    s, e = span("We will build it,")
    ss, se = span("the mayor")
    ann = f"T1\tContent {s} {e}\tWe will build it,\nT2\tSource {ss} {se}\tthe mayor\n"
    ann += "R1\tATTR Arg1:T2 Arg2:T1\n"
    root = polnear(tmp_path, ann=ann)
    report = import_paths(corpus, [root], None)
    assert not report.problems and len(report.imported) == 2 and not report.warnings
    by_text = {corpus.article(i).text: i for i in report.imported}
    (a,) = corpus.attributions(by_text[TEXT])
    assert (a.quote, a.speaker, a.state) == (Span(s, e), Span(ss, se), State.ACCEPTED)
    assert corpus.attributions(by_text["Nobody said a thing."]) == []  # no .ann of its own


def test_other_annotators_files_are_named_not_dropped_silently(tmp_path, corpus):
    s, e = span("We will build it,")
    root = polnear(tmp_path, ("4b22", "ef2d"), f"T1\tContent {s} {e}\tWe will build it,\n")
    report = import_paths(corpus, [root], None)
    assert not report.problems
    assert report.warnings == [
        f"{root / 'text' / 'nyt_2016-10-01_bridge.txt'}: annotated in "
        "nyt_2016-10-01_bridge_4b22.ann, also in nyt_2016-10-01_bridge_ef2d.ann: left out "
        "(a corpus holds one annotation of an article)"
    ]


def brat(tmp_path, ann, text=TEXT):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text(text)
    (folder / "a.ann").write_text(ann)
    return folder


def test_a_quote_in_pieces_is_kept_in_pieces(tmp_path, corpus):
    """`2213 2285;2287 2574` became one span, the words between the pieces with it."""
    (s1, e1), (s2, e2) = span("We will build it,"), span("and soon.")
    ss, se = span("the mayor")
    cs, ce = span("said")
    ann = (
        f"T1\tContent {s1} {e1};{s2} {e2}\tWe will build it, and soon.\n"
        f"T2\tSource {ss} {se}\tthe mayor\nT3\tCue {cs} {ce}\tsaid\n"
        "E1\tCue:T3 Source:T2 Content:T1\n#1\tAnnotatorNotes T1\tMayor Ana Ruiz\n"
    )
    report = import_paths(corpus, [brat(tmp_path, ann)], None)
    assert not report.problems
    got = [(a.quote, a.speaker, a.cue, a.speaker_name) for a in corpus.attributions(1)]
    assert got == [
        (Span(s1, e1), Span(ss, se), Span(cs, ce), "Mayor Ana Ruiz"),
        (Span(s2, e2), Span(ss, se), Span(cs, ce), "Mayor Ana Ruiz"),
    ]


def test_pieces_parted_by_a_line_break_only_are_one_span(tmp_path, corpus):
    text = "He said that the bridge\nwould reopen soon."
    s, e = text.index("the bridge"), text.index(" soon") + len(" soon.")
    ann = f"T1\tQuote {s} {s + 10};{s + 11} {e}\tthe bridge would reopen soon.\n"
    report = import_paths(corpus, [brat(tmp_path, ann, text)], None)
    assert not report.problems
    assert [a.quote for a in corpus.attributions(1)] == [Span(s, e)]


def test_a_speaker_in_pieces_is_refused_by_line(tmp_path, corpus):
    (s1, e1), (s2, e2) = span("the mayor"), span("He")
    ann = f"T1\tContent 1 17\tWe will build it\nT2\tSource {s1} {e1};{s2} {e2}\tthe mayor He\n"
    report = import_paths(corpus, [brat(tmp_path, ann)], None)
    assert not report.imported
    assert report.problems == [
        f"{tmp_path / 'brat' / 'a.ann'} line 2: Source {s1} {e1};{s2} {e2} is in pieces with "
        "words between them; a speaker is one span (a quote may be in pieces)"
    ]


def test_no_speaker_name_the_file_did_not_give_is_stored_as_accepted(tmp_path, corpus):
    """`He` got a name from the suggester's resolution, stored as the annotator's."""
    s, e = span("He left")
    ann = f"T1\tContent {span('Officials said')[1] + 1} {len(TEXT)}\tlittle.\n"
    ann += f"T2\tSource {s} {s + 2}\tHe\nR1\tATTR Arg1:T2 Arg2:T1\n"
    ann += f"T3\tContent 1 17\tWe will build it\nT4\tSource {span('the mayor')[0]} "
    ann += f"{span('the mayor')[1]}\tthe mayor\nR2\tATTR Arg1:T4 Arg2:T3\nA1\tState T3 suggested\n"
    report = import_paths(corpus, [brat(tmp_path, ann)], None)
    assert not report.problems
    first, second = corpus.attributions(1)
    assert (first.state, second.state) == (State.SUGGESTED, State.ACCEPTED)
    assert first.speaker_name is not None  # a suggestion: the S key's name, a suggestion
    assert second.speaker_name is None  # accepted: no name nobody gave


def test_jsonl_accepted_annotations_get_no_invented_name(tmp_path, corpus):
    text = "Ana Ruiz spoke. Ruiz said the plan was sound."
    q, s = text.index("the plan"), text.index("Ruiz said")
    quote = {"quote": {"start": q, "end": len(text)}, "speaker": {"start": s, "end": s + 4}}
    lines = [
        {"text": text, "quotes": [{**quote, "state": "accepted"}]},
        {"text": text + " Yes.", "quotes": [quote]},  # a suggestion
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    report = import_paths(corpus, [path], None)
    assert not report.problems
    assert [corpus.attributions(i)[0].speaker_name for i in report.imported] == [None, "Ana Ruiz"]
