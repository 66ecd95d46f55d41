"""Organisations, armed forces and parts of countries that no gazetteer entry names whole.

An armed force is a force noun with its country before or after it ("North Korean troops",
"pasukan Korea Utara"); one owned by a pronoun ("its troops", "pasukannya") is the force of
the country named before it; an organisation is a run
of capitalised words with a head word ("the Central Military Commission") or a country's
lowercase one ("Russia's foreign ministry"), and "the ministry" later is the one named last;
a country's organisation the lexicon knows ("Russian Foreign Ministry", "Kementerian Luar
Negeri Rusia") has one key in every language and however it is written;
a direction next to a country ("eastern Russia", "Rusia timur") is a place in it.

>>> from kg.lexicon import load
>>> from kg.gazetteer import load as gazetteer
>>> from kg.extract.actors import find_actors
>>> text = "Ukrainian troops reached eastern Russia. Russia's foreign ministry said the ministry knew."
>>> index = find_actors(text, [Span.of(text, 0, len(text))], load("en"), gazetteer(), "en")
>>> for m in index.mentions:
...     if m.key not in index.gaz.entries:
...         print(m.span.text, "->", m.key)
eastern Russia -> russia-east
Ukrainian troops -> ukraine-armed-forces
foreign ministry -> russia-foreign-ministry
the ministry -> russia-foreign-ministry
"""
from __future__ import annotations

import re

from ..model import Span
from .actor_grammar import POSSESSOR_GAP
from .actor_index import ActorIndex, Mention, slug

_POSSESSIVE = re.compile(r"['’]s$")
_LOWER_WORD = re.compile(r"\b[a-z][\w-]*")
_CAPITALISED = re.compile(r"\b[A-Z][\w-]*")
_BLANK = re.compile(" ")


def possessive_capitals(index: ActorIndex, sentence: Span) -> None:
    """'Pyongyang's state media', 'Seoul's spy agency': a capital with a possessive stands for
    its state, which then owns what follows, as the country's name would.

    >>> from kg.lexicon import load
    >>> from kg.gazetteer import load as gazetteer
    >>> from kg.extract.actors import find_actors
    >>> text = "Seoul's foreign ministry spoke, and the mayor visited Seoul."
    >>> index = find_actors(text, [Span.of(text, 0, len(text))], load("en"), gazetteer(), "en")
    >>> [(m.span.text, m.key) for m in index.within(0, len(text))]
    [('Seoul', 'south-korea'), ('foreign ministry', 'south-korea-foreign-ministry')]
    """
    for m in index.within(sentence.start, sentence.end, "place"):
        if POSSESSOR_GAP.match(index.text, m.span.end):
            index.speaking_states(m.span.start, m.span.end)


def org_anaphors(index: ActorIndex, sentence: Span, before: list[Span] = ()) -> None:
    """'the agency', 'kementerian itu': the organisation named last before it in its sentence;
    in a sentence that names none before it, the one named in the opening words of one of the
    last sentences (``before``, latest last: the one the text is about), else the one named
    last; of these, one written with the anaphor's words first ("the spy agency": "Seoul's spy
    agency"; "the ministry": "the foreign ministry"), else the last one that is ("the ministry
    said", after "the U.N. Security Council" named in between)."""
    for m in index.grammar.org_anaphors.finditer(index.text, sentence.start, sentence.end):
        if index.at(m.start()) or index.around(m.start()) or index.overlapping(m.start(), m.end()):
            continue  # a name's own words ("The Ministry for Foreign Affairs")
        named = any(index.actors[x.key].type == "organization" for x in index.within(sentence.start, m.start()))
        last = index.last(m.start(), ("organization",))
        opening = "" if named else _opening(index, before)
        key = next((k for words in (2, 1) for k in (opening, last) if k and _called(index, k, m.group(), words)), "") \
            or _last_called(index, m.start(), m.group()) or opening or last
        if key:
            index.add_actor(key, index.actors[key].label, "organization", Span.of(index.text, m.start(), m.end()), "alias")


