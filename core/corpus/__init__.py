"""The corpus: one SQLite file per corpus, and the only code that speaks SQL."""
