"""People nobody listed, found from context; and later, their surnames.

A person is found by a title before the name ("State Department spokesperson Jane Roe",
"NATO Secretary General Mark Rutte") or after it ("Jane Roe, a spokesperson for the State
Department"), with the organisation or country the title belongs to; by a name with no
title where it speaks ("Valery Gerasimov claimed", '"…," said Valery Gerasimov'); or, with
no name, by the role alone ("a Pentagon spokesperson"). Later, a surname alone ("Roe") is
the same person, as is a given name no one else has ("Laras" for Laras Wicaksani, as
Indonesian reports name people); a surname shared by two people, or a family name standing
alone ("Kim"), is left unlinked rather than merged wrongly.

>>> from kg.lexicon import load
>>> from kg.gazetteer import load as gazetteer
>>> from kg.extract.actors import find_actors
>>> text = "State Department spokesperson Jane Roe spoke on Monday. Roe left."
>>> index = find_actors(text, [Span.of(text, 0, 55), Span.of(text, 56, 65)], load("en"), gazetteer(), "en")
>>> p = index.actors["jane-roe"]
>>> p.type, p.title, p.affiliation, len(p.mentions)
('person', 'spokesperson', 'us-state-department', 2)
"""
from __future__ import annotations

import re

from ..model import Span
from .actor_grammar import POSSESSOR_GAP
from .actor_index import ActorIndex, Mention, slug

_NAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*")
_WORD = re.compile(r"[\w'’.-]+")
_INITIAL = re.compile(r"[A-Z]\.")
_NEXT_WORD = re.compile(r" (?=\S)")
_ACRONYM = re.compile(r"\s*\([A-Z][\w.-]{0,9}\)")  # "Amerika Serikat (AS)"
_TITLE_OWNER_GAP = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){0,2}\s*")
_HEAD_ENDS_NAME = re.compile(r" ([A-Z][\w-]*)(?! [A-Z])")  # "General Staff", not "juru bicara Dewan Keamanan"
_APPOSITION = re.compile(r"((?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+),\s*$")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+\b")
_OWNER = re.compile(r"['’]s$")  # a possessive ending a name


def named_speakers(index: ActorIndex, sentence: Span) -> None:
    """People named with no title where they speak: right before a reporting verb ("Valery
    Gerasimov claimed", "…, Valery Gerasimov, said", "Mr. Gerasimov said") or right after a
    quote cue ("…," said Valery Gerasimov; "…," kata Valery Gerasimov)."""
    text, grammar = index.text, index.grammar
    for verb in grammar.speech_verbs.finditer(text, sentence.start, sentence.end):
        last = text[max(sentence.start, verb.start() - 40):verb.start()].rstrip(" ,").rsplit(" ", 1)[-1]
        if not last[:1].isupper():  # most verbs follow no capitalised word: nothing to read
            continue
        before = _NAME_BEFORE.search(text, max(sentence.start, verb.start() - 80), verb.start())
        joined = _joined_names(index, sentence.start, verb.start()) if before else []
        if joined:  # "Jane Roe and John Doe said": two people
            for name in joined:
                _add_person(index, name)
            continue
        if before:
            words = before.group("name").split()
            honorific = before.group("honorific")
            if len(words) >= 2 or honorific and honorific in grammar.honorifics:
                _add_person(index, Span.of(text, before.start("name"), before.end("name")), single=len(words) == 1)
    for cue in grammar.quote_cues.finditer(text, sentence.start, sentence.end):
        name = name_at(index, cue.end(), sentence.end)
        if name and _AFTER_NAME.match(text, name.end):
            _add_person(index, name)


def known_as(index: ActorIndex, sentence: Span) -> None:
    """People known by one name: a call sign ('a drone pilot who goes by the call sign "Kit"',
    'dengan nama sandi "Varan"') or a first name set off before a role ("Bohdan, a 41-year-old
    infantryman, said"). Later, that name alone is the same person (:func:`surname_table`)."""
    text, grammar = index.text, index.grammar
    for pattern in (grammar.known_as, grammar.first_named):
        for m in pattern.finditer(text, sentence.start, sentence.end):
            name = Span.of(text, m.start("name"), m.end("name"))
            if name.text not in grammar.not_names and not index.overlapping(name.start, name.end) \
                    and not index.title_concept(name.text):
                index.add_actor(slug(name.text), name.text, "person", name, "known-as")


