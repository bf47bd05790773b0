"""Generated newsroom articles for the import benchmark, in two styles.

Why two: the linker's cost depends on how often an article repeats itself.  Real copy states
a fact two or three times (lede, body, section), quotes the same few people again and again
and reports them between quotes ("Okafor said…", "He said…"); that *realistic* article is
what users open and is the default.  The *unique* article never repeats a figure and
names a new person most of the time: it was the bench's only article until it turned out
to hide the costs that repetition causes (every pair of a speaker's statements, figures
posted in many sentences), and is kept to compare with earlier figures.

Both are plain text in the heading format (headline, byline, lede, the four section
headings, paragraphs, bullets and quote paragraphs in varied attribution shapes), written
from word lists with a seeded RNG, so a size and a seed always give the same article.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST = (
    "Amara Lucia Desmond Grace Tomasz Priya Helena Jonas Mireille Kwame Ingrid Rafael Saoirse "
    "Dmitri Aiko Fatima Oskar Beatriz Callum Yusuf Noor Henrik Leila Mateo Anneliese Tobias "
    "Chiara Emeka Rosalind Sven Ottilie Ravi Marisol Bram Ines Caspar Wren Anouk Ezra Thandiwe"
).split()
SURNAMES = (
    "Okafor Achterberg Fenwright Muldoon Reilly Venkataraman Markley Lindqvist Dufresne Asante "
    "Halvorsen Quintero Brannigan Volkov Takahashi Haddad Nystrom Carvalho Macrae Demir Rahimi "
    "Sorensen Farouk Ibarra Weisskopf Lachance Moretti Nwosu Ashdown Eriksen Pemberton Kaur "
    "Delgado Verhoeven Castellanos Thornbury Galloway Abernathy Mbeki Szabo Oyelaran Hartigan"
).split()
ROLES = (
    "port director",
    "secretary of the dockworkers' branch",
    "transport minister",
    "a freight economist at Halden University",
    "owner of a wholesale business",
    "harbour pilot",
    "chair of the retailers' association",
    "spokesperson for the port authority",
    "city councillor for the north quay",
    "head of logistics at a fuel importer",
    "a shipping analyst",
    "mayor of Dunmere",
)
ORGS = (
    "The Dockworkers' Union",
    "The port authority",
    "The national freight council",
    "The Retailers' Association",
    "Coastline Fuel Ltd",
    "The Chamber of Commerce",
)
OUTLETS = ("Harbour Radio", "the Ledger", "reporters", "local television", "a press briefing")
NOUNS = (
    "port cranes terminal cargo shipment harbour berth quay ferry tanker container freight "
    "wage offer contract ballot picket mediator council budget tariff backlog warehouse "
    "depot convoy pipeline refinery market shelf supplier producer growers fishermen "
    "commuters households landlords tenants retailers wholesalers insurers lenders timetable "
    "breakwater dredging inspection licence permit subsidy levy forecast shortfall surplus"
).split()
VERBS = (
    "halted delayed doubled rerouted postponed reopened slowed expanded restricted cancelled "
    "approved rejected questioned extended reduced suspended tripled diverted cleared stalled "
    "financed audited resumed blocked relaxed tightened boosted trimmed revised scrapped"
).split()
ADJECTIVES = (
    "regional northern coastal refrigerated seasonal temporary emergency independent "
    "overnight weekly unexpected disputed provisional revised projected local national "
    "larger smaller longer shorter costlier cheaper quieter busier"
).split()
PLACES = (
    "Carrowmore",
    "Fennick Sound",
    "Port Aldwick",
    "Dunmere",
    "Halden",
    "Gate 4",
    "the north quay",
    "the south breakwater",
    "Kelby Marsh",
    "Ostrow Bay",
    "Linford",
    "Tallow Point",
    "Brackenford",
)
MONTHS = "January February March April May June July August September October November".split()
UNITS = ("tonnes", "containers", "workers", "ships", "trucks", "households", "jobs", "berths")
VERDICTS = ("unacceptable", "reckless", "overdue", "a fair start", "too late")
# Figures every long story repeats so often that they are boilerplate, not evidence.
STOCK_FIGURES = ("24 hours", "$5 million", "10%", "100 days")
# Body sections: heading, share of the body, block shape.
PLAN = (
    (None, 0.10, "paragraph"),
    ("Why It Matters", 0.20, "paragraph"),
    ("What To Know", 0.30, "bullet"),
    ("What People Are Saying", 0.25, "quote"),
    ("What Happens Next", 0.15, "paragraph"),
)
HEAD = (
    "Why the Carrowmore dock strike could reshape winter supply",
    "",
    "By Helena Markley, The Coastline Ledger",
    "Published 2026-11-20",
    "",
)


def _figure_spellings(rng: random.Random) -> tuple[str, ...]:
    """A fresh figure and the other ways a newsroom writes it ("$38m", "$38 million")."""
    shape = rng.randrange(6)
    if shape == 0:
        return (f"{rng.randint(1, 999)},{rng.randint(0, 999):03d} {rng.choice(UNITS)}",)
    if shape == 1:
        value = f"{rng.randint(1, 99)}.{rng.randint(0, 9)}"
        return (f"{value}%", f"{value} per cent")
    if shape == 2:
        value = f"{rng.randint(2, 999)}.{rng.randint(1, 9)}"
        return (f"${value} million", f"${value}m")
    if shape == 3:
        return (f"{rng.randint(11, 9999)} {rng.choice(UNITS)}",)
    if shape == 4:
        value = f"{rng.randint(1, 99)}.{rng.randint(0, 99):02d}"
        return (f"\u00a3{value} billion", f"\u00a3{value}bn")
    return (f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1990, 2030)}",)


class UniqueWriter:
    """The original bench article: figures never repeat, most quotes name a new person."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.used_figures: set[str] = set()
        self.people: list[tuple[str, str]] = []

    def figure(self) -> str:
        """A figure not used before in this article."""
        while True:
            text = _figure_spellings(self.rng)[0]
            if text not in self.used_figures:
                self.used_figures.add(text)
                return text

    def clause(self) -> str:
        """One statement of fact: who or what, where, what happened, often with a figure."""
        rng = self.rng
        words = [
            rng.choice(("The", "Another", "One", "Each", "That")),
            rng.choice(ADJECTIVES),
            rng.choice(NOUNS),
            "at",
            rng.choice(PLACES),
            rng.choice(VERBS),
            rng.choice(("the", "a", "its")),
            rng.choice(ADJECTIVES),
            rng.choice(NOUNS),
        ]
        if rng.random() < 0.7:
            words += [rng.choice(("by", "to", "after", "despite", "with")), self.figure()]
        if rng.random() < 0.5:
            words += [
                rng.choice(("while", "as", "because", "although")),
                rng.choice(NOUNS),
                rng.choice(VERBS),
                rng.choice(NOUNS),
            ]
        return " ".join(words)

    def sentence(self) -> str:
        """A clause with a full stop (or, now and then, ! or ?)."""
        return self.clause() + self.rng.choice((".", ".", ".", "!", "?"))

    def paragraph(self) -> str:
        """Two to four sentences."""
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))

    def bullet(self) -> str:
        """A "- " list item of one or two sentences."""
        extra = f" {self.sentence()}" if self.rng.random() < 0.5 else ""
        return f"- {self.sentence()}{extra}"

    def person(self) -> tuple[str, str]:
        """A (name, role) to quote: usually someone new, sometimes someone quoted before."""
        rng = self.rng
        if self.people and rng.random() < 0.3:
            return rng.choice(self.people)
        person = (f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}", rng.choice(ROLES))
        self.people.append(person)
        return person

    def said(self) -> str:
        """The words inside a quotation: one or two clauses."""
        said = self.clause()
        if self.rng.random() < 0.6:
            said += f". {self.clause()}"
        return said[0].upper() + said[1:]

    def quote(self) -> str:
        """A quote paragraph by :meth:`person`, in one of the attribution shapes."""
        person = self.person()
        return _quote_paragraph(self.rng, person, self.said())


