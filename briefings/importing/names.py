"""People's names as reports and lists write them, reduced to parts that can be compared.

Tenants and users write names many ways: "Smith, Jane", "SMITH Jane", "Mrs J Smith",
"Jane Smith - St Mary's", "Jane (St Mary's) (Guest)", "jane smith", "Jane Smyth", and "Janey".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "rev",
        "revd",
        "sir",
        "dame",
        "fr",
        "sr",
        "mstr",
    }
)
# Parenthesised words tenants and apps add that say nothing about who someone is.
TAGS = frozenset(
    {
        "guest",
        "staff",
        "ext",
        "external",
        "unverified",
        "visitor",
        "host",
        "co-host",
        "cohost",
        "me",
        "she/her",
        "he/him",
        "they/them",
        "teacher",
        "student",
    }
)
_SPECIAL_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
_SCHOOL_SEPARATOR = re.compile(r"\s+[-–—|]\s+")
_PARENS = re.compile(r"\(([^()]*)\)")
MIN_PREFIX = 3  # "Rach" for "Rachel"; "Jo" is left to the nickname list
MIN_BARREL = 4  # "Davies" in "Lloyd-Davies"; shorter parts match too easily

_NICKNAME_GROUPS = (
    ("thomas", "tom", "tommy"),
    ("anthony", "ant", "tony"),
    ("andrew", "drew", "andy", "andi"),
    ("robert", "rob", "robbie", "bob", "bobby", "bert"),
    ("matthew", "matt", "matty"),
    ("stephen", "steven", "steve", "stevie"),
    ("rachel", "rach"),
    ("gwenllian", "gwen", "gwendolyn"),
    (
        "katherine",
        "catherine",
        "kathryn",
        "kathleen",
        "kate",
        "katie",
        "kat",
        "kath",
        "kathy",
        "cath",
        "cathy",
        "cat",
    ),
    ("daniel", "dan", "danny"),
    ("deborah", "debra", "deb", "debbie", "debs"),
    ("joanne", "joanna", "josephine", "jo", "jojo"),
    ("jonathan", "jon", "jonny", "johnny"),
    ("margaret", "mags", "maggie", "meg", "peggy", "marge"),
    ("elizabeth", "liz", "lizzie", "beth", "betty", "eliza", "libby", "lisa"),
    ("christopher", "chris", "kit"),
    ("christine", "christina", "chris", "tina", "chrissie"),
    ("nicholas", "nick", "nicky"),
    ("nicola", "nicky", "nikki"),
    ("michael", "mike", "mick", "mikey"),
    ("peter", "pete"),
    ("samuel", "sam", "sammy"),
    ("samantha", "sam", "sammy"),
    ("alexander", "alex", "sandy", "xander"),
    ("alexandra", "alex", "lexi", "sandra"),
    ("alison", "ali", "allie"),
    ("william", "will", "bill", "billy", "liam"),
    ("james", "jim", "jimmy", "jamie"),
    ("joseph", "joe", "joey"),
    ("david", "dave", "davy"),
    ("edward", "ed", "eddie", "ted"),
    ("benjamin", "ben", "benny"),
    ("charles", "charlie", "chas"),
    ("charlotte", "charlie", "lottie"),
    ("jennifer", "jen", "jenny", "jenni"),
    ("victoria", "vicky", "vicki", "vic", "tori"),
    ("rebecca", "becky", "becca", "bex"),
    ("susan", "sue", "suzy", "susie"),
    ("natalie", "nat"),
    ("oliver", "ollie"),
    ("philip", "phillip", "phil"),
    ("richard", "rich", "rick", "ricky", "dick"),
    ("stephanie", "steph"),
    ("timothy", "tim"),
    ("gregory", "greg"),
    ("frances", "francesca", "fran"),
    ("frederick", "fred", "freddie"),
    ("henry", "harry", "hal"),
    ("jessica", "jess", "jessie"),
    ("amanda", "mandy", "manda"),
    ("patricia", "pat", "patty", "trish"),
    ("gillian", "gill", "gilly"),
    ("julia", "julie", "jules"),
    ("louise", "lou", "lulu"),
    ("emma", "em"),
    ("emily", "em", "emmy"),
    ("abigail", "abi", "abby"),
    ("beverley", "bev"),
    ("kimberley", "kim"),
    ("leonard", "len", "lenny"),
    ("pamela", "pam"),
    ("raymond", "ray"),
    ("gareth", "gaz"),
    ("lukasz", "luke"),
    ("oluwaseun", "seun"),
    ("chiamaka", "amaka"),
)


def _nickname_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for group in _NICKNAME_GROUPS:
        for name in group:
            index.setdefault(name, set()).update(group)
    return {name: frozenset(names) for name, names in index.items()}


NICKNAMES = _nickname_index()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents or punctuation, single-spaced: "Siân O’Brien-Lee" -> "sian obrien lee"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL_LETTERS))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"['’‘`´]", "", plain)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def compact(text: str) -> str:
    """:func:`fold` without spaces: "Van der Berg" and "Vanderberg" agree."""
    return fold(text).replace(" ", "")


@dataclass(frozen=True)
class NameParts:
    """A name split into what can be compared, with any school or organisation written beside it."""

    given: str
    family: str
    title: str | None = None
    hint: str | None = None

    @property
    def is_initial(self) -> bool:
        """Whether only the initial of the given name is known ("Mrs J Smith")."""
        return len(compact(self.given)) == 1

    @property
    def family_initial_only(self) -> bool:
        """Whether only the initial of the family name is known ("Amanda C")."""
        return len(compact(self.family)) == 1

    @property
    def full(self) -> str:
        """Given and family name as one string."""
        return f"{self.given} {self.family}".strip()


def strip_tags(text: str) -> tuple[str, list[str]]:
    """The name without parenthesised tags, and the parenthesised words that were not tags."""
    others = [inner.strip() for inner in _PARENS.findall(text) if fold(inner) not in TAGS and inner.strip()]
    return " ".join(_PARENS.sub(" ", text).split()), others


def _split_school(name: str) -> tuple[str, bool, str]:
    found = _SCHOOL_SEPARATOR.search(name)
    if found is None:
        return name, False, ""
    return name[: found.start()], True, name[found.end() :]


def parse_display_name(text: str) -> NameParts:
    """Split a name as a meeting report shows it into given name, family name, title and hint."""
    name, bracketed = strip_tags(text)
    hint_parts = list(bracketed)
    before, separator, school = _split_school(name)
    if separator and before.strip():
        name = before
        hint_parts.insert(0, school)
    parts = split_person_name(name)
    hint = "; ".join(h for h in hint_parts if h) or None
    return NameParts(parts.given, parts.family, parts.title, hint)


def split_person_name(text: str) -> NameParts:
    """Split one person's name: "Smith, Jane", "SMITH Jane", "Mrs J Smith" or "Jane Smith"."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,")
    if "," in text:
        family, _, given = text.partition(",")
        title, given_tokens = _take_title(given.split())
        return NameParts(" ".join(given_tokens[:1]), family.strip(), title)
    title, tokens = _take_title(text.split())
    if not tokens:
        return NameParts("", "", title)
    if len(tokens) == 1:
        # "Ms Phillips": with a title, a lone name is the family name.
        return NameParts("", tokens[0], title) if title else NameParts(tokens[0], "", title)
    shouting = [t for t in tokens if len(t) > 1 and t.isupper()]
    if shouting and tokens[0].isupper() and len(shouting) < len(tokens):
        # "SMITH Jane" (surname first, in capitals) as many tenants show names.
        family_count = next(i for i, t in enumerate(tokens) if not (t.isupper() and len(t) > 1))
        return NameParts(" ".join(tokens[family_count:]), " ".join(tokens[:family_count]), title)
    return NameParts(tokens[0].rstrip("."), " ".join(tokens[1:]), title)


