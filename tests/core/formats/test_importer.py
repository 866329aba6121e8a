import codecs
import json

import pytest

from core.config import MAX_IMPORT_BYTES
from core.formats.imported import ImportProblem
from core.formats.ingest import import_paths
from core.formats.reading import read_file
from core.formats.text import parse_text
from tests.conftest import SAMPLE


def _one(path):
    (item,) = list(read_file(path))
    return item


def test_news_shape_metadata_and_non_body():
    art = _one(SAMPLE).article
    assert art.title.startswith("No 'Real Concessions': Putin Used Trump Call")
    assert art.byline == "Anastasia Tenisheva"
    assert art.date == "2025-05-20"
    assert art.url.startswith("https://www.themoscowtimes.com/2025/05/20/no-real-concessions")
    assert "<u>" not in art.text and "</u>" not in art.text
    assert 'both leaders said the call "went very well"' in art.text
    non_body = [art.text[s.start : s.end] for s in art.non_body]
    assert non_body[0].startswith("No 'Real Concessions'") and "Kremlin.ru" in non_body[0]
    assert sum(t.startswith("Related article:") for t in non_body) == 2
    assert non_body[-1].startswith("Original url:")
    body = "".join(art.text[b.start : b.end] for b in art.body_ranges())
    assert body.lstrip().startswith("When U.S. President Donald Trump")
    assert "Related article" not in body and "Original url" not in body


def test_plain_text_first_line_title(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("Mayor Opens Bridge\n\nThe mayor opened the bridge, officials said.\n")
    art = _one(p).article
    assert art.title == "Mayor Opens Bridge"
    assert art.body_ranges()[0].start > 0
    q = tmp_path / "notitle.txt"
    q.write_text("The mayor opened the bridge on Monday, officials said, and left.\n")
    art = _one(q).article
    assert art.title == "notitle" and art.non_body == []


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + "Caf\u00e9 \u201cquote\u201d said.".encode(),
        "Caf\u00e9 \u201cquote\u201d said.".encode("utf-16"),
        "Caf\u00e9 \u201cquote\u201d said.".encode(),
    ],
)
def test_unicode_encodings(tmp_path, encoded):
    p = tmp_path / "a.txt"
    p.write_bytes(encoded)
    item = _one(p)
    assert item.article.text == "Caf\u00e9 \u201cquote\u201d said."
    assert item.warnings == []