def _called(index: ActorIndex, key: str, anaphor: str, words: int = 2) -> bool:
    """Whether the organisation ``key`` is written with the anaphor's words after its
    determiner ("the spy agency": "Seoul's spy agency") in the text or the gazetteer, when
    they are at least ``words`` words."""
    noun = " ".join(w for w in anaphor.split() if w.casefold() not in index.grammar.determiners).casefold()
    entry = index.gaz.entries.get(key)
    names = [*(entry.surfaces if entry else ()), index.actors[key].label, *(s.text for s in index.actors[key].mentions)]
    return bool(noun) and len(noun.split()) >= words and any(
        re.search(rf"(?<!\w){re.escape(noun)}(?!\w)", name.casefold()) for name in names)


def _last_called(index: ActorIndex, pos: int, anaphor: str) -> str:
    """The organisation named last before ``pos`` that is written with the anaphor's noun,
    one word will do ("the ministry": "South Korea's foreign ministry", not the U.N. Security
    Council named in between), or ``""``."""
    for mention in reversed(index.within(0, pos)):
        if index.actors[mention.key].type == "organization" and _called(index, mention.key, anaphor, 1):
            return mention.key
    return ""


def _opening(index: ActorIndex, sentences: list[Span]) -> str:
    """The organisation named in the opening words of the latest of ``sentences`` that names
    one there ("South Korea's National Intelligence Service confirmed …"), if any."""
    for sentence in reversed(sentences):
        for mention in index.within(sentence.start, min(sentence.end, sentence.start + _OPENING)):
            if index.actors[mention.key].type == "organization":
                return mention.key
    return ""


_OPENING = 40  # how far into a sentence its opening name may begin ("In late December, the agency …")


def directions(index: ActorIndex, sentence: Span) -> None:
    """'Rusia timur' / 'eastern Russia': a part of a country, as a place."""
    text, grammar = index.text, index.grammar
    after = grammar.direction_after
    countries = [m for m in index.within(sentence.start, sentence.end)
                 if m.key in index.gaz.entries and index.gaz.entries[m.key].type == "country"]
    # Only a country next to a word of any direction is looked at for each direction (a
    # direction without words, whose pattern matches blanks alone, counts as an empty word).
    countries = [m for m in countries if _direction_at(text, sentence, m, after, grammar.any_direction)]
    for direction, words in grammar.directions:
        for m in countries:
            hit = _direction_at(text, sentence, m, after, words)
            if hit:
                span = Span.of(text, m.span.start, m.span.end + hit.end()) if after else \
                    Span.of(text, sentence.start + hit.start(), m.span.end)
                index.add_place(f"{m.key}-{direction}", span.text, span, part_of=m.key)


def _direction_at(text: str, sentence: Span, country: Mention, after: bool, words: re.Pattern) -> re.Match | None:
    """One of ``words`` (see ``_direction_pattern`` in actor_grammar.py) right after the country (``after``)
    or right before it."""
    if after:
        return words.match(text[country.span.end:sentence.end])
    return words.search(text[sentence.start:country.span.start])


def forces(index: ActorIndex, sentence: Span) -> None:
    """'pasukan Korea Utara', 'North Korean troops', 'troops from North Korea'; not 'its troops'."""
    text = index.text
    for m in index.grammar.force_nouns.finditer(text, sentence.start, sentence.end):
        if index.grammar.owned.search(text, max(sentence.start, m.start() - 8), m.start()):
            continue  # "its troops from Russia": whose they are is said before, not after
        country = _country_after(index, m.end()) or _country_before(index, m.start(), sentence.start)
        if not country or any(index.actors[a.key].type == "organization" for a in index.around(m.start())
                              if a.kind == "actor" and a.key in index.actors):
            continue  # not the word of an organisation's name ("Ukraine's military intelligence")
        span = Span.of(text, min(m.start(), country.span.start), max(m.end(), country.span.end))
        index.add_actor(f"{country.key}-armed-forces", span.text, "armed_force", span, "force",
                        affiliation=country.key)


def owned_forces(index: ActorIndex, sentence: Span) -> None:
    """'pasukannya', 'its troops': the force of the country named last before it (a capital's
    state, a person's country: "Zelensky … pasukannya" are Ukraine's)."""
    pattern, text = index.grammar.owned_forces, index.text
    for m in pattern.finditer(text, sentence.start, sentence.end) if pattern else ():
        country = _owner_country(index, m.start())
        if not country or index.around(m.start()):
            continue
        key = f"{country}-armed-forces"
        label = index.lex.get("actors.force_label", "{country}").format(country=index.actors[country].label)
        index.add_actor(key, label, "armed_force", Span.of(text, m.start(), m.end()), "owned", affiliation=country)