def _add_person(index: ActorIndex, name: Span, single: bool = False) -> None:
    """Record ``name`` as a person unless some actor or place already holds it, or a word of it
    cannot begin or belong to a name."""
    if index.overlapping(name.start, name.end):
        return
    if not single and name_at(index, name.start, name.end) != name:  # "Central Military" (Commission)
        return
    if single and name.text in index.grammar.not_names:
        return
    index.add_actor(slug(name.text), name.text, "person", name, "name")


# a capitalised name of one to four words (after an optional honorific) ending where a
# reporting verb begins, perhaps set off by commas: "Valery Gerasimov claimed", ", Jane Roe, said"
_NAME_BEFORE = re.compile(r"(?:(?P<honorific>\b[A-Z][a-z]{1,3}\.)\s+)?"
                          r"(?P<name>\b[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’.-]*|[a-z]{2,3})){0,3}(?<![.,]))"
                          r",?\s+$")
_AFTER_NAME = re.compile(r"\s*(?:[.,;]|$)")  # '…," said Jane Roe.' ends the sentence or clause


def author(index: ActorIndex) -> Span | None:
    """The name of the person a line opening with an author's lead names ("By Jane Roe",
    "Oleh: Laras Wicaksani"), if a line does (and names a person, alone: not "Penulis: Tim
    Redaksi | Editor: …").

    >>> from kg.lexicon import load
    >>> from kg.gazetteer import load as gazetteer
    >>> from kg.extract.actors import find_actors
    >>> text = "By Jane Roe\\nTroops arrived."
    >>> author(find_actors(text, [], load("en"), gazetteer(), "en"))
    Span(start=3, end=11, text='Jane Roe')
    """
    text, leads = index.text, index.lex.get("page.author_leads", [])
    for line in re.finditer(r"[^\n]+", text):
        lead = next((w for w in leads if line.group().startswith(w)), None)
        name = lead and name_at(index, line.start() + len(lead), line.end())
        if name and not text[name.end:line.end()].strip(" |,."):  # the name alone on its line
            return name
    return None


def name_at(index: ActorIndex, pos: int, end: int, least: int = 2) -> Span | None:
    """A person name of ``least``-4 capitalised words starting at ``pos``."""
    text = index.text
    particles = index.grammar.particles
    not_names = index.grammar.not_names
    while pos < end and text[pos] in " ,":
        pos += 1
    honorific = _WORD.match(text, pos, end)
    if honorific and honorific.group() in index.grammar.honorifics and text[honorific.end():honorific.end() + 1] == " ":
        pos = honorific.end() + 1  # "Dr. Laras Widyaningrum": the name after the honorific
    words, cur = [], pos
    while cur < end and len(words) < 4:
        m = _WORD.match(text, cur)
        if not m:
            break
        word = m.group().rstrip(".") if not _INITIAL.fullmatch(m.group()) else m.group()
        if not (_NAME_TOKEN.fullmatch(word) or (words and word in particles)):
            break
        if not words and (word in not_names or index.at(cur) or index.at(cur, "place")):
            break
        if index.title_concept(word) or word in index.grammar.org_heads:
            break
        words.append((m.start(), m.start() + len(word)))
        cur = m.start() + len(word)
        if not _NEXT_WORD.match(text[cur:cur + 2]):
            break
        cur += 1
    while words and text[words[-1][0]:words[-1][1]] in particles:
        words.pop()
    if len(words) < least:
        return None
    return Span.of(text, words[0][0], words[-1][1])