def test_cp1252_falls_back_with_warning(tmp_path):
    p = tmp_path / "win.txt"
    p.write_bytes("Caf\u00e9 \u201cquote\u201d said.".encode("cp1252"))
    item = _one(p)
    assert item.article.text == "Caf\u00e9 \u201cquote\u201d said."
    assert "cp1252" in item.warnings[0] and "win.txt" in item.warnings[0]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_bad_files_are_refused_by_name(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    (problem,) = list(read_file(p))
    assert isinstance(problem, ImportProblem)
    assert "bad.txt" in str(problem) and reason in str(problem)


def test_oversize_file_is_refused(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(MAX_IMPORT_BYTES + 1)
    (problem,) = list(read_file(p))
    assert isinstance(problem, ImportProblem) and "too large" in str(problem)


def test_batch_goes_on_after_a_bad_file_and_reimport_is_a_no_op(tmp_path, corpus):
    folder = tmp_path / "in" / "nested"
    folder.mkdir(parents=True)
    (folder / "good.txt").write_text("Title Here\n\nThe council met on Monday, officials said.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\x00")  # not a text suffix: not collected
    report = import_paths(corpus, [tmp_path / "in"], None)
    assert len(report.imported) == 1
    assert len(report.problems) == 1 and "empty.txt" in report.problems[0]
    again = import_paths(corpus, [tmp_path / "in" / "nested" / "good.txt"], None)
    assert again.imported == [] and again.duplicates == ["good.txt"]
    assert any("already in the corpus" in line for line in again.lines())
    assert len(corpus.article_ids()) == 1


def test_jsonl_prodigy_shape_with_pre_annotations(tmp_path):
    text = '"We will not back down," said Mayor Jane Doe.'
    task = {
        "text": text,
        "meta": {"title": "Doe speaks", "source": "news"},
        "spans": [
            {"start": 1, "end": 23, "label": "QUOTE"},
            {"start": 25, "end": 29, "label": "CUE"},
            {"start": 30, "end": 44, "label": "SPEAKER"},
        ],
        "relations": [
            {
                "head_span": {"start": 25, "end": 29, "label": "CUE"},
                "child_span": {"start": 1, "end": 23, "label": "QUOTE"},
                "label": "CONTENT",
            },
            {
                "head_span": {"start": 25, "end": 29, "label": "CUE"},
                "child_span": {"start": 30, "end": 44, "label": "SPEAKER"},
                "label": "SOURCE",
            },
        ],
    }
    p = tmp_path / "tasks.jsonl"
    p.write_text(json.dumps(task) + "\n\n" + json.dumps({"text": "Second article, plain."}) + "\n")
    first, second = list(read_file(p))
    assert first.article.title == "Doe speaks"
    (a,) = first.attributions
    assert text[a.quote.start : a.quote.end] == "We will not back down,"
    assert text[a.speaker.start : a.speaker.end] == "Mayor Jane Doe"
    assert text[a.cue.start : a.cue.end] == "said"
    assert second.attributions == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ('{"text": "cut', "line 2: not valid JSON (Unterminated string at column 10)"),
        ('{"meta": {}}', 'line 2: expected an object with a "text"'),
        ('{"text": " "}', "line 2: the text is empty"),
        ('{"text": "short", "quotes": [{"quote": {"start": 2, "end": 99}}]}', "outside the text"),
        (
            '{"text": "short text", "quotes": [{"quote": {"start": 0, "end": 10},'
            ' "speaker": {"start": 6, "end": 10}}]}',
            "may not overlap the quote",
        ),
        (
            '{"text": "short text", "quotes": [{"quote": {"start": 1, "end": 10}}]}',
            "line 2: quote 1-10 does not start and end on token bounds: 'hort text'",
        ),
        ('{"text": "short", "quotes": [{"quote": {"start": 4, "end": 2}}]}', "empty"),
    ],
)
def test_malformed_jsonl_names_the_line(tmp_path, line, message):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "A fine first line."}\n' + line + "\n")
    good, bad = list(read_file(p))
    assert not isinstance(good, ImportProblem)
    assert isinstance(bad, ImportProblem)
    assert "bad.jsonl" in str(bad) and message in str(bad)


def test_line_endings_are_normalised():
    art = parse_text("Head Line\r\n\r\nBody one said.\rBody two.\n", "x.txt")
    assert "\r" not in art.text and art.text.endswith("Body two.")


def _at(text, part, after=0):
    start = text.index(part, after)
    return {"start": start, "end": start + len(part)}


