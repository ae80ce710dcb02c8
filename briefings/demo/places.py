"""Where the demo county is: Wyvernshire's districts, villages, schools' name styles and partners.

Everything is fictional and safe to publish: the county "Wyvernshire" (LA code 990), postcodes in
the non-existent WX area, telephone numbers in Ofcom's drama ranges, addresses under ``.example``.
The establishment mix copies the GIAS extract in the project's sample data (444 open English
settings): mostly primaries, two in three of them academies or church schools.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.enums import Phase

LA_CODE = "990"
LA_NAME = "Wyvernshire"
COUNTY_DOMAIN = "wyvernshire.gov.example"


@dataclass(frozen=True)
class District:
    """A district council area: its main town and the WX postcode districts it covers."""

    name: str
    postcode_districts: tuple[int, ...]
    weight: int  # open settings in the GIAS sample


DISTRICTS = (
    District("Ashmoor", (1, 2, 3), 55),
    District("Brackendale", (4, 5, 6), 53),
    District("Castlemere", (7, 8, 9), 56),
    District("Dunholt", (10, 11, 12), 52),
    District("Elmsworth", (13, 14, 15), 64),
    District("Fernley Heath", (16, 17, 18), 55),
    District("Gorsebrook", (19, 20, 21), 65),
    District("Hallowfield", (22, 23, 24), 44),
)

PLACE_PREFIXES = ("", "", "", "", "", "East ", "West ", "North ", "Upper ", "Lower ", "Long ", "Great ",
                  "Little ", "Kings ")  # fmt: skip
PLACE_STEMS = (
    "Ned", "Hart", "Thorn", "Ather", "Lang", "Nor", "Ot", "Brin", "Cot", "Dray", "Edden", "Fen",
    "Gold", "Hal", "Ing", "Kel", "Lid", "Lox", "Mel", "Oak", "Pip", "Quen", "Red", "Sher", "Tad",
    "Wyn", "Brad", "Carl", "Fair", "Gor", "Mar", "Whit", "Ash", "Bur", "Chad", "Pen", "Stan", "Wel",
)  # fmt: skip
PLACE_ENDINGS = ("combe", "thorpe", "hurst", "wick", "bury", "ley", "ford", "ham", "minster", "stow",
                 "well", "den", "field", "worth", "by", "moor", "cote", "leigh", "ton")  # fmt: skip
PLACE_SUFFIXES = ("", "", "", "", "", "", " Parva", " Magna", " Green", " Heath", " St Mary",
                  " on the Hill", " End", "-on-Wyre")  # fmt: skip
# Wyvernshire runs up to the Welsh border; some villages kept their Welsh names.
WELSH_PLACES = ("Trefynach", "Pen-y-Bryn", "Llanwyre", "Bryn Tawel", "Nant-y-Ffin", "Cwm Wyre")

SAINTS = (
    "St Mary's", "St Anne's", "St Peter's", "St Paul's", "St Michael's", "St Thomas's", "St Mark's",
    "St Luke's", "St John's", "St Chad's", "St Bartholomew's", "St Lawrence's", "St Joseph's",
    "St Bernadette's", "St Modwen's", "St Werburgh's", "St Editha's", "St Oswald's", "St Giles's",
    "St Margaret's", "St George's", "St Andrew's", "St Nicholas's", "St Francis's", "St Teresa's",
    "St Augustine's", "St Matthew's", "Holy Trinity", "Christ Church", "All Saints",
    # The typographic apostrophe that word processors put in (GIAS carries a few).
    "St Mary’s", "Saint Joseph’s",
)  # fmt: skip

# Names every demo county has, so screens always show accents and odd punctuation.
LANDMARK_NAMES = {
    Phase.PRIMARY: (
        "Brontë Way Primary School",
        "St Thomas à Becket Catholic Primary School, A Voluntary Academy",
        "The Holy Family Catholic Primary School – Castlemere",
        "Ysgol Gynradd Pen-y-Bryn",
    ),
    Phase.SECONDARY: ("Dame Renée Harcourt Academy", "Saint Dominic's Catholic College"),
    Phase.SPECIAL: ("Zoë Lambert Special School",),
}

STREETS = (
    "High Street", "Church Lane", "School Lane", "Station Road", "Mill Lane", "The Green",
    "Park Road", "Victoria Road", "Chapel Street", "Brook Lane", "Manor Road", "Queen's Road",
    "St Mary’s Close", "Orchard Way", "Wyre Road", "Hall Lane", "Moor Lane", "Bridge Street",
    "Castle Street", "Meadow Way",
)  # fmt: skip

# Multi-academy trusts: academies' staff use the trust's mail domain.
TRUST_DOMAINS = ("brightfutures.example", "wyvernvalley.example", "oaktree.example", "marchesla.example",
                 "horizonep.example", "dowat.example", "fernleyst.example")  # fmt: skip


@dataclass(frozen=True)
class Kind:
    """One kind of setting as GIAS has it, how many there are, and how they are named."""

    phase: Phase
    establishment_type: str
    open_count: int
    name_styles: tuple[str, ...]
    pupils: tuple[int, int]
    laestab_base: int


# {place} is a village or town; {saint} a church dedication; {district} the district.
KINDS = (
    Kind(Phase.PRIMARY, "Academy converter", 131,
         ("{place} Primary Academy", "{place} Primary School", "The {place} Primary Academy",
          "{place} Academy", "{saint} Catholic Primary School, A Voluntary Academy",
          "{place} CE Primary Academy", "{place} Infant School", "{place} Junior School"),
         (60, 600), 2000),
    Kind(Phase.PRIMARY, "Community school", 83,
         ("{place} Primary School", "{place} Community Primary School", "{place} Infant School",
          "{place} Junior School", "{place} First School", "{place} Nursery and Primary School",
          "{place} Village Primary School"), (40, 450), 2000),
    Kind(Phase.PRIMARY, "Academy sponsor led", 41,
         ("{place} Primary Academy", "{place} Academy", "{place} Community Primary School"),
         (120, 550), 2000),
    Kind(Phase.PRIMARY, "Voluntary controlled school", 38,
         ("{place} C of E (VC) Primary School", "{place} CofE First School",
          "{place} Church of England Primary School", "{saint} C of E Primary School",
          "{saint} CE Infant School"), (40, 320), 3000),
    Kind(Phase.PRIMARY, "Voluntary aided school", 24,
         ("{saint} Catholic Primary School", "{saint} RC Primary School", "{saint} CE Primary School"),
         (60, 330), 3300),
    Kind(Phase.PRIMARY, "Foundation school", 8, ("{place} Primary School",), (150, 450), 5200),
    Kind(Phase.PRIMARY, "Free schools", 7, ("{place} Free School", "{place} Primary Academy"), (90, 420),
         2000),
    Kind(Phase.SECONDARY, "Academy converter", 34,
         ("{place} High School", "{place} Academy", "The {place} School", "{saint} Catholic High School"),
         (600, 1800), 4000),
    Kind(Phase.SECONDARY, "Academy sponsor led", 14, ("{place} Academy", "{district} Academy"), (700, 1600),
         4000),
    Kind(Phase.SECONDARY, "Community school", 6, ("{place} High School", "{place} Community College"),
         (700, 1500), 4000),
    Kind(Phase.SECONDARY, "Free schools", 3, ("{place} Free School",), (300, 900), 4000),
    Kind(Phase.SECONDARY, "Foundation school", 3, ("{place} School",), (600, 1200), 5400),
    Kind(Phase.SECONDARY, "Voluntary aided school", 2, ("{saint} Catholic College",), (600, 1100), 4600),
    Kind(Phase.SECONDARY, "University technical college", 1, ("Wyvern Valley University Technical College",),
         (200, 500), 4000),
    Kind(Phase.MIDDLE, "Community school", 4, ("{place} Middle School",), (300, 600), 4000),
    Kind(Phase.ALL_THROUGH, "Academy converter", 1, ("{place} All-Through School",), (1000, 1600), 4000),
    Kind(Phase.ALL_THROUGH, "Free schools", 1, ("{place} Academy",), (800, 1400), 4000),
    Kind(Phase.SPECIAL, "Community special school", 12,
         ("{place} Special School", "{place} School", "The {place} Centre"), (40, 200), 7000),
    Kind(Phase.SPECIAL, "Academy special converter", 5, ("{place} Academy", "{place} School"), (60, 220),
         7000),
    Kind(Phase.SPECIAL, "Foundation special school", 1, ("{place} School",), (60, 160), 7000),
    Kind(Phase.SPECIAL, "Academy special sponsor led", 1, ("{place} Academy",), (60, 160), 7000),
    Kind(Phase.SPECIAL, "Free schools special", 1, ("{place} Free School",), (40, 120), 7000),
    Kind(Phase.SPECIAL, "Non-maintained special school", 1, ("{place} House School",), (30, 100), 7000),
    Kind(Phase.SPECIAL, "Other independent special school", 1, ("{place} Hall School",), (20, 80), 6000),
    Kind(Phase.PRU_AP, "Pupil referral unit", 3, ("{place} Pupil Referral Unit", "{place} Learning Centre"),
         (15, 60), 1100),
    Kind(Phase.PRU_AP, "Academy alternative provision converter", 1,
         ("{district} Alternative Provision Academy",), (20, 60), 1100),
    Kind(Phase.PRU_AP, "Academy alternative provision sponsor led", 1, ("{place} Academy",), (20, 60), 1100),
    Kind(Phase.PRU_AP, "Free schools alternative provision", 1, ("{place} Free School",), (20, 50), 1100),
    Kind(Phase.INDEPENDENT, "Other independent school", 10,
         ("{place} Preparatory School", "{place} House School", "{place} College", "{saint} School"),
         (80, 600), 6000),
    Kind(Phase.NURSERY, "Local authority nursery school", 5,
         ("{place} Nursery School", "{place} Children's Centre and Nursery School"), (40, 120), 1000),
)  # fmt: skip

# Academies and free schools use their trust's mail domain; maintained schools the county's.
TRUST_TYPES = frozenset(
    kind.establishment_type
    for kind in KINDS
    if kind.establishment_type.startswith(("Academy", "Free schools", "University"))
)

# Where the county runs its in-person briefings, with the most each room seats.
VENUES = (
    ("County Hall, Wyvern – Council Chamber", "County Hall, Castle Street, Wyvern", "WX7 1AA", 120),
    ("County Hall, Wyvern – Training Room 2", "County Hall, Castle Street, Wyvern", "WX7 1AA", 30),
    ("Ashmoor Professional Development Centre", "Moor Lane, Ashmoor", "WX1 4PD", 80),
    ("Brackendale Library – Community Room", "High Street, Brackendale", "WX5 1LB", 40),
    ("Dunholt Rugby Club – Clubhouse Suite", "Station Road, Dunholt", "WX10 2RC", 60),
    ("Elmsworth Methodist Church Hall", "Chapel Street, Elmsworth", "WX14 3MH", 50),
    ("Fernley Heath Teaching School Hub", "Park Road, Fernley Heath", "WX16 5TS", 45),
    ("Gorsebrook Enterprise Centre", "Bridge Street, Gorsebrook", "WX19 6EC", 70),
    ("Hallowfield Football Club – Conference Suite", "Stadium Way, Hallowfield", "WX23 1FC", 100),
)


@dataclass(frozen=True)
class Partner:
    """A non-school organisation and the job titles of the people the county knows there."""

    key: str
    name: str
    kind: str
    domain: str
    job_titles: tuple[str, ...]


PARTNERS = (
    Partner("team", "Wyvernshire County Council – Education Safeguarding Team", "Local authority",
            COUNTY_DOMAIN,
            ("Senior education safeguarding advisor", "Education safeguarding advisor",
             "Education safeguarding advisor", "Safeguarding training officer",
             "Safeguarding team administrator")),
    Partner("prevent", "Wyvernshire Prevent Partnership", "Local authority", COUNTY_DOMAIN,
            ("Prevent education officer", "Prevent coordinator")),
    Partner("nursing", "Wyvernshire School Nursing Service", "NHS", "wyvernhealth.nhs.example",
            ("School nurse", "School nurse", "School nurse", "Specialist community public health nurse",
             "School nursing team leader", "School nurse")),
    Partner("camhs", "Wyvern Valley CAMHS", "NHS", "wyvernhealth.nhs.example",
            ("Clinical psychologist", "Mental health support team practitioner",
             "Education mental health practitioner", "CAMHS link worker")),
    Partner("police", "Wyvernshire Police – Schools and Youth Engagement", "Police",
            "wyvernshire.police.example",
            ("Schools liaison officer (PC)", "PCSO, schools and youth", "Online safety officer (DC)")),
    Partner("carers", "Wyvern Young Carers", "Charity", "wyvernyoungcarers.org.example",
            ("Schools outreach worker", "Young carers lead")),
    Partner("domestic", "Safe Steps Wyvernshire", "Charity", "safesteps.org.example",
            ("Children and young people's domestic abuse worker", "Operation Encompass coordinator")),
    Partner("health", "Open Door Sexual Health", "Charity", "opendoor.org.example",
            ("Relationships and sex education trainer", "Young people's sexual health worker")),
    Partner("consultant", "Rahman Safeguarding Consultancy Ltd", "Independent trainer",
            "rahmansafeguarding.example",
            ("Independent HSB consultant",)),
    Partner("online", "Online Safety Wyvern CIC", "Social enterprise", "onlinesafetywyvern.example",
            ("Online safety trainer", "Digital resilience lead")),
    Partner("partnership", "Wyvernshire Safeguarding Children Partnership", "Partnership", "wscp.example",
            ("Partnership business manager", "Learning and development officer")),
)  # fmt: skip