def _affiliation(index: ActorIndex, start: int, end: int) -> tuple[str, int, str]:
    """After a title: the organisation or country it belongs to, where it ends, and a
    principal ("juru bicara Sekjen PBB": the secretary-general of the UN)."""
    pos, affiliation, principal = start, "", ""
    titles = index.grammar.title_words.pattern
    while pos < end:
        link = index.grammar.title_link.match(index.text[pos:end])
        if link:  # "spokesperson for NATO"
            pos += link.end() - 1
        gap = len(index.text[pos:end]) - len(index.text[pos:end].lstrip(" "))
        hit = index.at(pos + gap)
        if hit and index.actors[hit.key].type in ("organization", "country", "armed_force"):
            affiliation, pos = hit.key, hit.span.end
            continue
        acronym = _ACRONYM.match(index.text[pos:end])
        if acronym and affiliation:
            pos += acronym.end()
            continue
        if hit and index.actors[hit.key].type == "person":
            if principal == hit.key:  # "spokesperson for NATO Secretary General Jane Roe": the principal, named
                return affiliation, hit.span.end, principal
            return affiliation, pos, principal
        title = titles.match(index.text, pos + gap)
        if title and not principal:
            org, after, _ = _affiliation(index, title.end(), end)
            principal = _holder(index, index.title_concept(title.group()), org or affiliation)
            named = index.at(after + len(index.text[after:end]) - len(index.text[after:end].lstrip(" ")))
            if not principal and named and index.actors[named.key].type == "person":
                principal = named.key  # "chief of staff to President Jane Roe": the president, named
            affiliation, pos = org or affiliation, after
            continue
        break
    return affiliation, pos, principal


def _anaphoric_owner(index: ActorIndex, title: re.Match, after: int, sentence: Span) -> tuple[str, int]:
    """The organisation named last that a title's owner stands for, when an owner pronoun or
    an organisation's anaphor is written right before the title ("its spokesperson", "the
    ministry's spokesperson") or right after it, and where the role then ends; ``("", after)``
    otherwise."""
    text, grammar = index.text, index.grammar
    behind = grammar.anaphoric_owner.search(text[max(sentence.start, title.start() - 40):title.start()])
    ahead = None if behind else grammar.anaphor_after.match(text, after, sentence.end)
    if not (behind or ahead):
        return "", after
    owner = index.last(title.start(), ("organization",))
    return (owner, ahead.end() if ahead else after) if owner else ("", after)


def _holder(index: ActorIndex, concept: str, org: str) -> str:
    """The known person who holds title ``concept`` in ``org`` (for spokespeople's principals)."""
    for entry in index.gaz.entries.values():
        if entry.type == "person" and entry.affiliation == org and any(
            index.title_concept(t) == concept for t in entry.titles.values()
        ):
            return entry.key
    return ""


