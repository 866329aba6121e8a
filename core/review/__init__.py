"""Review: the session a reviewer has open, its commands with logged undo, speaker candidates
and speaker edits."""
