"""One exception tree for the whole library.

Library code raises these; only :mod:`kg.cli` turns them into messages and exit codes.
"""


class KgError(Exception):
    """Base of every error `kg` raises on purpose."""


class InputError(KgError):
    """An article file cannot be read or parsed; the message names the file and the problem."""


class LexiconError(KgError):
    """A language data file is missing, malformed, or has an unknown key."""


class GazetteerError(KgError):
    """The gazetteer cannot be loaded or contradicts itself."""


class QueryError(KgError):
    """A named query is unknown, a parameter is bad, or the graph to query is missing."""


class OutputError(KgError):
    """An output file cannot be written."""


class StoreError(KgError):
    """A graph store cannot be opened or built, or a SPARQL endpoint cannot be reached or refuses."""
