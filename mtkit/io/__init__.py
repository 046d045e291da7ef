"""Reading inputs (documents, pairs files) and writing outputs atomically."""
from mtkit.io.atomic import atomic_output
from mtkit.io.documents import read_document, read_lines
from mtkit.io.sources import read_pairs   # a file, a glob pattern or a URL; see mtkit.io.pairs per file

__all__ = ["atomic_output", "read_document", "read_lines", "read_pairs"]