def _owner_country(index: ActorIndex, pos: int) -> str:
    """The country named last before ``pos``, not in a force's name: a country, a capital's
    state, or the country of a person or an organisation."""
    mentions = [m for m in index.mentions if m.span.end <= pos]
    forces = [m.span for m in mentions if m.kind == "actor" and index.actors[m.key].type == "armed_force"]
    for m in sorted(mentions, key=lambda m: m.span.start, reverse=True):
        if any(f.start <= m.span.start < f.end for f in forces):
            continue  # "dua tentara Korea Utara ditawan pasukannya": a force is not the owner
        if m.kind == "place":
            state = index.speaking_states(m.span.start, m.span.end)  # "Pyongyang … its troops": the capital's
            if state:
                return state[0].key
            continue
        actor = index.actors[m.key]
        if actor.type == "country":
            return actor.key
        if actor.type != "country" and index.actors.get(actor.affiliation) and \
                index.actors[actor.affiliation].type == "country":  # a person's, a force's, a ministry's country
            return actor.affiliation
    return ""


def organisations_by_head(index: ActorIndex, sentence: Span) -> None:
    """Organisations nobody listed, by their head word: "the Central Military Commission",
    "Dewan Keamanan Nasional": two to six capitalised words, one of them a head word."""
    heads = index.grammar.org_heads
    if not heads:
        return
    text = index.text
    written = text[sentence.start:sentence.end]
    if not any(head in written for head in heads):  # a name needs one of them
        return
    not_names = index.grammar.not_names
    for m in index.grammar.org_run.finditer(written):
        start, words = sentence.start + m.start(), m.group().split()
        if len(words) > 1 and _POSSESSIVE.search(words[-1]):  # "the Russian Foreign Ministry's spokeswoman"
            words[-1] = _POSSESSIVE.sub("", words[-1])
        owner, owned_from = "", None  # whose it is, and where its owner is written
        while words:
            known = index.at(start)
            if known and len(words) > 2 and heads & set(words) and known.span.end < start + len(" ".join(words)) \
                    and index.actors[known.key].type in ("organization", "country"):
                owner, n = known.key, len(text[start:known.span.end].split())  # "UN General Assembly": the UN's
                owned_from = start if owned_from is None else owned_from
                start += len(" ".join(words[:n])) + 1
                words = words[n:]
                continue
            if not (_POSSESSIVE.search(words[0]) or (words[0] in not_names or index.title_concept(words[0]))
                    and (len(words) != 2 or words[1] not in heads or index.grammar.determiner_before.match(
                        f" {words[0].casefold()} "))):  # "Foreign Ministry", "General Staff" kept whole
                break  # (a head word that ends the name; not "Sekretaris Dewan Keamanan …", whose head begins it)
            if _POSSESSIVE.search(words[0]):  # "Ukraine's General Staff": owned by Ukraine
                hit = index.at(start) or index.at(start, "place")
                owner = hit.key if hit else owner
                owned_from = start if owned_from is None else owned_from
            start += len(words[0]) + 1
            words = words[1:]
        taken = index.starts_within(start, start + len(" ".join(words)))
        if taken:  # "Dewan Keamanan Nasional Gedung Putih": stop where a known name begins
            words = text[start:min(taken)].split()
        while words and words[-1] in index.grammar.name_links:
            words.pop()  # "the Ministry of Defence of Ruritania": not "… of"
        if len(words) < 2 or not heads & set(words) or index.at(start) or index.at(start, "place"):
            continue
        name = " ".join(words).rstrip(",")
        span = Span.of(text, start, start + len(name))
        if index.overlapping(span.start, span.end) or any(
                t.start() <= span.start < t.end() and text[t.end():span.end].split()[:1] != words[1:2]
                for t in index.grammar.title_words.finditer(text, sentence.start, span.end)):
            continue  # a known name, or part of a title ("Kepala Staf Umum"; not the title word of "General Staff")
        bare = name  # without its owner: "Foreign Ministry", "Kementerian Luar Negeri"
        after = index.at(span.end + 1)
        kind = index.actors[after.key].type if after else ""
        if index.grammar.direction_after and (kind == "country" or kind == "armed_force"
                                              and index.actors[after.key].affiliation):
            # "Kantor Kepresidenan Korea Selatan"; "Staf Umum Angkatan Bersenjata Ukraina": Ukraine's
            owner = owner or (after.key if kind == "country" else index.actors[after.key].affiliation)
            span = Span.of(text, start, after.span.end)
            name = span.text
        label = text[owned_from:span.end] if owner and owned_from is not None else name  # "Ukraine's General Staff"
        owner = index.gaz.entries[owner].capital_of or owner if owner in index.gaz.entries else owner
        whole = next((a for a in index.actors.values() if a.type == "organization" and not owner
                      and a.label.startswith(name + " ")), None)  # "Staf Umum" after "Staf Umum Angkatan …"
        index.add_actor(whole.key if whole else organisation_key(index, owner, bare) if owner else slug(name), label,
                        "organization", span, affiliation=owner)


