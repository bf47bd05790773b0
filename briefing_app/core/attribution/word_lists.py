"""Word lists that tell names, roles, organisations and speech apart in attributions.

Why a module of their own: they are data, not logic — long, edited often as newsroom copy
turns up new titles ("superintendent", "cllr"), and easier to review without the parser.
"""

from __future__ import annotations

ROLE_WORDS = {
    "minister",
    "mayor",
    "president",
    "vice",
    "governor",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "representative",
    "secretary",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "head",
    "director",
    "chief",
    "executive",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "officer",
    "official",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "analyst",
    "economist",
    "professor",
    "prof.",
    "dr.",
    "dr",
    "lawyer",
    "attorney",
    "commissioner",
    "superintendent",
    "councillor",
    "councilmember",
    "councilman",
    "councilwoman",
    "council",
    "member",
    "leader",
    "founder",
    "manager",
    "ambassador",
    "judge",
    "justice",
    "captain",
    "sheriff",
    "chancellor",
    "dean",
    "general",
    "admiral",
    "colonel",
    "sergeant",
    "detective",
    "inspector",
    "deputy",
    "assistant",
    "associate",
    "senior",
    "junior",
    "acting",
    "interim",
    "former",
    "board",
    "union",
    "port",
    "health",
    "transport",
    "finance",
    "foreign",
    "prime",
    "state",
    "city",
    "county",
    "federal",
    "national",
    "regional",
    "local",
    "resident",
    "organiser",
    "organizer",
    "owner",
    "researcher",
    "scientist",
    "engineer",
    "teacher",
    "principal",
    "nurse",
    "doctor",
    "pastor",
    "recorder",
    "magistrate",
    "coroner",
    "barrister",
    "solicitor",
    "prosecutor",
    "prof",
    "rev",
    "rev.",
    "revd",
    "reverend",
    "rabbi",
    "imam",
    "canon",
    "bishop",
    "mr.",
    "mrs.",
    "ms.",
    "miss",
    "sir",
    "dame",
    "lord",
    "lady",
    "baroness",
    "baron",
    "earl",
    "countess",
    "viscount",
    "king",
    "queen",
    "treasurer",
    "auditor",
    "controller",
    "coordinator",
    "advocate",
    "activist",
    "expert",
    "economics",
    "policy",
    "labour",
    "labor",
    "police",
    "fire",
    "school",
    "education",
    "environment",
    "energy",
    "trade",
    "defence",
    "defense",
    "interior",
    "mp",
    "mep",
    "premier",
    "speaker",
    "editor",
    "reporter",
    "correspondent",
    "host",
    "coach",
    "player",
    *(
        "parent mother father pensioner student commuter farmer shopper driver worker tenant "
        "homeowner patient volunteer neighbour neighbor retiree voter visitor customer "
        "passenger landlord witness managing co-founder cofounder partner lead midwife "
        "paramedic firefighter grandmother grandfather gp surgeon consultant campaigner "
        "historian lecturer fellow trustee governor councilor alderman alderwoman "
        "commander chef baker fisherman skipper pilot operator cllr cmdr maj adm dame "
        "administrator contractor source insider staffer aide diplomat lawmaker legislator "
        "investigator negotiator employee officials sources people person".split()
    ),
}

# Role words that only qualify a title ("health" in "health minister", "school" in "school
# board"): a name right after one of these is not introduced by a title.
ROLE_MODIFIERS = frozenset(
    "vice senior junior acting interim former board union port health transport finance "
    "foreign prime state city county federal national regional local policy labour labor "
    "police fire school education environment energy trade defence defense interior "
    "economics associate assistant deputy council executive".split()
)