def test_annotations_without_type_or_speaker_name_get_what_the_app_gives(tmp_path, corpus):
    """They came in as direct quotes of nobody (report: "Speakers (0 names)"): the type
    now follows the quotation marks as the Q key does, a suggestion's name is the S
    key's."""
    gomez = "Senator Maria Gomez said the bill would pass."
    brown = (
        'Tom Brown said: "We will win." He added that the plan was sound. "Not now," Brown said.'
    )
    prodigy = 'Ana Ruiz said: "We are ready."'
    quote, speaker = _at(prodigy, "We are ready"), _at(prodigy, "Ana Ruiz")
    who = "The World Health Organization (WHO) met on Monday.\n\nWHO said the outbreak was over."
    lines = [
        {
            "text": who,
            "quotes": [
                {
                    "quote": _at(who, "the outbreak was over"),
                    "speaker": _at(who, "WHO", 40),
                    "cue": _at(who, "said"),
                }
            ],
        },
        {
            "text": gomez,
            "quotes": [
                {
                    "quote": {"start": 25, "end": 44},
                    "speaker": {"start": 0, "end": 19},
                    "cue": {"start": 20, "end": 24},
                }
            ],
        },
        {
            "text": brown,
            "quotes": [
                {
                    "quote": _at(brown, "We will win."),
                    "speaker": _at(brown, "Tom Brown"),
                    "type": "mixed",
                    "speaker_name": "Thomas Brown",
                },  # given: kept
                {"quote": _at(brown, "the plan was sound"), "speaker": _at(brown, "He")},
                {"quote": _at(brown, "Not now,"), "speaker": _at(brown, "Brown", 70)},
            ],
        },
        {
            "text": prodigy,
            "spans": [{**quote, "label": "QUOTE"}, {**speaker, "label": "SPEAKER"}],
            "relations": [
                {
                    "head_span": {**speaker, "label": "SPEAKER"},
                    "child_span": {**quote, "label": "QUOTE"},
                    "label": "SOURCE",
                }
            ],
        },
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    folder = tmp_path / "brat"
    folder.mkdir()
    text = 'Ana Ruiz said the plan was sound. "It is," she said.'
    (folder / "x.txt").write_text(text)
    (folder / "x.ann").write_text(
        "T1\tSource 0 8\tAna Ruiz\nT2\tCue 9 13\tsaid\nT3\tContent 14 32\tthe plan was sound\n"
        "R1\tSpeaker_of Arg1:T1 Arg2:T3\nR2\tCue_of Arg1:T2 Arg2:T3\n"
        "T4\tContent 35 40\tIt is\nT5\tSource 43 46\tshe\nR3\tSpeaker_of Arg1:T5 Arg2:T4\n"
    )
    report = import_paths(corpus, [path, folder], None)
    assert not report.problems and len(report.imported) == 5

    def found(art_id):
        return [(a.type.value, a.speaker_name) for a in corpus.attributions(art_id)]

    by_text = {corpus.article(i).text: i for i in report.imported}
    assert found(by_text[gomez]) == [("indirect", "Maria Gomez")]  # (titles are no name)
    # an acronym: what the whole article makes of it, as the S key and the suggester do
    assert found(by_text[who]) == [("indirect", "World Health Organization")]
    assert found(by_text[brown]) == [
        ("mixed", "Thomas Brown"),  # as given
        ("indirect", "Thomas Brown"),  # he: the person named before
        ("direct", "Thomas Brown"),  # a surname: the fullest name given
    ]
    assert found(by_text[prodigy]) == [("direct", "Ana Ruiz")]
    # brat quotes with no State are accepted annotations: a name their file did not give
    # is nobody's (docs/adr/0028); the suggestions above get the S key's, as suggestions
    assert found(by_text[text]) == [("indirect", None), ("direct", None)]


FRENCH = "Le maire a déclaré : « Le pont rouvrira très bientôt », a-t-il précisé à l’État."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, codec):
    """It was refused as "a binary file (it contains NUL bytes)"."""
    p = tmp_path / "a.txt"
    p.write_bytes(f"Bridge News\n\n{FRENCH}\n".encode(codec))
    item = _one(p)
    assert item.article.text.endswith(FRENCH) and item.article.title == "Bridge News"
    assert item.warnings == [f"{p}: UTF-16 without a byte order mark; read as {codec.upper()}"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        # mostly characters above U+00FF: too few NULs to be sure of the order
        ("東京都の小池知事は「予算案は都民を守る」と述べた。 2025年".encode("utf-16-le"), "UTF-16"),
        (FRENCH.encode("utf-16-le")[:-1], "UTF-16"),  # cut in a character
        (
            "東京都の小池百合子知事は「来年度の予算案は都民の生活を守るものだ」と述べた。".encode(
                "shift_jis"
            ),
            "another encoding",
        ),
        ("Мэр заявил, что мост скоро откроется.".encode("cp1251"), "another encoding"),
        ("Koike said 「予算案は都民を守る」 on Monday.".encode("shift_jis"), "does not define"),
        # UTF-8 with a stray cp1252 byte: was read as cp1252 ("CafÃ© crÃ¨me")
        (FRENCH.encode() + " \xe9t\xe9".encode("cp1252"), "UTF-8 letters elsewhere"),
        # a UTF-8 byte order mark, then cp1252: the accents became U+FFFD, without a word
        (codecs.BOM_UTF8 + FRENCH.encode("cp1252"), "byte order mark"),
    ],
    ids=[
        "cjk-utf16",
        "cut-utf16",
        "shift-jis",
        "cp1251",
        "shift-jis-in-english",
        "utf8-with-a-cp1252-byte",
        "bom-then-cp1252",
    ],
)
def test_text_in_an_encoding_that_cannot_be_read_is_refused_by_name(tmp_path, content, reason):
    """Shift-JIS used to be stored as cp1252 mojibake with only "check the accents"."""
    p = tmp_path / "other.txt"
    p.write_bytes(content)
    (problem,) = list(read_file(p))
    assert isinstance(problem, ImportProblem), problem
    assert "other.txt" in str(problem) and reason in str(problem) and "UTF-8" in str(problem)


def test_western_text_in_cp1252_is_still_read(tmp_path):
    p = tmp_path / "fr.txt"
    p.write_bytes(FRENCH.encode("cp1252"))
    item = _one(p)
    assert item.article.text == FRENCH and "check the accents" in item.warnings[0]