def abbreviated_organisations(index: ActorIndex, sentence: Span) -> None:
    """A country's organisation written as one word the lexicon knows as a concept, its owner
    right after it (in a language that writes owners after): "Kemlu Rusia", "Kemenhan AS" are
    the Russian foreign ministry and the U.S. defence department, as "Kementerian Luar Negeri
    Rusia" is. A bare "Kemlu" names no owner and is left alone."""
    if not index.grammar.direction_after:
        return
    text = index.text
    for word in _CAPITALISED.finditer(text, sentence.start, sentence.end):
        if word.group().casefold() not in index.grammar.org_concepts or text[word.end():word.end() + 1] != " ":
            continue
        owner = index.at(word.end() + 1)
        if owner is None or index.actors[owner.key].type != "country" or index.overlapping(word.start(), word.end()):
            continue
        index.add_actor(organisation_key(index, owner.key, word.group()), text[word.start():owner.span.end],
                        "organization", Span.of(text, word.start(), owner.span.end), affiliation=owner.key)


def organisation_key(index: ActorIndex, owner: str, name: str) -> str:
    """The key of ``owner``'s organisation written ``name`` (without its owner): the
    gazetteer's, when one of its organisations of that owner is written as the same concept
    ("Russia's defence ministry" is the gazetteer's "Russian Ministry of Defence"), else one
    made from the concept, the same in every language ("russia-foreign-ministry").

    >>> from kg.lexicon import load
    >>> from kg.gazetteer import load as gazetteer
    >>> from kg.extract.actors import find_actors
    >>> text = "Russia's defence ministry and Russia's foreign ministry said so."
    >>> index = find_actors(text, [Span.of(text, 0, len(text))], load("en"), gazetteer(), "en")
    >>> organisation_key(index, "russia", "defence ministry"), organisation_key(index, "russia", "Foreign Ministry")
    ('russian-defense-ministry', 'russia-foreign-ministry')
    """
    concept = index.grammar.org_concepts.get(name.casefold())
    if not concept:
        return slug(f"{owner} {name}")
    return _gazetteer_concepts(index.gaz, index.grammar).get((owner, concept)) or slug(f"{owner} {concept}")


_CONCEPTS: dict[tuple[int, int], dict[tuple[str, str], str]] = {}


def _gazetteer_concepts(gaz, grammar) -> dict[tuple[str, str], str]:
    """(owner, concept) -> the key of the gazetteer's organisation of that owner written as that
    concept once its owner's names are taken out ("Kementerian Pertahanan Rusia"), for the
    concepts of ``grammar``'s language; made once per gazetteer and language."""
    made = _CONCEPTS.get((id(gaz), id(grammar)))
    if made is None:
        made = {}
        for entry in gaz.entries.values():
            owner = gaz.entries.get(entry.affiliation)
            if entry.type != "organization" or owner is None:
                continue
            names = sorted(owner.surfaces, key=len, reverse=True)
            for surface in entry.surfaces:
                for name in names:
                    surface = re.sub(rf"(?<!\w){re.escape(name)}(?:['’]s)?(?!\w)", " ", surface)
                words = surface.split()
                while words and words[-1] in grammar.name_links:  # "Security Service of (Ukraine)"
                    words.pop()
                concept = grammar.org_concepts.get(" ".join(words).casefold())
                if concept:
                    made.setdefault((owner.key, concept), entry.key)
        _CONCEPTS[(id(gaz), id(grammar))] = made
    return made


