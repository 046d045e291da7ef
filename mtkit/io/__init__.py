"""Reading inputs (documents, pairs files: a file, a glob pattern or a URL) and writing outputs
atomically."""
from mtkit.io.atomic import atomic_output
from mtkit.io.documents import read_document, read_lines
from mtkit.io.sources import read_pairs

__all__ = ["atomic_output", "read_document", "read_lines", "read_pairs"]
