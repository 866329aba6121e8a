"""Files in and out: each format's reader and writer, atomic writing, and the import."""
