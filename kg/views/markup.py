"""Text made safe for the views' XML 1.0 files, all written as strings (GraphML, GEXF, SVG).

They are not built as element trees first: a tree of the projection took most of the time
the GraphML and GEXF files took.

>>> attribute('a "b" & <c>\\tz')
'a &quot;b&quot; &amp; &lt;c&gt;&#9;z'
>>> text('x < y\\r\\n"z"')
'x &lt; y&#13;\\n"z"'

A character XML 1.0 cannot hold (most control characters) becomes U+FFFD, the replacement
character, so the file always parses:

>>> attribute("page\\x0cbreak") == text("page\\x0cbreak") == "page\\ufffdbreak"
True
"""
import re

_NOT_XML = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_IN_ATTRIBUTE = re.compile(f'[&<>"\t\n\r{_NOT_XML}]')
_IN_TEXT = re.compile(f"[&<>\r{_NOT_XML}]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
             "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}


def _entity(m: re.Match) -> str:
    return _ENTITIES.get(m.group(), "\ufffd")


def attribute(value: str) -> str:
    """``value`` escaped for an attribute in double quotes: its tabs and line breaks kept as
    character references, which an XML reader would otherwise turn into spaces."""
    return _IN_ATTRIBUTE.sub(_entity, value)


def text(value: str) -> str:
    """``value`` escaped as an element's text (a carriage return kept as ``&#13;``)."""
    return _IN_TEXT.sub(_entity, value)
