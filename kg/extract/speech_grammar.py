"""The words and patterns a language's speech lexicon gives, built once per lexicon.

The ``speech`` file of a lexicon lists the cues of statements by the kind they make
(``verbs``, ``quote_cues``), the words of "according to", complementizers, addressee markers
and more. :func:`speech_grammar` turns them, with a few ``actors`` lists, into the regexes and
word lists the statement finders read with.

>>> from kg.lexicon import load
>>> en = load("en")
>>> cue_kinds(en, "verbs")["warned"]
'warning'
>>> m = speech_grammar(en).quote_cue.match(", Jane Roe said.")
>>> m.group("who"), m.group("cue")
('Jane Roe', 'said')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Lexicon
from .patterns import by_first_letter, either, phrases
from .words import WordList


@dataclass(frozen=True)
class SpeechGrammar:
    """The patterns and word sets a lexicon's speech data gives, built once per lexicon."""

    pronouns: WordList
    restatements: WordList
    quote_cue: re.Pattern
    speaker_roles: frozenset[str]
    documents: frozenset[str]  # the statement nouns, casefolded
    according: WordList
    passive_by: WordList
    agent_marker: re.Pattern
    document_leads: re.Pattern
    verbs: dict[str, str]
    verb_list: list[str]
    coordinated: re.Pattern  # "… and" right before a cue
    coordinator: re.Pattern  # "and", "but", "tetapi": anywhere
    next_clause: re.Pattern  # ", and" or ", a day after" and three words at most right before another speaker
    framing: re.Pattern  # "a day after", "sehari setelah": a time clause of the writer's, whole
    pronoun_subject: re.Pattern  # ", and it", "but he" right before a cue: the pronoun is its subject (group "pronoun")
    broadcast: frozenset[str]  # "disiarkan": a passive cue whose agent may only have carried someone's words
    additions: frozenset[str]  # "added", "menambahkan": one more speaker on the occasion just told (casefolded)
    first_person: re.Pattern  # "I think", "saya khawatir": in an answer, one more statement of the one answering
    first_person_kinds: dict[str, str]  # casefolded phrase -> kind
    verb_start: re.Pattern  # a speaker-first verb right at a position (after blanks)
    any_verb: re.Pattern  # a speaker-first verb anywhere
    subject_pronouns: WordList  # "he", "they", "it", "pihaknya": a clause of its own begins (its .pattern read)
    passive: frozenset[str]  # "are", "was": before a reporting verb, a passive with no speaker
    passive_gap: frozenset[str]  # "not", "independently": between a passive's auxiliary and its verb
    joins: frozenset[str]  # "and", "dan": between two speakers, casefolded
    more_verb: re.Pattern  # "denied or confirmed": a second cue after the first
    negators: WordList
    occasions: WordList  # "briefing", "rapat": where statements are made, whose day dates those that name it
    silence: frozenset[str]  # "tetap bungkam", "remained silent": a cue that says nothing was said (casefolded)
    adverbial_leads: re.Pattern
    relay_verbs: frozenset[str]
    relayed_cues: WordList
    agentless: WordList
    answer_mark: re.Pattern  # "J:" / "A:" opening a line: an interview's answer
    speaker_tag: re.Pattern  # "MR. MILLER:", "SOT — JOHN KIRBY, SPOKESMAN:" opening a line: a transcript's speaker (``name``)
    question_mark: re.Pattern  # "T:" / "Q:" opening a line: its question
    continuations: WordList
    unsaid: WordList  # "without confirming": the speaker goes on, not saying it
    nouns_described: frozenset[str]  # "units", "soldiers": a "that" after one begins a relative clause (casefolded)
    unsaid_kinds: dict[str, str]  # its words, casefolded -> the kind of what was not said
    auxiliaries: frozenset[str]  # "had", "were", "telah": a finite verb, a clause of its own (casefolded)
    suppositions: frozenset[str]  # "whether", "if", "jika": a speaker after one says nothing yet (casefolded)
    statement_nouns: WordList
    definite_after: frozenset[str]
    conjunctions: re.Pattern
    relative_clause: re.Pattern
    open_relative: re.Pattern  # ", who …" / ", yang …" up to a cue: the clause the cue is in
    relativizer: re.Pattern  # "who", "yang": a relative clause set off by no comma may run up to a cue
    group_speakers: WordList
    role_speakers: WordList
    addressee_markers: re.Pattern
    addressee_verbs: frozenset[str]
    addressee_stops: frozenset[str]
    audiences: WordList  # whom a statement can be told: groups (actors) and the press (no actors)
    unverified: WordList  # "be independently verified": after a negator, the outlet could not (passive)
    unverified_by: WordList  # "have not been able to verify": after "we" or the outlet's name
    absolute_markers: frozenset[str]  # "with": ", with Tokyo warning that …" is Tokyo's (casefolded)
    outlet_pronouns: frozenset[str]  # "we", "kami": the outlet itself (casefolded)
    outlet_opener: re.Pattern  # "We", "This newspaper", "Kami" opening a sentence: the outlet's own voice
    outlet_object: re.Pattern  # "us", "kepada kami" right after a cue: told to the outlet itself
    clause_openers: frozenset[str]  # "that", "which", "yang": what opens a clause of its own, casefolded
    guest_tags: frozenset[str]  # "GUEST", "NARASUMBER": a transcript's tag for the one interviewed, casefolded
    press: frozenset[str]  # "reporters", "wartawan": an audience that is no actor (casefolded)
    complementizer_ahead: re.Pattern
    content_lead: re.Pattern
    kind_cues: tuple[tuple[re.Pattern, str], ...]
    perfect: frozenset[str]  # "has", "have", casefolded
    present: frozenset[str]  # "says", "believes": a cue in the present holds by publication, casefolded
    not_yet: frozenset[str]  # "yet", "belum": what is not said yet, casefolded
    determiners: frozenset[str]  # "the", "a", casefolded
    object_starts: frozenset[str]  # "the", "their": a noun phrase begins, casefolded
    prepositions: frozenset[str]  # "on", "in", casefolded
    report_nouns: WordList  # "laporan", "reports": a report whose makers are named beside it
    citations: WordList  # "seperti dilansir", "as quoted by": where the article got it from
    anonymity: WordList  # "who asked not to be named": why a speaker is unnamed, not what they said
    one_of: re.Pattern  # "one of the", "salah satu" right before a group (ending where searched): one person of it
    introduced_roles: re.Pattern  # "a (ministry) researcher", "seorang pengamat": someone known only by a role (group "role")
    bare_roles: re.Pattern  # the same, perhaps with no "a" ("anggota komite dari …", after a quote's cue)
    role_phrase_end: re.Pattern  # a comma, a relativizer or "kepada": where what describes such a role ends
    time_modifiers: frozenset[str]  # "late", "early": right before a day ("late Saturday"), casefolded
    event_nouns: frozenset[str]  # "the deployment", "pengiriman": an event named as a noun, casefolded