ORG_WORDS = {
    "division",
    "consortium",
    "tribunal",
    "centre",
    "center",
    "college",
    "hospital",
    "army",
    "navy",
    "directorate",
    "observatory",
    "laboratory",
    "museum",
    "library",
    "airlines",
    "airways",
    "union",
    "ministry",
    "department",
    "council",
    "authority",
    "agency",
    "association",
    "company",
    "corporation",
    "corp",
    "corp.",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "group",
    "office",
    "committee",
    "commission",
    "board",
    "bank",
    "university",
    "institute",
    "federation",
    "party",
    "government",
    "administration",
    "police",
    "service",
    "services",
    "foundation",
    "cooperative",
    "co-op",
    "coalition",
    "alliance",
    "society",
    "league",
    "club",
    "court",
    "parliament",
    "congress",
    "senate",
    "campaign",
    "network",
    "fund",
    "trust",
    "bureau",
    "chamber",
    "organisation",
    "organization",
    "secretariat",
    "embassy",
    # the endings of company names ("Carrowmore Port Holdings", "Vance Logistics")
    "holdings",
    "plc",
    "llc",
    "partners",
    "industries",
    "enterprises",
    "technologies",
    "ventures",
    "logistics",
    "pharmaceuticals",
    "motors",
    "investments",
}

# What an article calls an organisation it has already named ("the company said"): the
# speaker meant is the one named before whose name holds the word, or, for a word any
# business goes by, the organisation named most recently.
GENERIC_ORG_NOUNS = frozenset(
    "company firm group business operator union council ministry department agency "
    "authority board commission committee government police hospital university school "
    "charity regulator trust court airline bank club league campaign coalition party".split()
)
ANY_BUSINESS_NOUNS = frozenset("company firm group business operator".split())
# Who speaks for an organisation without a name ("a spokeswoman said").
SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson representative".split())

PARTICLES = {
    "de",
    "da",
    "van",
    "von",
    "der",
    "den",
    "al",
    "bin",
    "la",
    "le",
    "du",
    "del",
    "di",
    "dos",
    "das",
    "ten",
    "ter",
    "y",
    "el",
    "ibn",
    "st.",
}

GROUPS = frozenset(
    "residents opponents critics officials experts analysts supporters protesters parents "
    "teachers workers people others some many observers economists campaigners locals "
    "neighbours neighbors members voters users customers sources insiders".split()
)

HONORIFICS = frozenset(
    ("mr.", "mrs.", "ms.", "mx.", "miss", "dr.", "dr", "prof.", "prof", "mr", "mrs", "ms", "mx",
     "rev", "rev.", "revd", "reverend", "rabbi", "imam", "canon", "fr.")
)
# Titles kept in a speaker's role ("Sir Anthony Velloway": role "Sir") but not part of how
# the article refers back to them ("Sir Anthony" is Anthony Velloway).
TITLES_BEFORE_FIRST_NAME = frozenset(("sir", "dame"))

FILLER = frozenset(
    "the a an in at on to of for and by with as during from after before this that told tells "
    "said says added adds wrote writes according statement interview reporters hearing "
    "briefing meeting news conference radio".split()
)

NOT_ORG_START = frozenset(
    "the a an on in at but and after before when while as so then also meanwhile however "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december yesterday today last this "
    "earlier later asked speaking".split()
)

# Verbs that report speech; a multi-word entry ("told reporters") is matched as a phrase.
SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|noted|notes|wrote|writes|argued|argues|warned|warns|"
    "stated|states|explained|explains|insisted|insists|acknowledged|acknowledges|cautioned|"
    "predicted|tweeted|posted|asked|asks|replied|replies|responded|recalled|conceded|concedes|"
    "called|calls|urged|urges|declared|announced|countered|testified|claimed|claims|"
    "maintained|emphasised|emphasized|stressed|agreed|admitted|remarked|observed|suggested|"
    "described|promised|vowed|pledged|told reporters|said in a statement"
)
SPEECH_VERB_PATTERN = rf"(?:{SPEECH_VERBS})"
SPEECH_VERB_WORDS = frozenset(verb for verb in SPEECH_VERBS.split("|") if " " not in verb)

# Pronouns that stand for a speaker named earlier ("she said").
PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it", "him", "her"))