def _take_title(tokens: list[str]) -> tuple[str | None, list[str]]:
    if tokens and fold(tokens[0]) in TITLES and len(tokens) > 1:
        return tokens[0].rstrip("."), tokens[1:]
    return None, tokens


def given_score(a: str, b: str) -> float:
    """How well two given names agree, 0 to 1 (nicknames and initials count, less than a match)."""
    x, y = compact(a), compact(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    if len(x) == 1 or len(y) == 1:
        return 0.75 if x[0] == y[0] else 0.0
    if y in NICKNAMES.get(x, frozenset()):
        return 0.92
    if min(len(x), len(y)) >= MIN_PREFIX and (x.startswith(y) or y.startswith(x)):
        return 0.85
    return 0.8 * fuzz.ratio(x, y) / 100


def family_score(a: str, b: str) -> float:
    """How well two family names agree, 0 to 1 (typos, accents, spaces and double barrels allowed for)."""
    x, y = compact(a), compact(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    if len(x) == 1 or len(y) == 1:
        return 0.7 if x[0] == y[0] else 0.0
    best = fuzz.ratio(x, y) / 100
    last = compact(a.rsplit(maxsplit=1)[-1]) if a.split() else ""
    if last and last != x:
        best = max(best, fuzz.ratio(last, y) / 100 - 0.02)
    shorter, longer = sorted((x, y), key=len)
    if len(shorter) >= MIN_BARREL and (longer.startswith(shorter) or longer.endswith(shorter)):
        best = max(best, 0.85)
    return best


def name_score(parts: NameParts, given: str, family: str) -> float:
    """How well a parsed name fits a person's given and family names, 0 to 100."""
    fam = family_score(parts.family, family) if parts.family else 0.0
    giv = given_score(parts.given, given) if parts.given else 0.0
    swapped = (
        min(family_score(parts.given, family), given_score(parts.family, given)) if parts.family else 0.0
    )
    if not parts.family:
        return 60.0 * giv
    if not parts.given:
        return 60.0 * fam
    straight = 60.0 * fam + 40.0 * giv
    return max(straight, 95.0 * swapped)