def _quote_paragraph(rng: random.Random, person: tuple[str, str], said: str) -> str:
    """One quote paragraph in one of the attribution shapes real copy uses."""
    name, role = person
    shape = rng.randrange(8)
    if shape == 0:
        return f"{name}, {role}: \u201c{said}.\u201d"
    if shape == 1:
        return f"{role[0].upper()}{role[1:]} {name}: \u201c{said}.\u201d"
    if shape == 2:
        return f"{name} told {rng.choice(OUTLETS)}: \u201c{said}.\u201d"
    if shape == 3:
        return f"\u201c{said},\u201d said {name}, {role}."
    if shape == 4:
        return f"\u201c{said},\u201d {name.split()[-1]} told {rng.choice(OUTLETS)}."
    if shape == 5:
        verdict = rng.choice(VERDICTS)
        noun = rng.choice(NOUNS)
        return f"{role[0].upper()}{role[1:]} {name} said the {noun} was \u201c{verdict}\u201d."
    if shape == 6:
        return f"\u201c{said}.\u201d \u2014 {name}, {role}"
    return f"{rng.choice(ORGS)}: \u201c{said}.\u201d"


@dataclass
class _Fact:
    """A fact as first written: its wording around the figure, and the figure's spellings."""

    before: list[str]
    spellings: tuple[str, ...]
    after: list[str]
    told: int = 1


