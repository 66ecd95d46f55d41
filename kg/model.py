"""Plain, language-free records that flow from extraction to RDF.

Every record that comes from text carries a :class:`Span` into its article's text, so
every fact in the graph can be traced to its characters.

>>> text = "Rutte spoke."
>>> Span.of(text, 0, 5)
Span(start=0, end=5, text='Rutte')
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter


def value_record(cls: type) -> type:
    """``cls`` as a frozen dataclass with slots, pickled as its class called with its fields.

    Slots instead of a dict in each object: an extraction holds hundreds of spans, and a
    generated article's took 153 KB loaded instead of 219. A frozen dataclass with slots is
    pickled by dataclasses as a list of its fields, set one by one from Python when it is
    read back: twice as slow to load an extraction as a call of the class.

    >>> import pickle
    >>> span = Span(0, 5, "Rutte")
    >>> pickle.loads(pickle.dumps(span)) == span, hasattr(span, "__dict__")
    (True, False)
    """
    cls = dataclass(frozen=True, slots=True)(cls)
    values = attrgetter(*(f.name for f in fields(cls)))  # a tuple: each such record has two fields or more
    cls.__reduce__ = lambda self: (type(self), values(self))
    return cls


@value_record
class Span:
    """Characters ``text[start:end]`` of an article's text (Python string offsets)."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span of ``text`` between two offsets."""
        return cls(start, end, text[start:end])


@value_record
class Furniture:
    """Page furniture: text on the page that is not story text.

    ``kind`` is one of ``related`` ("Baca juga: ..."), ``promo``, ``caption``, ``credit``,
    ``byline``, ``dateline``. A related headline is kept as a reference, never as story text.
    """

    kind: str
    span: Span


@dataclass(slots=True)
class Article:
    """One news article, read from a file, with its metadata.

    ``inferred`` names the metadata fields that were not given but inferred from the text.
    """

    id: str
    path: str
    text: str
    language: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    dateline: str | None = None
    inferred: frozenset[str] = frozenset()
    body_start: int = 0
    furniture: list[Furniture] = field(default_factory=list)
    sha256: str = ""


@value_record
class TimeExpr:
    """A time expression, normalised TIMEX3-style.

    ``value`` is the normalised value as written in ISO style: ``2024-11-12`` (day),
    ``2024-11`` (month), ``2024`` (year), ``2024-W45`` (week), ``--11-03`` (a day whose year
    cannot be recovered), or empty when unknown. ``begin`` and ``end`` bound the calendar days
    it can denote (both equal for a day). ``granularity`` is one of ``day``, ``week``,
    ``month``, ``season``, ``year``, ``range``, ``window``, ``unknown``. ``anchor`` says what
    a relative expression was resolved against: ``none`` (absolute), ``publication``,
    ``sentence`` (another date in the same sentence), ``previous`` (the time last mentioned).
    ``future`` marks windows that lie after their anchor. ``warning`` is a human-readable
    note (e.g. a weekday that disagrees with its date).
    """

    span: Span
    value: str
    begin: date | None
    end: date | None
    granularity: str
    anchor: str = "none"
    anchor_date: date | None = None
    future: bool = False
    warning: str = ""

    @property
    def day(self) -> date | None:
        """The single day this expression denotes, or ``None`` when it is vaguer."""
        return self.begin if self.granularity == "day" else None


@value_record
class Quantity:
    """A number of something: ``lebih dari 10.000 tentara`` -> 10000, more_than, troops.

    ``qualifier`` is one of ``exact``, ``about``, ``more_than``, ``at_least``, ``up_to``,
    ``less_than``, ``range`` (then ``upper`` is set).
    """

    span: Span
    value: int
    unit: str
    qualifier: str = "exact"
    upper: int | None = None


@dataclass(slots=True)
class Actor:
    """An actor as found in one article: a country, organisation, person, armed force, group.

    ``key`` is a stable, language-free identifier (a gazetteer id such as ``north-korea``, or
    a slug of the normalised name); ``type`` is one of ``country``, ``organization``,
    ``person``, ``armed_force``, ``group``, ``other``.
    """

    key: str
    label: str
    type: str
    mentions: list[Span] = field(default_factory=list)
    wikidata: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    title: str = ""
    affiliation: str = ""
    principal: str = ""
    in_gazetteer: bool = False


@dataclass(slots=True)
class Place:
    """A place named in an article (a gazetteer place, or a country used as a place)."""

    key: str
    label: str
    mentions: list[Span] = field(default_factory=list)
    wikidata: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    part_of: str = ""


@dataclass(slots=True)
class Event:
    """Something that happened, happens, or may happen, as reported in one article.

    ``roles`` pairs a role (``agent``, ``theme``, ``partner``, ``target``, ``addressee``) with
    an actor key. ``factuality`` is one of ``asserted``, ``reported``, ``possible``,
    ``negated``, ``unconfirmed``. ``mentions`` are later words naming the same event ("the
    treaty", "ratifikasi itu") that add nothing new to it. ``rule`` names the reading that found
    it (``trigger``, ``typo``, ``presence``, ``opposition``, ``object``: a word with its object
    near it, ``weapons``: a sending verb with weapons after it).
    """

    id: str
    type: str
    trigger: Span
    sentence: Span
    label: str
    factuality: str
    roles: list[tuple[str, str]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    quantity: Quantity | None = None
    time: TimeExpr | None = None
    mentions: list[Span] = field(default_factory=list)
    rule: str = "trigger"


@dataclass(slots=True)
class Statement:
    """A speech act: who said what, when, to whom, about which events.

    ``kind`` is one of ``claim``, ``confirmation``, ``denial``, ``concern``, ``demand``,
    ``warning``, ``prediction``. ``negated`` marks a statement that something was *not* said
    or confirmed ("belum mengonfirmasi"). ``speakers`` are actor keys; ``principal`` is the
    actor a spokesperson speaks for. ``via`` is the actor that relayed the words ("KCNA
    quoted Kim as saying": Kim's statement, via KCNA); ``implicit`` marks a speaker taken from
    the context of an agentless passive ("It was also said that"). ``audience`` is the span of
    an audience that is no actor ("told reporters", "kepada wartawan"). ``rule`` names the reading
    that found it (``speaker-first``, ``quote-first/context``...): how sure it is lives in
    ``kg/extract/confidence.yaml``, measured per rule.
    """

    id: str
    kind: str
    cue: Span
    sentence: Span
    speakers: list[str]
    direct: bool
    quote: Span | None = None
    content: Span | None = None
    addressees: list[str] = field(default_factory=list)
    principal: str = ""
    negated: bool = False
    time: TimeExpr | None = None
    events: list[str] = field(default_factory=list)
    speaker_mention: Span | None = None
    audience: Span | None = None
    via: str = ""
    implicit: bool = False
    rule: str = ""

    def says(self, factuality: str) -> str:
        """What this statement says of an event the article tells with ``factuality``: a
        denial negates it ("Moscow denied that troops had arrived"), while the article still
        tells it as reported; a denial not made ("did not deny") leaves it as told.

        >>> said = Span(0, 6, "denied")
        >>> denial = Statement("a/statement/0-6", "denial", said, said, ["russia"], False)
        >>> denial.says("reported"), denial.says("possible")
        ('negated', 'negated')
        >>> not_denied = Statement("a/statement/0-6", "denial", said, said, ["russia"], False, negated=True)
        >>> not_denied.says("unconfirmed")
        'unconfirmed'
        """
        return "negated" if self.kind == "denial" and not self.negated else factuality


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