def test_spans_off_token_bounds_are_refused_showing_the_text_there(tmp_path, corpus):
    """JSONL and brat say alike what the text holds at the span (quoted, escaped, cut)."""
    text = "Ana Ruiz said the plan\nwas sound and the budget would be balanced by the end of June."
    start = text.index("he plan")
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": text, "quotes": [{"quote": {"start": start, "end": 84}}]}))
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "x.txt").write_text(text)
    (folder / "x.ann").write_text(f"T1\tSource 0 8\tAna Ruiz\nT2\tContent {start} 84\n")
    report = import_paths(corpus, [p, folder], None)
    shown = "'he plan\\nwas sound and the budget would \u2026'"
    assert sorted(report.problems) == [
        f"{p} line 1: quote {start}-84 does not start and end on token bounds: {shown}",
        f"{folder / 'x.ann'} line 2: quote {start}-84 does not start and end on token bounds: "
        + shown,
    ]
    assert not report.imported


def test_a_name_the_app_gives_an_imported_speaker_is_read_from_the_body(tmp_path, corpus):
    """A JSONL task's speaker with no name is named as the S key names it, from the
    article's body: not from its related-article line (``non_body``), whose ``Cole Says
    Norland`` would make ``Norland`` that."""
    text = 'Norland said it "would not attend."\n\nRelated: Cole Says Norland and Vestia to Talk'
    related = _at(text, "Related: Cole Says Norland and Vestia to Talk")
    task = {
        "text": text,
        "meta": {"non_body": [[related["start"], related["end"]]]},
        "quotes": [{"quote": _at(text, "would not attend."), "speaker": _at(text, "Norland")}],
    }
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(task) + "\n")
    report = import_paths(corpus, [path], None)
    assert not report.problems and len(report.imported) == 1
    names = [a.speaker_name for a in corpus.attributions(report.imported[0])]
    assert names == ["Norland"]


def test_imported_quotes_get_their_type_and_speaker_name_whatever_the_file_s_order(
    tmp_path, corpus
):
    """A quote span holding its own marks (as other corpora have it) came in indirect; a
    pronoun took the name of the attribution listed before it in the file, not the one
    before it in the text; a pronoun with nobody before it was named "he"."""
    text = 'Ann Lee said "x is fine." Bob Ray said "y is bad." "Z is next," he said. He left.'
    quotes = [
        {"quote": _at(text, '"y is bad."'), "speaker": _at(text, "Bob Ray")},  # marks in it
        {"quote": _at(text, "x is fine."), "speaker": _at(text, "Ann Lee")},
        {"quote": _at(text, "Z is next,"), "speaker": _at(text, "he")},
    ]
    lone = 'He said "we will see." Officials said little.'
    lines = [
        {"text": text, "quotes": quotes},
        {
            "text": lone,
            "quotes": [
                {"quote": _at(lone, "we will see."), "speaker": _at(lone, "He")},
                {
                    "quote": _at(lone, "little"),
                    "speaker": _at(lone, "Officials"),
                    "speaker_name": " ",
                },
            ],
        },
    ]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    report = import_paths(corpus, [path], None)
    assert not report.problems and len(report.imported) == 2
    first, second = report.imported
    got = [(a.type.value, a.speaker_name) for a in corpus.attributions(first)]
    assert got == [("direct", "Ann Lee"), ("direct", "Bob Ray"), ("direct", "Bob Ray")]
    # a blank name given is no name
    assert [a.speaker_name for a in corpus.attributions(second)] == [None, "Officials"]


def test_a_dateline_with_a_time_and_a_photo_credit_line():
    """ "Oct. 6, 2012 at 1:42 PM" gave no date, and a caption ending "| License Photo"
    stayed in the body (quotes were suggested in it)."""
    art = parse_text(
        "Obama Rallies Supporters in Denver\n\n"
        "By John Doe\n\n"
        "Oct. 6, 2012 at 1:42 PM\n\n"
        "President Barack Obama speaks at a rally in Denver, Colorado, on October 5, 2012. "
        "UPI/Gary C. Caskey | License Photo\n\n"
        'WASHINGTON, Oct. 6 (UPI) -- "We are not done," Obama said.\n',
        "upi.txt",
    )
    assert art.date == "2012-10-06"
    body = "".join(art.text[b.start : b.end] for b in art.body_ranges())
    assert "License Photo" not in body and body.lstrip().startswith("WASHINGTON")