def people_by_title(index: ActorIndex, sentence: Span) -> None:
    """People by a title before or after their name ("Pentagon spokesperson Jane Roe", "Jane
    Roe, a spokesperson"), or by the role alone ("a Pentagon spokesperson"); a title of a known
    person gives them that title."""
    text, consumed = index.text, sentence.start
    for m in index.grammar.title_words.finditer(text, sentence.start, sentence.end):
        if m.start() < consumed:  # a title inside another's affiliation ("juru bicara Sekjen PBB")
            continue
        if any(index.actors.get(x.key) and index.actors[x.key].type == "organization"
               for x in index.around(m.start())):
            continue  # "the General Staff": part of an organisation's name, not a general
        title = m.group()
        if (head := _HEAD_ENDS_NAME.match(text, m.end())) and head.group(1) in index.grammar.org_heads:
            continue  # "the General Assembly", "General Staff": a word of an organisation's name
        ahead = index.at(m.end())
        if title in index.grammar.adjective_titles and ahead and index.actors[ahead.key].type in ("organization", "country"):
            continue  # "the official Korean Central News Agency": a word that describes it, not a person
        before_org = _org_before(index, m.start(), sentence.start)
        affiliation, after, principal = _affiliation(index, m.end(), sentence.end)
        affiliation = affiliation or before_org
        anaphoric = ""
        if not affiliation:  # "its spokesperson", "juru bicara kementerian itu": the organisation named last
            anaphoric, after = _anaphoric_owner(index, m, after, sentence)
            affiliation = anaphoric
        consumed = after
        known = index.at(after + len(text[after:sentence.end]) - len(text[after:sentence.end].lstrip(" ,")))
        # (also "Kepala Staf Umum …, Valery Gerasimov, mengklaim": the known person the title is set off before)
        if known and index.actors[known.key].type == "person" and known.key != principal:
            actor = index.actors[known.key]
            actor.title = actor.title or title
            continue
        name = name_at(index, after, sentence.end)
        if name is None:
            lead = index.within(sentence.start, m.start())
            owner = lead[-1] if lead and (before_org or POSSESSOR_GAP.fullmatch(text[lead[-1].span.end:m.start()])) \
                else None  # "Jane Roe, John Doe's chief of staff": the name is before the owner
            lead_start = owner.span.start if owner else m.start()
            article = index.grammar.determiner_before.search(text[sentence.start:lead_start])
            role_from = sentence.start + article.start() if article else lead_start
            name = _apposition_name(index, role_from, sentence.start)
            head = index.within(sentence.start, role_from)
            if name is None and head and index.actors[head[-1].key].type == "person" \
                    and text[head[-1].span.end:role_from].strip() == ",":
                actor = index.actors[head[-1].key]  # "John Kirby, the White House … adviser,": the known person's title
                actor.title = actor.title or title
                continue
            if name and owner and not principal and index.actors[owner.key].type == "person":
                principal = owner.key
        if name is None:
            role = Span.of(text, m.start(), after)
            org = _org_mention_before(index, m.start(), sentence.start)
            parted = text[sentence.start:m.start()].split()[-1:]  # "… NIS kepada anggota parlemen"
            if org and not before_org and not affiliation and not (parted and parted[0] in index.grammar.not_in_roles):
                affiliation = org.key  # "At the Pentagon, a spokesperson said"
            adjacent = next((x for x in reversed(index.within(sentence.start, m.start()))
                             if x.key == before_org == affiliation), None)  # (not "Seoul memanggil dubes Rusia")
            if adjacent:  # "Pentagon spokesperson", "Ukrainian officials": the name before the title is in the role
                role = Span.of(text, adjacent.span.start, after)
                label = role.text.strip()
            elif org and org.key == affiliation and role.text.strip() == title:  # "At the Pentagon, a spokesperson"
                label = index.lex.get("actors.role_label", "{title} {org}").format(title=title, org=org.span.text)
            elif anaphoric:  # "its spokesperson": the organisation's name in the label
                label = index.lex.get("actors.role_label", "{title} {org}").format(
                    title=title, org=index.actors[anaphoric].label)
            else:
                label = role.text.strip()
            holder = _holder(index, index.title_concept(title), affiliation) or _definite(index, m, after, affiliation)
            if holder in index.gaz.entries:  # "Sekjen PBB": the known person who holds the title
                index.add_entry(index.gaz.entries[holder], role, "role")
            elif holder:
                index.add_actor(holder, index.actors[holder].label, "person", role, "role")
            elif affiliation and title not in index.grammar.name_only_titles:  # "a Pentagon spokesperson"
                plural = title in index.grammar.plural_titles  # "Ukrainian officials"
                index.add_actor(f"{affiliation}-{slug(title if plural else index.title_concept(title))}", label,
                                "group" if plural else "person", role, "role", title=title, affiliation=affiliation,
                                principal=principal or affiliation)
            continue
        key = index.person_by_name(name.text) or slug(name.text)
        index.add_actor(key, name.text, "person", name, title=title,
                        affiliation=affiliation, principal=principal)


def _definite(index: ActorIndex, title: re.Match, after: int, affiliation: str) -> str:
    """'The Ukrainian leader', 'juru bicara itu': a definite role is the person of that
    affiliation last named."""
    text = index.text
    before = text[max(0, title.start() - 30):title.start()]
    definite = index.grammar.definite_before.search(before) \
        or index.grammar.definite_after.match(text[after:after + 12])
    if not definite or not affiliation:
        return ""
    for m in reversed([m for m in index.mentions if m.span.end <= title.start() and m.kind == "actor"]):
        actor = index.actors[m.key]
        entry = index.gaz.entries.get(m.key)
        if actor.type == "person" and affiliation in (actor.affiliation, entry.affiliation if entry else ""):
            return m.key
    return ""


