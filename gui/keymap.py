"""Every keyboard shortcut, as data: the QActions, the cheat sheet (? / F1) and the
README table are all built from this one table. No Qt here, so the README table can
be generated without a display."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Binding:
    id: str
    keys: tuple[str, ...]
    menu: str
    text: str  # menu text, also the help line


KEYMAP: tuple[Binding, ...] = (
    # Review
    Binding("next_item", ("J",), "Review", "Next attribution"),
    Binding("prev_item", ("K",), "Review", "Previous attribution"),
    Binding("accept", ("A",), "Review", "Accept the attribution and go to the next one"),
    Binding("reject", ("X",), "Review", "Reject the attribution and go to the next one"),
    Binding("accept_all", ("Shift+A",), "Review", "Accept every suggestion left in the article"),
    Binding("next_article", ("Shift+J",), "Review", "Next article"),
    Binding("prev_article", ("Shift+K",), "Review", "Previous article"),
    Binding("done_next", ("D",), "Review", "Mark the article done and open the next one to do"),
    # Edit the current attribution
    Binding("target_next", ("Tab",), "Edit", "Switch the span to edit: quote, speaker, cue"),
    Binding("target_prev", ("Shift+Tab",), "Edit", "Switch the span to edit, backwards"),
    Binding("start_left", ("[",), "Edit", "Move the span's start one token left"),
    Binding("start_right", ("]",), "Edit", "Move the span's start one token right"),
    Binding("end_left", (",",), "Edit", "Move the span's end one token left"),
    Binding("end_right", (".",), "Edit", "Move the span's end one token right"),
    Binding("type_direct", ("1",), "Edit", "Type: direct"),
    Binding("type_mixed", ("2",), "Edit", "Type: mixed"),
    Binding("type_indirect", ("3",), "Edit", "Type: indirect"),
    Binding("cycle_speaker", ("M",), "Edit", "Speaker: next candidate mention in the article"),
    Binding("edit_name", ("E",), "Edit", "Edit the speaker's name"),
    Binding("delete", ("Delete",), "Edit", "Delete the span being edited (the quote: all of it)"),
    Binding("undo", ("Ctrl+Z",), "Edit", "Undo"),
    Binding("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Edit", "Redo"),
    # Make new spans with the token cursor
    Binding("cursor_left", ("Left",), "Select", "Token cursor: previous token"),
    Binding("cursor_right", ("Right",), "Select", "Token cursor: next token"),
    Binding("cursor_up", ("Up",), "Select", "Token cursor: line above"),
    Binding("cursor_down", ("Down",), "Select", "Token cursor: line below"),
    Binding("extend_left", ("Shift+Left",), "Select", "Extend the selection one token left"),
    Binding("extend_right", ("Shift+Right",), "Select", "Extend the selection one token right"),
    Binding("select_toggle", ("V",), "Select", "Start (or drop) a selection at the cursor"),
    Binding("cursor_to_item", ("G",), "Select", "Token cursor to the current attribution"),
    Binding("label_quote", ("Q",), "Select", "Label the selection QUOTE (a new attribution)"),
    Binding("label_speaker", ("S",), "Select", "Label the selection SPEAKER of the attribution"),
    Binding("label_cue", ("C",), "Select", "Label the selection CUE of the attribution"),
    Binding("clear_selection", ("Esc",), "Select", "Drop the selection; leave the filter box"),
    # File and view
    Binding("new_corpus", ("Ctrl+N",), "File", "New corpus..."),
    Binding("open_corpus", ("Ctrl+O",), "File", "Open corpus..."),
    Binding("import_files", ("Ctrl+I",), "File", "Import files..."),
    Binding("import_folder", ("Ctrl+Shift+I",), "File", "Import a folder..."),
    Binding("import_sample", ("Ctrl+Shift+S",), "File", "Import the bundled sample article"),
    Binding("export", ("Ctrl+E",), "File", "Export JSONL..."),
    Binding("cancel_job", ("Ctrl+Shift+X",), "File", "Cancel the running background job"),
    Binding("quit", ("Ctrl+Q",), "File", "Quit"),
    Binding("filter", ("/",), "View", "Filter the article list"),
    Binding("help", ("?", "F1"), "View", "Keyboard shortcuts"),
)

BY_ID = {b.id: b for b in KEYMAP}


def duplicates() -> list[str]:
    """Keys bound to more than one action (must be empty)."""
    seen: dict[str, str] = {}
    clashes = []
    for b in KEYMAP:
        for k in b.keys:
            norm = k.lower().replace(" ", "")
            if norm in seen:
                clashes.append(f"{k}: {seen[norm]} and {b.id}")
            seen[norm] = b.id
    return clashes


def markdown_table() -> str:
    """The shortcut table as it appears in the README."""
    lines = ["| Keys | Action | Menu |", "| --- | --- | --- |"]
    for b in KEYMAP:
        keys = " / ".join(f"`{k}`" for k in b.keys)
        lines.append(f"| {keys} | {b.text} | {b.menu} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