@lru_cache(maxsize=None)
def speech_grammar(lex: Lexicon) -> SpeechGrammar:
    """The :class:`SpeechGrammar` of ``lex`` (cached: do not change the lexicon)."""
    enclitic = lex.get("speech.enclitic", "")
    enc = re.escape(enclitic) if enclitic else "(?!)"
    cues = cue_kinds(lex, "quote_cues")
    according = lex.get("speech.according_to", [])
    leads = by_first_letter(sorted(according, key=len, reverse=True))
    verbs = {**cue_kinds(lex, "verbs"), **{w: "claim" for w in lex.get("speech.silence", [])}}
    if enclitic:  # "membantahnya": the verb with its object as the enclitic ("denied it")
        verbs |= {w + enclitic: kind for w, kind in list(verbs.items()) if " " not in w and w + enclitic not in verbs}
    joins = either(lex.get("speech.coordinators", [])) or "(?!)"
    framing = either(lex.get("speech.framing_clauses", [])) or "(?!)"
    markers = lex.get("speech.addressee_markers", []) + lex.get("speech.addressee_verbs", [])
    skip = rf"(?:\s*(?:{either(markers) or '(?!)'})\s+(?:[\w-]+\s+){{0,2}}?[\w-]+(?=,))?"
    comp = either(lex.get("speech.complementizers", [])) or "(?!)"
    role_stops = lex.get("speech.relativizers", []) + lex.get("speech.addressee_markers", [])
    indefinites = either(lex.get("actors.indefinites", [])) or "(?!)"
    role = (rf"(?P<role>(?:[\w-]+\s+){{0,2}}?(?:(?-i:[A-Z][\w'’-]*)\s+){{0,3}}?"  # "a ruling People Power Party member"
            rf"(?:{either(lex.get('actors.role_nouns', []), longest_first=True) or '(?!)'}))(?![\w-])")
    return SpeechGrammar(
        pronouns=WordList(lex.get("actors.pronouns", [])),
        restatements=WordList(lex.get("speech.restatements", []), ignore_case=True),
        quote_cue=re.compile(rf"[\s,]*(?:(?P<who>[^\s,]+(?: [^\s,]+){{0,5}}) )??(?<![\w-])"
                             rf"(?P<cue>{either(cues, longest_first=True)})(?P<enc>{enc})?(?![\w-])"),
        speaker_roles=frozenset(lex.get("actors.speaker_roles", [])),
        documents=frozenset(w.casefold() for w in lex.get("speech.statement_nouns", [])),
        according=WordList(according + [w + enclitic for w in according if enclitic], pattern=re.compile(
            rf"(?<![\w-])(?:{leads or '(?!)'})(?P<enc>{enc})?(?![\w-])")),
        passive_by=WordList(lex.get("speech.passive_by", [])),
        agent_marker=re.compile(rf"\b(?:{either(lex.get('speech.agent_markers', [])) or '(?!)'})\b"),
        document_leads=phrases(lex.get("speech.document_leads", [])),
        verbs=verbs,
        verb_list=list(verbs),
        coordinated=re.compile(rf"(?:^|\s)(?:{joins})\s+(?:\w+\s+){{0,2}}$"),  # "and said", "but declined to say"
        coordinator=re.compile(rf"(?<![\w-])(?:{joins})(?![\w-])"),
        next_clause=re.compile(rf"\s*[,;]\s*(?:{joins}|{framing})\s+(?:[\w'’.-]+\s+){{0,3}}$"),
        framing=re.compile(framing, re.IGNORECASE),
        broadcast=frozenset(lex.get("speech.broadcast", [])),
        additions=frozenset(w.casefold() for w in lex.get("speech.additions", [])),
        first_person=phrases(list(cue_kinds(lex, "first_person")), ignore_case=True),
        first_person_kinds={w.casefold(): k for w, k in cue_kinds(lex, "first_person").items()},
        pronoun_subject=re.compile(
            rf"(?:[,;]\s*(?:(?:{joins})\s+)?|(?<![\w-])(?:{joins})\s+)(?P<pronoun>(?<![\w-])(?:"
            rf"{either(lex.get('actors.pronouns', []) + lex.get('actors.plural_pronouns', []) + lex.get('actors.collective_pronouns', [])) or '(?!)'}"
            rf"))\s+$", re.IGNORECASE),
        verb_start=re.compile(rf"\s+(?:{either(verbs, longest_first=True)})(?![\w-])"),
        any_verb=re.compile(rf"(?<![\w-])(?:{either(verbs, longest_first=True)})(?![\w-])"),
        subject_pronouns=WordList(lex.get("actors.pronouns", []) + lex.get("actors.plural_pronouns", [])
                                  + lex.get("actors.collective_pronouns", []), ignore_case=True),
        passive=frozenset(w.casefold() for w in lex.get("events.passive_auxiliaries", [])),
        passive_gap=frozenset(w.casefold() for w in lex.get("speech.passive_gap", [])),
        joins=frozenset(w.casefold() for w in lex.get("actors.conjunctions", [])),
        more_verb=re.compile(rf"\s+(?:{joins})\s+({phrases(verbs).pattern})"),
        negators=WordList(lex.get("speech.negators", [])),
        occasions=WordList(lex.get("speech.occasions", []), ignore_case=True),
        silence=frozenset(w.casefold() for w in lex.get("speech.silence", [])),
        adverbial_leads=phrases(lex.get("speech.adverbial_leads", [])),
        relay_verbs=frozenset(lex.get("speech.relay_verbs", [])),
        relayed_cues=WordList(lex.get("speech.relayed_cues", [])),
        agentless=WordList(lex.get("speech.agentless", [])),
        speaker_tag=re.compile(rf"(?:(?:{either(lex.get('speech.speaker_tag_leads', [])) or '(?!)'})[ \t]*[—–-][ \t]*)?"
                               rf"(?:(?:{either(lex.get('speech.speaker_tag_titles', [])) or '(?!)'})\s+)?"
                               r"(?P<name>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2})"
                               r"(?:,[ \t]*[A-Z][A-Z.'’ -]*[A-Z.])?(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*:[ \t]*"),
        answer_mark=re.compile(rf"(?:{either(lex.get('speech.answer_marks', [])) or '(?!)'})[ \t]*"),
        question_mark=re.compile(rf"(?m)^(?:{either(lex.get('speech.question_marks', [])) or '(?!)'})"),
        continuations=WordList(lex.get("speech.continuations", [])),
        unsaid=WordList(list(cue_kinds(lex, "unsaid"))),
        nouns_described=frozenset(w.casefold().split()[-1] for w in lex.get("actors.force_nouns", [])
                                  + lex.get("actors.group_nouns", [])),
        unsaid_kinds={w.casefold(): k for w, k in cue_kinds(lex, "unsaid").items()},
        auxiliaries=frozenset(w.casefold() for w in lex.get("events.auxiliaries", [])),
        suppositions=frozenset(w.casefold() for w in lex.get("speech.suppositions", [])),
        statement_nouns=WordList(lex.get("speech.statement_nouns", []), ignore_case=True),
        definite_after=frozenset(lex.get("actors.definite_after", [])),
        conjunctions=phrases(lex.get("actors.conjunctions", [])),
        relative_clause=re.compile(rf",\s*(?:{either(lex.get('speech.relativizers', [])) or '(?!)'})\b[^,]*,"),
        open_relative=re.compile(rf",\s*(?:{either(lex.get('speech.relativizers', [])) or '(?!)'})\b[^,]*$"),
        relativizer=re.compile(rf"(?<![\w-])(?:{either(lex.get('speech.relativizers', [])) or '(?!)'})(?![\w-])"),
        group_speakers=WordList(lex.get("actors.group_speakers", []), ignore_case=True),
        role_speakers=WordList(lex.get("actors.speaker_roles", []), ignore_case=True),
        addressee_markers=phrases(markers),
        addressee_verbs=frozenset(lex.get("speech.addressee_verbs", [])),
        addressee_stops=frozenset(lex.get("speech.complementizers", []) + lex.get("speech.prepositions", [])),
        audiences=WordList(lex.get("speech.audiences", []) + lex.get("speech.press", []), ignore_case=True),
        unverified=WordList(lex.get("speech.unverified", []), ignore_case=True),
        unverified_by=WordList(lex.get("speech.unverified_by_us", []), ignore_case=True),
        absolute_markers=frozenset(w.casefold() for w in lex.get("speech.absolute_markers", [])),
        outlet_pronouns=frozenset(w.casefold() for w in lex.get("speech.outlet_pronouns", [])),
        outlet_opener=re.compile(
            rf"(?:{either(lex.get('speech.outlet_pronouns', []) + lex.get('speech.outlet_nouns', []), longest_first=True) or '(?!)'})"
            rf"(?![\w'’-])", re.IGNORECASE),
        guest_tags=frozenset(w.casefold() for w in lex.get("speech.guest_tags", [])),
        clause_openers=frozenset(w.casefold() for w in lex.get("speech.relativizers", [])
                                 + lex.get("speech.complementizers", [])),
        outlet_object=re.compile(
            rf"\s*(?:(?:{either(lex.get('speech.addressee_markers', [])) or '(?!)'})\s+)?"
            rf"(?:{either(lex.get('speech.outlet_objects', [])) or '(?!)'})(?![\w'’-])", re.IGNORECASE),
        press=frozenset(w.casefold() for w in lex.get("speech.press", [])),
        complementizer_ahead=re.compile(rf"(?<![\w-])(?:{comp})(?![\w-])\s*"),
        content_lead=re.compile(rf"{skip}\s*,?\s*(?:(?:{comp})\b\s*)?"),
        kind_cues=tuple((phrases(r["words"], ignore_case=True), r["kind"]) for r in lex.get("speech.kind_cues", [])),
        perfect=frozenset(w.casefold() for w in lex.get("speech.perfect", [])),
        present=frozenset(w.casefold() for w in lex.get("speech.present", [])),
        not_yet=frozenset(w.casefold() for w in lex.get("speech.not_yet", [])),
        determiners=frozenset(w.casefold() for w in lex.get("actors.determiners", [])),
        object_starts=frozenset(w.casefold() for w in lex.get("actors.determiners", []) + lex.get("actors.possessives", [])),
        prepositions=frozenset(w.casefold() for w in lex.get("speech.prepositions", [])),
        report_nouns=WordList(lex.get("speech.report_nouns", []), ignore_case=True),
        citations=WordList(lex.get("speech.citation", []), ignore_case=True),
        anonymity=WordList(lex.get("speech.anonymity", []), ignore_case=True),
        time_modifiers=frozenset(w.casefold() for w in lex.get("speech.time_modifiers", [])),
        event_nouns=frozenset(w.casefold() for w in lex.get("events.nominal", [])),
        introduced_roles=re.compile(rf"(?<![\w-])(?:{indefinites})\s+{role}", re.IGNORECASE),
        bare_roles=re.compile(rf"(?:(?:{indefinites})\s+)?{role}", re.IGNORECASE),
        role_phrase_end=re.compile(rf",|\s(?:{either(role_stops) or '(?!)'})\b"),
        one_of=re.compile(rf"(?<![\w-])(?:{either(lex.get('actors.one_of', []), longest_first=True) or '(?!)'})\s+$",
                          re.IGNORECASE),
    )


@lru_cache(maxsize=None)
def cue_kinds(lex: Lexicon, key: str) -> dict[str, str]:
    """Cue word -> statement kind, from the records ``speech.<key>`` (cached: do not change it)."""
    return {w: record["kind"] for record in lex.get(f"speech.{key}", []) for w in record["words"]}