def owned_organisations(index: ActorIndex, sentence: Span, owners: tuple[str, ...] = ("country",)) -> None:
    """"Russia's foreign ministry", "Ukraine's military intelligence agency", "the Russian
    defence ministry" (in a language that writes an owner first): a country's organisation
    written in lowercase, its head word last after at most three words; with
    ``owners`` ("person",), a person's ("Yoon's office", "his office": the person named last)."""
    text = index.text
    for m in index.within(sentence.start, sentence.end):
        gap = POSSESSOR_GAP.match(text, m.span.end)
        bare = None if gap or index.grammar.direction_after or "person" in owners else _BLANK.match(text, m.span.end)
        if index.actors[m.key].type in owners and (gap or bare):  # "the Russian foreign ministry", where owners come first
            _owned(index, sentence, m.key, (gap or bare).end(), m.span.start, possessive=bool(gap))
    if "person" in owners:
        for m in index.grammar.person_possessives.finditer(text, sentence.start, sentence.end):
            owner = index.last(m.start(), ("person",))
            if owner:
                _owned(index, sentence, owner, m.end() + 1, m.start())


def _owned(index: ActorIndex, sentence: Span, owner: str, start: int, written_from: int,
           possessive: bool = True) -> None:
    """Record the organisation of ``owner`` written in lowercase at ``start``, if one is; one the
    lexicon knows only (``org_concepts``) when the owner is written without a possessive."""
    text, heads = index.text, {h.casefold() for h in index.grammar.org_heads}
    words = list(_LOWER_WORD.finditer(text, start, min(sentence.end, start + 60)))[:4]
    last = next((i for i, w in enumerate(words) if w.group().casefold() in heads), None)
    if last is None or words[0].start() != start \
            or any(text[a.end():b.start()] != " " for a, b in zip(words[:last], words[1:last + 1])) \
            or index.title_concept(words[0].group()) \
            or any(w.group().casefold() in index.grammar.determiners for w in words[1:last]):
        return  # (not "North Korea's ambassador told the council": a person's title, then a verb)
    span = Span.of(text, start, words[last].end())
    concept = index.grammar.org_concepts.get(span.text.casefold())
    if index.overlapping(span.start, span.end) or not (concept or possessive):
        return  # a name the gazetteer or the titles know already; without "'s", only a known one ("Russian defence ministry")
    named = index.at(span.end + 1) if text[span.end:span.end + 1] == " " else None
    if named and index.actors[named.key].type == "organization":  # "state news agency KCNA": the name after it
        index.add_actor(named.key, index.actors[named.key].label, "organization", span, "alias")
    elif index.actors[owner].type == "country":
        index.add_actor(organisation_key(index, owner, span.text), text[written_from:span.end], "organization", span,
                        affiliation=owner)
    else:  # written with its owner, who then does not speak for it: "Yoon's office said"
        index.add_actor(slug(f"{owner} {span.text}"), f"{index.actors[owner].label}'s {span.text}", "organization",
                        Span.of(text, written_from, span.end), affiliation=owner)


def _country_after(index: ActorIndex, pos: int) -> Mention | None:
    """The country named right after a force noun ("pasukan Korea Utara", "troops from
    Ruritania", "pasukan lintas udara Ruritania"), or the state of a capital there ("pasukan Pyongyang")."""
    gap = index.grammar.force_gap.match(index.text[pos:pos + 40])
    at = pos + (gap.end() if gap else 0)
    hit = index.at(at)
    if hit and index.actors[hit.key].type == "country":
        return hit
    capital = index.at(at, "place")
    return next(iter(index.speaking_states(capital.span.start, capital.span.end)), None) if capital else None


def _country_before(index: ActorIndex, pos: int, floor: int) -> Mention | None:
    """The country named right before a force noun ("Ukraine's military", "Russia's own
    forces"), or the state of a capital there ("Pyongyang's troops")."""
    for m in index.within(floor, pos):
        gap = index.text[m.span.end:pos]
        if index.grammar.force_owner_gap.fullmatch(gap) and index.actors[m.key].type == "country":
            return m
    for m in index.within(floor, pos, "place"):
        if index.grammar.force_owner_gap.fullmatch(index.text[m.span.end:pos]):
            return next(iter(index.speaking_states(m.span.start, m.span.end)), None)
    return None