class RealisticWriter(UniqueWriter):
    """Copy that repeats itself as newsrooms do: a fact stated in the lede or body comes back
    two or three times (often in another spelling of its figure and with a long run of the
    same words), a cast of a few dozen people is quoted and reported throughout, and a body
    sentence reports a speaker ("Okafor said…") and follows up with "He said…"."""

    RESTATE = 0.45  # share of sentences that restate an earlier fact
    RECENT = 120  # restatements come from the last this many facts, or from anywhere

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        rng = self.rng
        self.facts: list[_Fact] = []
        self.cast = [
            (f"{first} {surname}", rng.choice(ROLES))
            for first, surname in zip(
                rng.sample(FIRST, 30), rng.sample(SURNAMES, 30), strict=True
            )
        ]

    def person(self) -> tuple[str, str]:
        """Someone from the article's cast: the same few dozen people throughout."""
        return self.rng.choice(self.cast)

    def _new_fact(self) -> _Fact:
        rng = self.rng
        before = [
            rng.choice(("The", "Another", "One", "Each", "That")),
            rng.choice(ADJECTIVES),
            rng.choice(NOUNS),
            "at",
            rng.choice(PLACES),
            rng.choice(VERBS),
            rng.choice(("the", "a", "its")),
            rng.choice(ADJECTIVES),
            rng.choice(NOUNS),
            rng.choice(("by", "to", "after", "despite", "with")),
        ]
        if rng.random() < 0.04:
            spellings: tuple[str, ...] = (rng.choice(STOCK_FIGURES),)
        else:
            while True:
                spellings = _figure_spellings(rng)
                if spellings[0] not in self.used_figures:
                    self.used_figures.add(spellings[0])
                    break
        after: list[str] = []
        if rng.random() < 0.5:
            after = [
                rng.choice(("while", "as", "because", "although")),
                rng.choice(NOUNS),
                rng.choice(VERBS),
                rng.choice(NOUNS),
            ]
        fact = _Fact(before, spellings, after)
        self.facts.append(fact)
        return fact

    def _old_fact(self) -> _Fact | None:
        rng = self.rng
        pool = self.facts[-self.RECENT :] if rng.random() < 0.6 else self.facts
        if not pool:
            return None
        fact = rng.choice(pool)
        return fact if fact.told < 3 else None

    def clause(self) -> str:
        """A new fact, or (45% of the time) an earlier one restated in one of three ways."""
        rng = self.rng
        fact = self._old_fact() if rng.random() < self.RESTATE else None
        if fact is None:
            fact = self._new_fact()
            return " ".join([*fact.before, fact.spellings[0], *fact.after])
        fact.told += 1
        figure = rng.choice(fact.spellings)
        shape = rng.randrange(3)
        if shape == 0:  # the same wording, the figure perhaps spelled another way
            words = [*fact.before, figure, *fact.after]
        elif shape == 1:  # a new opening, the long run of wording kept
            words = [rng.choice(("Officials confirmed", "Records show", "As noted")), "that",
                     fact.before[0].lower(), *fact.before[1:], figure]
        else:  # only the figure again
            words = [figure, "was", "the", "figure", "for", "the", rng.choice(NOUNS),
                     rng.choice(("again", "this time", "by the latest count"))]
        return " ".join(words)

    def paragraph(self) -> str:
        """Three to five sentences, a third of the time with a speaker reported among them."""
        sentences = [self.sentence() for _ in range(self.rng.randint(3, 5))]
        if self.rng.random() < 0.35:
            sentences.insert(self.rng.randrange(len(sentences) + 1), self.report())
        return " ".join(sentences)

    def bullet(self) -> str:
        """A "- " list item of two (sometimes three) sentences."""
        count = 2 if self.rng.random() < 0.85 else 3
        return "- " + " ".join(self.sentence() for _ in range(count))

    def said(self) -> str:
        """The words inside a quotation: two or three clauses."""
        said = ". ".join(self.clause() for _ in range(self.rng.randint(2, 3)))
        return said[0].upper() + said[1:]

    def report(self) -> str:
        """A body sentence reporting a cast member, often followed by "He said …"."""
        rng = self.rng
        name, role = self.person()
        surname = name.split()[-1]
        clause = self.clause()
        clause = clause[0].lower() + clause[1:]
        shape = rng.randrange(3)
        if shape == 0:
            text = f"{surname} said {clause}."
        elif shape == 1:
            text = f"{role[0].upper()}{role[1:]} {name} said {clause}."
        else:
            text = f"{surname} called the {rng.choice(NOUNS)} \u201c{rng.choice(VERDICTS)}\u201d."
        if rng.random() < 0.4:
            pronoun = rng.choice(("He", "She", "They"))
            text += f" {pronoun} said the {rng.choice(NOUNS)} would be {rng.choice(VERBS)}."
        return text


def generate_article(size_bytes: int, seed: int = 20261120, *, style: str = "realistic") -> str:
    """A plain-text article of about ``size_bytes`` UTF-8 bytes in the newsroom format.

    ``style`` is ``realistic`` (facts, people and phrases restated) or ``unique`` (figures
    never repeat: the bench's original article).
    """
    writer = RealisticWriter(seed) if style == "realistic" else UniqueWriter(seed)
    lines = list(HEAD)
    budget = max(size_bytes - sum(len(line) + 1 for line in HEAD), 1_000)
    for heading, share, shape in PLAN:
        if heading is not None:
            lines += [heading, ""]
        target = budget * share
        written = 0
        while written < target:
            if shape == "bullet":
                block = writer.bullet()
            elif shape == "quote":
                block = writer.quote()
            else:
                block = writer.paragraph()
            sep = "" if shape == "bullet" else "\n"
            lines.append(block + sep)
            written += len(block.encode()) + 1 + len(sep)
        if shape == "bullet":
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
