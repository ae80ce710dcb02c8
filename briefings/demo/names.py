"""Names the demo county's people are drawn from.

The mix follows the council contact list in the sample data: about three in four school staff
are women; roughly one surname in ten carries an accent, one in thirty an apostrophe, one in
twenty a hyphen and one in sixteen a space (Le Roux, ap Dafydd, Ó Súilleabháin); Welsh, Irish,
Polish, South Asian, West African and Chinese names appear alongside the common English ones.
"""

from __future__ import annotations

FEMALE_FIRST_NAMES = (
    "Alison", "Amanda", "Amy", "Anaïs", "Agnieszka", "Aisha", "Aoife", "Bethan", "Beverley",
    "Catherine", "Charlotte", "Chiamaka", "Chloë", "Claire", "Deborah", "Donna", "Elizabeth",
    "Emma", "Fatima", "Ffion", "Gemma", "Gwenllian", "Hannah", "Harpreet", "Helen", "Jennifer",
    "Jessica", "Joanne", "Julie", "Karen", "Katherine", "Kelly", "Kirsty", "Laura", "Léa", "Lisa",
    "Louise", "Lucy", "Małgorzata", "Margaret", "Mei", "Michelle", "Nadia", "Nasreen", "Natalie",
    "Niamh", "Nicola", "Oluwaseun", "Pauline", "Priya", "Rachel", "Rebecca", "Renée", "Rhiannon",
    "Samantha", "Sarah", "Siân", "Sophie", "Susan", "Victoria", "Yasmin", "Zoë", "Adaeze", "Caroline",
    "Diane", "Eleanor", "Fiona", "Grace", "Hayley", "Jane", "Kate", "Lauren", "Lindsey", "Megan",
    "Nia", "Paula", "Ruth", "Sally", "Sharon", "Tracey", "Wendy", "Anna", "Ayesha", "Caitlin",
    "Danielle", "Heather", "Joanna", "Kerry", "Leanne", "Lorraine", "Mandy", "Nicole", "Sinéad",
    "Shabana", "Stephanie", "Vicky", "Zainab", "Jo", "Sam",
)  # fmt: skip

MALE_FIRST_NAMES = (
    "Adam", "Andrew", "Anthony", "Chidi", "Christopher", "Dafydd", "Darren", "Gareth", "Graham",
    "Ian", "Imran", "James", "Joël", "José", "Kevin", "Kwame", "Lee", "Łukasz", "Mark", "Martin",
    "Michael", "Mohammed", "Neil", "Oliver", "Owain", "Peter", "Philip", "Rhys", "Robert", "Sanjay",
    "Seán", "Simon", "Stephen", "Stuart", "Thomas", "Tomasz", "Wei", "David", "Jonathan", "Matthew",
    "Paul", "Richard", "Steven", "Daniel", "Gavin", "Hamza", "Rajesh", "Tunde", "Ciarán", "Jo", "Sam",
)  # fmt: skip

SURNAMES = (
    "Adams", "Ahmed", "Ali", "Allen", "Anderson", "Atkinson", "Bailey", "Baker", "Barker", "Barnes",
    "Begum", "Bell", "Bennett", "Bird", "Bishop", "Booth", "Bradley", "Brooks", "Brown", "Burgess",
    "Butler", "Campbell", "Carter", "Chapman", "Chen", "Clark", "Clarke", "Cole", "Collins", "Cook",
    "Cooper", "Cox", "Davies", "Dawson", "Day", "Dixon", "Doyle", "Edwards", "Ellis", "Evans",
    "Fisher", "Fletcher", "Foster", "Fox", "Francis", "Gibson", "Gill", "Graham", "Green", "Griffiths",
    "Hall", "Harding", "Harris", "Harrison", "Hart", "Harvey", "Hill", "Holmes", "Hopkins", "Howard",
    "Hudson", "Hughes", "Hunt", "Hussain", "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur",
    "Kelly", "Kennedy", "Khan", "King", "Knight", "Lawrence", "Lee", "Lewis", "Lloyd", "Lowe",
    "MacLeod", "Marsh", "Marshall", "Martin", "Mason", "Matthews", "McCarthy", "Mensah", "Mills",
    "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Murray", "Newman", "Nguyen", "Nowak",
    "Okafor", "Owen", "Palmer", "Parker", "Parry", "Patel", "Payne", "Pearson", "Phillips", "Powell",
    "Price", "Rees", "Richards", "Richardson", "Riley", "Roberts", "Robinson", "Rogers", "Russell",
    "Saunders", "Scott", "Shah", "Sharp", "Shaw", "Simpson", "Singh", "Smith", "Spencer", "Stevens",
    "Stewart", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Walsh", "Ward", "Watson", "Webb",
    "Wells", "White", "Williams", "Wilson", "Wood", "Wright", "Young", "Adeyemi", "Kowalski",
    # Accents (about one in ten)
    "Åberg", "Brontë", "Fernández", "Müller", "Nørgaard", "Wiśniewska", "Ó Súilleabháin", "Öztürk",
    "Núñez", "Lefèvre", "Zieliński", "García", "Ní Bhriain", "Ó Ceallaigh", "Dubois-Lefèvre",
    "Szymańska",
    # Apostrophes, hyphens and spaces
    "O'Brien", "O'Connor", "D'Souza", "O'Neill", "O’Sullivan", "Lloyd-Davies", "Smith-Jones",
    "Kelly-Shah", "Chapman-Begum", "Bennett-Clarke", "Turner-Silva", "Morgan-Kowalski",
    "Harris-Fernández", "Jackson-Pearson", "Le Roux", "Da Silva", "Van der Berg", "ap Dafydd",
    "De Souza", "Mac an tSaoir", "Van Dijk", "St John", "Ap Rhys", "El-Amin",
)  # fmt: skip

# Titles as the contact list spreads them (Mrs 32%, Ms 27%, Mr 25%, Miss 10%, Dr 6%).
FEMALE_TITLES = (("Mrs", 32), ("Ms", 27), ("Miss", 10), ("Dr", 4))
MALE_TITLES = (("Mr", 25), ("Dr", 2))