def _joined_names(index: ActorIndex, floor: int, verb: int) -> list[Span]:
    """The two names of two words or more joined by a conjunction right before ``verb``
    ("Jane Roe and John Doe said", "Laras Wicaksani dan Bagas Hendrawan menilai")."""
    m = index.grammar.joined_names.search(index.text, max(floor, verb - 100), verb)
    names = [Span.of(index.text, m.start(g), m.end(g)) for g in ("first", "second")] if m else []
    if all(name_at(index, n.start, n.end) == n for n in names):  # not "National Security and Defense Council"
        return names
    return []


def _org_mention_before(index: ActorIndex, pos: int, floor: int) -> Mention | None:
    """The organisation named last before ``pos`` in the sentence."""
    orgs = [m for m in index.within(floor, pos) if index.actors[m.key].type == "organization"]
    return orgs[-1] if orgs else None


def _org_before(index: ActorIndex, pos: int, floor: int) -> str:
    """'NATO Secretary General', 'Pentagon spokesperson': an organisation right before a title."""
    for m in reversed(index.within(floor, pos)):
        gap = index.text[m.span.end:pos]
        if _TITLE_OWNER_GAP.fullmatch(gap) and not index.grammar.not_in_roles & set(gap.split()) \
                and not index.grammar.speech_verbs.occurs_in(index.text, m.span.end, pos) \
                and index.actors[m.key].type in ("organization", "country"):  # "US defense official"
            return m.key  # (not "Korea Selatan yang dipimpin penasihat …", "NIS kepada anggota parlemen")
    return ""


def _apposition_name(index: ActorIndex, title_start: int, floor: int) -> Span | None:
    """'Jane Roe, a spokesperson …': a name just before a comma and a title."""
    head = index.text[floor:title_start]
    m = _APPOSITION.search(head.rstrip())
    if not m:
        return None
    return name_at(index, floor + m.start(1), floor + m.end(1))


def surname_table(index: ActorIndex) -> dict[str, set[str]]:
    """The people named with more than one word, by their surname (and, for a family name
    written first, by that name too)."""
    one_name = {m.key for m in index.mentions if m.how == "known-as"}  # "Kit", "Bohdan"
    people = [a for a in index.actors.values() if a.type == "person" and (" " in a.label or a.key in one_name)]
    first_family = index.grammar.family_first
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for person in people:
        for label in {person.label, *person.labels.values()}:
            by_last.setdefault(label.split()[-1], set()).add(person.key)
            if label.split()[0] in first_family:  # "Kim" for "Kim Jong Un"
                by_last.setdefault(label.split()[0], set()).add(person.key)
            elif _given_name(label, index) and person.key not in index.gaz.entries:
                by_first.setdefault(label.split()[0], set()).add(person.key)
    for name, keys in by_first.items():  # "Laras" for "Laras Wicaksani", when no one else is so called
        by_last.setdefault(name, keys)
    return by_last


def _given_name(label: str, index: ActorIndex) -> bool:
    """Whether ``label`` is a name of two or three capitalised words, the first no title
    ("Laras Wicaksani"; not "Foreign Ministry's official spokeswoman")."""
    words = label.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) \
        and not index.grammar.title_words.pattern.fullmatch(words[0])


def surnames(index: ActorIndex, sentence: Span, by_last: dict[str, set[str]]) -> None:
    """'Roe' after 'Jane Roe': the same person. A surname two people share stays unlinked."""
    written = index.text[sentence.start:sentence.end]
    if not any(name in written for name in by_last):  # most sentences name nobody again
        return
    for m in _CAPITALISED.finditer(written):
        name = _OWNER.sub("", m.group())  # "Yoon's office": Yoon
        keys = by_last.get(name, ())
        start = sentence.start + m.start()
        if len(keys) != 1 or index.around(start):
            continue
        introduced = index.grammar.determiner_after.match(index.text, start + len(name))
        if introduced:  # "Kim, a defector living in Seoul": someone new, not the Kim named before
            continue
        index.add_actor(next(iter(keys)), name, "person", Span.of(index.text, start, start + len(name)), "surname")
