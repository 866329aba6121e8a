"""Every keyboard shortcut, as data: the QActions, the cheat sheet (? / F1), the hints
in the status bar, the placeholder text and the README table are all built from this
one table, and no key name is written anywhere else. No Qt here, so the README table
can be generated without a display.

Texts that name keys say ``{action}`` (``"{select_toggle} starts a selection"``);
:func:`fill` puts in the action's first key. Messages from ``core.review.session`` do the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Act(StrEnum):
    """Every action the window offers."""

    NEXT_ITEM = "next_item"
    PREV_ITEM = "prev_item"
    JUMP = "jump"
    ACCEPT = "accept"
    REJECT = "reject"
    ACCEPT_ALL = "accept_all"
    NEXT_ARTICLE = "next_article"
    PREV_ARTICLE = "prev_article"
    DONE_NEXT = "done_next"
    FINISH = "finish"
    UNCERTAIN_FIRST = "uncertain_first"
    FLAG = "flag"
    COMMENT = "comment"
    FLAG_ARTICLE = "flag_article"
    COMMENT_ARTICLE = "comment_article"
    TARGET_NEXT = "target_next"
    TARGET_PREV = "target_prev"
    START_LEFT = "start_left"
    START_RIGHT = "start_right"
    END_LEFT = "end_left"
    END_RIGHT = "end_right"
    START_TO_CURSOR = "start_to_cursor"
    END_TO_CURSOR = "end_to_cursor"
    END_TO_PREVIOUS_MARK = "end_to_previous_mark"
    END_TO_NEXT_MARK = "end_to_next_mark"
    TYPE_DIRECT = "type_direct"
    TYPE_MIXED = "type_mixed"
    TYPE_INDIRECT = "type_indirect"
    CYCLE_SPEAKER = "cycle_speaker"
    CYCLE_SPEAKER_BACK = "cycle_speaker_back"
    PICK_SPEAKER = "pick_speaker"
    NEXT_CUE = "next_cue"
    PREV_CUE = "prev_cue"
    SAME_SPEAKER = "same_speaker"
    EDIT_NAME = "edit_name"
    DELETE = "delete"
    UNDO = "undo"
    REDO = "redo"
    CURSOR_LEFT = "cursor_left"
    CURSOR_RIGHT = "cursor_right"
    CURSOR_UP = "cursor_up"
    CURSOR_DOWN = "cursor_down"
    EXTEND_LEFT = "extend_left"
    EXTEND_RIGHT = "extend_right"
    SELECT_TOGGLE = "select_toggle"
    SELECT_QUOTATION = "select_quotation"
    NEXT_QUOTATION = "next_quotation"
    NEXT_REPORT = "next_report"
    SELECT_SENTENCE = "select_sentence"
    SELECT_CLAUSE = "select_clause"
    SELECT_TO_END = "select_to_end"
    SELECT_TO_START = "select_to_start"
    CURSOR_TO_ITEM = "cursor_to_item"
    FIND = "find"
    FIND_NEXT = "find_next"
    FIND_PREV = "find_prev"
    LABEL_QUOTE = "label_quote"
    LABEL_SPEAKER = "label_speaker"
    LABEL_CUE = "label_cue"
    CLEAR_SELECTION = "clear_selection"
    NEW_CORPUS = "new_corpus"
    OPEN_CORPUS = "open_corpus"
    IMPORT_FILES = "import_files"
    IMPORT_FOLDER = "import_folder"
    IMPORT_SAMPLE = "import_sample"
    EXPORT = "export"
    SAVE_COPY = "save_copy"
    CHECK = "check_corpus"
    CANCEL_JOB = "cancel_job"
    QUIT = "quit"
    FILTER = "filter"
    TEXT_BIGGER = "text_bigger"
    TEXT_SMALLER = "text_smaller"
    TEXT_RESET = "text_reset"
    REPORT = "report"
    SPEAKERS = "speakers"
    RENAME_SPEAKERS = "rename_speakers"
    DESCRIBE_SPEAKER = "describe_speaker"
    MERGE_CANDIDATE = "merge_candidate"
    DISMISS_CANDIDATE = "dismiss_candidate"
    IMPORT_SPEAKERS = "import_speakers"
    EXPORT_SPEAKERS = "export_speakers"
    TRAIN = "train"
    USE_TAGGER = "use_tagger"
    USE_LEARNING = "use_learning"
    HELP = "help"
    CLOSE_REPORT = "close_report"
    # adjudicating a gold corpus (docs/adr/0037)
    TAKE_1 = "take_1"
    TAKE_2 = "take_2"
    TAKE_3 = "take_3"
    TAKE_4 = "take_4"
    TAKE_5 = "take_5"
    TAKE_6 = "take_6"
    TAKE_7 = "take_7"
    TAKE_8 = "take_8"
    TAKE_9 = "take_9"
    REJECT_ITEM = "reject_item"
    TAKE_ALONE_1 = "take_alone_1"
    TAKE_ALONE_2 = "take_alone_2"
    TAKE_ALONE_3 = "take_alone_3"
    TAKE_ALONE_4 = "take_alone_4"
    TAKE_ALONE_5 = "take_alone_5"
    TAKE_ALONE_6 = "take_alone_6"
    TAKE_ALONE_7 = "take_alone_7"
    TAKE_ALONE_8 = "take_alone_8"
    TAKE_ALONE_9 = "take_alone_9"
    CURATE = "curate"


#: The type keys' words, in the order of their keys (1, 2, 3).
TYPE_NAMES = ("type direct", "type mixed", "type indirect")


@dataclass(frozen=True)
class Binding:
    id: Act
    keys: tuple[str, ...]
    menu: str
    text: str  # menu text, also the help line
    checkable: bool = False  # a switch: its menu entry shows whether it is on


KEYMAP: tuple[Binding, ...] = (
    # Review
    Binding(Act.NEXT_ITEM, ("J",), "Review", "Next attribution (in a gold: item to adjudicate)"),
    Binding(Act.PREV_ITEM, ("K",), "Review", "Previous attribution (in a gold: item)"),
    Binding(Act.JUMP, ("Ctrl+G",), "Review", "Go to attribution number..."),
    Binding(Act.ACCEPT, ("A",), "Review", "Accept the attribution and go to the next one"),
    Binding(Act.REJECT, ("X",), "Review", "Reject the attribution and go to the next one"),
    Binding(Act.ACCEPT_ALL, ("Shift+A",), "Review", "Accept every suggestion left in the article"),
    Binding(Act.NEXT_ARTICLE, ("Shift+J",), "Review", "Next article"),
    Binding(Act.PREV_ARTICLE, ("Shift+K",), "Review", "Previous article"),
    Binding(  # the cheat sheet writes keys as capitals: Shift+D, pressed for D, does it too
        Act.DONE_NEXT,
        ("D", "Shift+D"),
        "Review",
        "Mark the article done and open the next one to do",
    ),
    Binding(
        Act.FINISH,
        ("Ctrl+Return", "Ctrl+Enter"),
        "Review",
        "Accept every suggestion left but those flagged, mark the article done, open the next",
    ),
    Binding(
        Act.UNCERTAIN_FIRST,
        ("U",),
        "Review",
        "Review the least sure suggestions first (again: in text order)",
    ),
    Binding(Act.FLAG, ("!",), "Review", "Flag the attribution as unsure (again: unflag)"),
    Binding(Act.COMMENT, (";",), "Review", "Flag the attribution with a comment..."),
    Binding(Act.FLAG_ARTICLE, ("#",), "Review", "Flag the article as unsure (again: unflag)"),
    Binding(Act.COMMENT_ARTICLE, (":",), "Review", "Flag the article with a comment..."),
    # Edit the current attribution
    Binding(Act.TARGET_NEXT, ("Tab",), "Edit", "Switch the span to edit: quote, speaker, cue"),
    Binding(Act.TARGET_PREV, ("Shift+Tab",), "Edit", "Switch the span to edit, backwards"),
    Binding(Act.START_LEFT, ("[",), "Edit", "Move the span's start one token left"),
    Binding(Act.START_RIGHT, ("]",), "Edit", "Move the span's start one token right"),
    Binding(Act.END_LEFT, (",",), "Edit", "Move the span's end one token left"),
    Binding(Act.END_RIGHT, (".",), "Edit", "Move the span's end one token right"),
    Binding(Act.START_TO_CURSOR, ("{",), "Edit", "Move the span's start to the token cursor"),
    Binding(Act.END_TO_CURSOR, ("}",), "Edit", "Move the span's end to the token cursor"),
    Binding(Act.END_TO_PREVIOUS_MARK, ("<",), "Edit", "End the span at its last comma (or ; : .)"),
    Binding(Act.END_TO_NEXT_MARK, (">",), "Edit", "End the span at the next comma (or ; : .)"),
    Binding(Act.TYPE_DIRECT, ("1",), "Edit", "Type: direct (on an item: take version 1)"),
    Binding(Act.TYPE_MIXED, ("2",), "Edit", "Type: mixed (on an item: take version 2)"),
    Binding(Act.TYPE_INDIRECT, ("3",), "Edit", "Type: indirect (on an item: take version 3)"),
    Binding(Act.CYCLE_SPEAKER, ("M",), "Edit", "Speaker: next candidate (people first, nearest)"),
    Binding(Act.CYCLE_SPEAKER_BACK, ("Shift+M",), "Edit", "Speaker: previous candidate"),
    Binding(Act.PICK_SPEAKER, ("L",), "Edit", "Speaker: the candidates listed; a digit takes one"),
    Binding(
        Act.SAME_SPEAKER, ("P",), "Edit", "Speaker (and cue, if none) of the previous attribution"
    ),
    Binding(Act.NEXT_CUE, ("W",), "Edit", "Cue: the next word of saying beside the quote"),
    Binding(Act.PREV_CUE, ("Shift+W",), "Edit", "Cue: the previous word of saying beside it"),
    Binding(Act.EDIT_NAME, ("E",), "Edit", "Edit the speaker's name"),
    Binding(Act.DELETE, ("Delete",), "Edit", "Delete the span being edited (the quote: all of it)"),
    Binding(Act.UNDO, ("Ctrl+Z",), "Edit", "Undo"),
    Binding(Act.REDO, ("Ctrl+Shift+Z", "Ctrl+Y"), "Edit", "Redo"),
    # Make new spans with the token cursor
    Binding(Act.CURSOR_LEFT, ("Left",), "Select", "Token cursor: previous token"),
    Binding(Act.CURSOR_RIGHT, ("Right",), "Select", "Token cursor: next token"),
    Binding(Act.CURSOR_UP, ("Up",), "Select", "Token cursor: line above"),
    Binding(Act.CURSOR_DOWN, ("Down",), "Select", "Token cursor: line below"),
    Binding(Act.EXTEND_LEFT, ("Shift+Left",), "Select", "Extend the selection one token left"),
    Binding(Act.EXTEND_RIGHT, ("Shift+Right",), "Select", "Extend the selection one token right"),
    Binding(Act.SELECT_TOGGLE, ("V",), "Select", "Start (or drop) a selection at the cursor"),
    Binding(Act.SELECT_QUOTATION, ("I",), "Select", "Select the quotation around the cursor"),
    Binding(Act.NEXT_QUOTATION, ('"',), "Select", "Select the next quotation no attribution holds"),
    Binding(
        Act.NEXT_REPORT,
        ("'",),
        "Select",
        "Select what the next word of saying no quote holds reports",
    ),
    Binding(Act.SELECT_SENTENCE, ("O",), "Select", "Select the sentence around the cursor"),
    Binding(Act.SELECT_CLAUSE, ("Shift+O",), "Select", "Select the clause around the cursor"),
    Binding(Act.SELECT_TO_END, (")",), "Select", "Select from the cursor to the sentence's end"),
    Binding(
        Act.SELECT_TO_START, ("(",), "Select", "Select from the sentence's start to the cursor"
    ),
    Binding(Act.CURSOR_TO_ITEM, ("G",), "Select", "Token cursor to the current attribution"),
    Binding(Act.FIND, ("F",), "Select", "Token cursor to the next place of words typed"),
    Binding(Act.FIND_NEXT, ("N",), "Select", "Token cursor to the next place of them again"),
    Binding(Act.FIND_PREV, ("Shift+N",), "Select", "Token cursor to their place before"),
    Binding(Act.LABEL_QUOTE, ("Q",), "Select", "Label the selection QUOTE (a new attribution)"),
    Binding(Act.LABEL_SPEAKER, ("S",), "Select", "Label the selection SPEAKER of the attribution"),
    Binding(Act.LABEL_CUE, ("C",), "Select", "Label the selection CUE of the attribution"),
    Binding(Act.CLEAR_SELECTION, ("Esc",), "Select", "Drop the selection; leave the filter box"),
    # File and view
    Binding(Act.NEW_CORPUS, ("Ctrl+N",), "File", "New corpus..."),
    Binding(Act.OPEN_CORPUS, ("Ctrl+O",), "File", "Open corpus..."),
    Binding(Act.IMPORT_FILES, ("Ctrl+I",), "File", "Import files..."),
    Binding(Act.IMPORT_FOLDER, ("Ctrl+Shift+I",), "File", "Import a folder..."),
    Binding(Act.IMPORT_SAMPLE, ("Ctrl+Shift+S",), "File", "Import the bundled sample article"),
    Binding(Act.EXPORT, ("Ctrl+E",), "File", "Export (JSONL, spaCy, CSV, brat)..."),
    Binding(Act.SAVE_COPY, ("Ctrl+Shift+C",), "File", "Save a copy of the corpus..."),
    Binding(
        Act.IMPORT_SPEAKERS,
        ("Ctrl+Shift+L",),
        "File",
        "Import a known speakers list (CSV, JSONL)...",
    ),
    Binding(Act.EXPORT_SPEAKERS, ("Ctrl+Shift+E",), "File", "Export the known speakers list..."),
    Binding(Act.CHECK, ("Ctrl+Shift+K",), "File", "Check the whole corpus for damage"),
    Binding(Act.TRAIN, ("Ctrl+Shift+T",), "File", "Train suggestions from the done articles..."),
    Binding(
        Act.USE_TAGGER,
        ("Ctrl+Shift+G",),
        "File",
        "Suggest with the trained tagger",
        checkable=True,
    ),
    Binding(
        Act.USE_LEARNING,
        ("Ctrl+Shift+B",),
        "File",
        "Learn from the decisions",
        checkable=True,
    ),
    Binding(
        Act.CURATE,
        ("Ctrl+Shift+U",),
        "File",
        "Curate annotators' corpora into one gold corpus...",
    ),
    Binding(Act.CANCEL_JOB, ("Ctrl+Shift+X",), "File", "Cancel every running background job"),
    Binding(Act.QUIT, ("Ctrl+Q",), "File", "Quit"),
    Binding(Act.FILTER, ("/",), "View", "Filter the article list"),
    Binding(Act.TEXT_BIGGER, ("Ctrl++", "Ctrl+="), "View", "Larger text (remembered)"),
    Binding(Act.TEXT_SMALLER, ("Ctrl+-",), "View", "Smaller text (remembered)"),
    Binding(Act.TEXT_RESET, ("Ctrl+0",), "View", "Text at its usual size"),
    Binding(Act.REPORT, ("Ctrl+R",), "View", "Report: suggestion quality, speakers, charts"),
    Binding(Act.SPEAKERS, ("Ctrl+Shift+P",), "View", "Speakers panel (rename, merge, jump)"),
    Binding(
        Act.RENAME_SPEAKERS, ("F2",), "View", "Rename or merge the speakers selected in the panel"
    ),
    Binding(
        Act.DESCRIBE_SPEAKER, ("F3",), "View", "Kind and external id of the speaker in the panel"
    ),
    Binding(
        Act.MERGE_CANDIDATE,
        ("Ctrl+Shift+M",),
        "View",
        "Merge the likely duplicates chosen in the panel",
    ),
    Binding(
        Act.DISMISS_CANDIDATE,
        ("Ctrl+Shift+D",),
        "View",
        "Not the same: dismiss the likely duplicates",
    ),
    Binding(Act.HELP, ("?", "F1"), "View", "Keyboard shortcuts"),
    # Adjudicate a gold corpus (docs/adr/0037): 1, 2 and 3 are shared with the type keys
    *(
        Binding(
            Act(f"take_{n}"),
            (str(n),),
            "Adjudicate",
            f"Take annotator {n}'s version of the item"
            + (f" (on an attribution: {TYPE_NAMES[n - 1]})" if n <= len(TYPE_NAMES) else ""),
        )
        for n in range(1, 10)
    ),
    Binding(Act.REJECT_ITEM, ("0",), "Adjudicate", "Reject every version of the item"),
    *(
        Binding(
            Act(f"take_alone_{n}"),
            (f"Ctrl+{n}",),
            "Adjudicate",
            f"Take annotator {n}'s version of every item only they marked (the corpus)",
        )
        for n in range(1, 10)
    ),
)

#: The Report window's keys: its own window, which the review's keys do not reach.
REPORT_KEYS: tuple[Binding, ...] = (
    Binding(Act.CLOSE_REPORT, ("Esc", "Ctrl+W"), "Report", "Close the Report window"),
)

#: Keys two actions share: in a gold corpus, while an open item to adjudicate is current
#: (``ReviewSession.adjudicating``), 1, 2 and 3 take an annotator's version; on an
#: attribution (or in another corpus) they set its type. The window enables one of each
#: pair at a time, so a key is never ambiguous.
SHARED: dict[Act, Act] = {
    Act.TAKE_1: Act.TYPE_DIRECT,
    Act.TAKE_2: Act.TYPE_MIXED,
    Act.TAKE_3: Act.TYPE_INDIRECT,
}

#: Every key of every window (the README table, the cheat sheet).
EVERY = KEYMAP + REPORT_KEYS
BY_ID = {b.id: b for b in EVERY}

#: Status-bar hints and the empty view's placeholder, with ``{action}`` for keys.
HINT_NO_CORPUS = "{open_corpus} open a corpus \u00b7 {new_corpus} new corpus \u00b7 {help} keys"
HINT_NO_ARTICLE = (
    "{import_files} import files \u00b7 {import_sample} import the sample \u00b7 {help} keys"
)
HINT_FILTERING = (
    "Filtering the list: the review keys wait \u00b7 Enter opens the first found \u00b7 "
    "{clear_selection} back to the article"
)
HINT_SPEAKERS = (
    "In the speakers panel: the review keys wait \u00b7 Down into the list \u00b7 "
    "Enter shows a speaker's quotes \u00b7 {rename_speakers} renames \u00b7 "
    "{merge_candidate} merges likely duplicates \u00b7 {dismiss_candidate} not the same \u00b7 "
    "{speakers} back to the article"
)
HINT_SELECTING = (
    "{extend_left}/{extend_right} extend \u00b7 {label_quote} quote \u00b7 "
    "{label_speaker} speaker \u00b7 {label_cue} cue \u00b7 "
    "{select_toggle}/{clear_selection} drop selection"
)
HINT_REVIEWING = (
    "Editing {target} \u00b7 {next_item}/{prev_item} next/prev \u00b7 {accept} accept \u00b7 "
    "{reject} reject \u00b7 {target_next} span \u00b7 {start_left} {start_right} {end_left} "
    "{end_right} move edges \u00b7 {type_direct}/{type_mixed}/{type_indirect} type \u00b7 "
    "{cycle_speaker}/{pick_speaker} speaker \u00b7 {select_toggle} select \u00b7 "
    "{done_next} done \u00b7 "
    "{finish} accept the rest, done \u00b7 "
    "{help} all keys"
)
HINT_ADJUDICATING = (
    "{left} \u00b7 {versions}: take a version \u00b7 {reject_item} rejects all \u00b7 "
    "{next_item}/{prev_item} next/prev item \u00b7 {take_alone_1}.. N's version wherever "
    "only N marked \u00b7 {undo} undo \u00b7 {help} all keys"
)
#: Before the review's hint in a gold whose article has items left, while an attribution
#: (not an item) is current: the digits set the type then.
HINT_ITEMS_LEFT = (
    "{left} ({next_item} goes to them; {type_direct}-{type_indirect} set the type here) \u00b7 "
)
NO_CORPUS = (
    "No corpus open.\n\n{open_corpus} opens a corpus, {new_corpus} creates one.\n"
    "Press {help} for every key."
)
PLACEHOLDER = (
    "No articles yet.\n\n{import_files} imports files, {import_folder} a folder, "
    "{import_sample} the bundled sample article.\nPress {help} for every key."
)


#: Every action's id, as ``{action}`` names it in a message.
ACTION_IDS = frozenset(a.value for a in Act)


def fill(text: str, **values: str) -> str:
    """Put each action's first key where ``text`` says ``{action}``; other names in
    braces are taken from ``values``, and any other braces are left as they are (a
    message may quote a name from a file: an annotator called ``{x}``)."""

    def key(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in values:
            return values[name]
        if name not in ACTION_IDS:
            return m.group(0)
        return BY_ID[Act(name)].keys[0]

    return re.sub(r"\{(\w+)\}", key, text)


def duplicates() -> list[str]:
    """Keys bound to more than one action of a window (must be empty)."""
    clashes = []
    shared = {frozenset(pair) for pair in SHARED.items()}
    for window in (KEYMAP, REPORT_KEYS):
        seen: dict[str, str] = {}
        for b in window:
            for k in b.keys:
                norm = k.lower().replace(" ", "")
                if norm in seen and frozenset((seen[norm], b.id)) not in shared:
                    clashes.append(f"{k}: {seen[norm]} and {b.id}")
                seen[norm] = b.id
    return clashes


def markdown_table() -> str:
    """The shortcut table as it appears in the README."""
    lines = ["| Keys | Action | Menu |", "| --- | --- | --- |"]
    for b in EVERY:
        keys = " / ".join(f"`{k}`" for k in b.keys)
        lines.append(f"| {keys} | {b.text} | {b.menu} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
