"""Word lists behind entity finding, kept as plain constants.

Entity finding runs offline and must not guess what everybody knows: that ISIS
and Daesh are one group, that Raqqa is a city, that "Syrian" is not a name on
its own. These tables carry that knowledge. They are deliberately small and
news-oriented: a missing entry only costs a kind hint or an alias merge, while
a wrong one merges two entities, so only unambiguous entries belong here.

Month and weekday names and the stop words are language data shared with
other components: they are written once in :mod:`newsbrief.lang.en` and only
named here, in the form entity finding reads them.
"""

from __future__ import annotations

from ..lang.en import calendar, stopwords

# fmt: off
# (canonical name, kind, aliases): surface forms news outlets use for one thing.
ALIAS_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Islamic State",
        "organisation",
        (
            "IS", "ISIS", "Isis", "ISIL", "Isil", "Islamic State group",
            "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria",
            "Islamic State of Iraq and al-Sham", "Daesh", "Da'esh", "Daish", "Daech",
            "so-called Islamic State",
        ),
    ),
    (
        "United States",
        "place",
        (
            "US", "U.S.", "USA", "U.S.A.", "United States of America", "America",
        ),
    ),
    ("United Nations", "organisation", ("UN", "U.N.", "UNO")),
    (
        "United Kingdom",
        "place",
        (
            "UK", "U.K.", "Britain", "Great Britain",
            "United Kingdom of Great Britain and Northern Ireland",
        ),
    ),
    ("European Union", "organisation", ("EU", "E.U.")),
    ("Soviet Union", "place", ("USSR", "U.S.S.R.", "Union of Soviet Socialist Republics")),
    (
        "NATO",
        "organisation",
        (
            "Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation",
        ),
    ),
    (
        "al-Qaeda",
        "organisation",
        (
            "Al-Qaeda", "al-Qaida", "Al-Qaida", "al Qaeda", "Al Qaeda", "al-Qa'ida", "Qaeda",
        ),
    ),
    ("Hezbollah", "organisation", ("Hizbollah", "Hizballah", "Hizbullah", "Hezbullah")),
    # Transliterations outlets keep to by house style: aliases, not one source's slip.
    (
        "Osama bin Laden",
        "person",
        (
            "Usama bin Laden", "Osama bin Ladin", "Usama bin Ladin", "Bin Laden", "bin Laden",
            "Bin Ladin", "bin Ladin",
        ),
    ),
    (
        "Muammar Gaddafi",
        "person",
        (
            "Moammar Gadhafi", "Muammar Gadhafi", "Muammar al-Gaddafi", "Muammar Qaddafi",
            "Moammar Qaddafi", "Gaddafi", "Gadhafi", "Qaddafi", "Kadhafi",
        ),
    ),
    ("Taliban", "organisation", ("Taleban",)),
    ("Hamas", "organisation", ()),
    ("Kurdistan Workers' Party", "organisation", ("PKK", "Kurdistan Workers Party")),
    ("YPG", "organisation", ("People's Protection Units", "Kurdish People's Protection Units")),
    ("Free Syrian Army", "organisation", ("FSA",)),
    ("Associated Press", "organisation", ("AP",)),
    ("Agence France-Presse", "organisation", ("AFP", "Agence France Presse")),
    ("Reuters", "organisation", ("Thomson Reuters",)),
    ("BBC", "organisation", ("British Broadcasting Corporation",)),
    ("CNN", "organisation", ("Cable News Network",)),
    ("Deutsche Welle", "organisation", ("DW",)),
    ("World Health Organization", "organisation", ("WHO", "World Health Organisation")),
    ("International Monetary Fund", "organisation", ("IMF",)),
    ("World Bank", "organisation", ()),
    ("Federal Bureau of Investigation", "organisation", ("FBI",)),
    ("Central Intelligence Agency", "organisation", ("CIA",)),
    ("Food and Drug Administration", "organisation", ("FDA",)),
    ("Securities and Exchange Commission", "organisation", ("SEC",)),
    ("Centers for Disease Control and Prevention", "organisation", ("CDC",)),
    ("Immigration and Customs Enforcement", "organisation", ("ICE",)),
    ("National Aeronautics and Space Administration", "organisation", ("NASA",)),
    ("Bosnia and Herzegovina", "place", ()),
    ("Trinidad and Tobago", "place", ()),
    ("Pentagon", "organisation", ("Department of Defense", "Defense Department")),
    ("State Department", "organisation", ("Department of State",)),
    ("White House", "organisation", ()),
    ("Kremlin", "organisation", ()),
    ("Congress", "organisation", ("US Congress", "U.S. Congress")),
    (
        "Red Cross",
        "organisation",
        (
            "International Committee of the Red Cross", "ICRC", "Red Crescent",
        ),
    ),
    ("Amnesty International", "organisation", ("Amnesty",)),
    ("Human Rights Watch", "organisation", ("HRW",)),
    (
        "Doctors Without Borders",
        "organisation",
        (
            "MSF", "Médecins Sans Frontières", "Medecins Sans Frontieres",
        ),
    ),
    ("Democratic Party", "organisation", ("Democrats",)),
    ("Republican Party", "organisation", ("GOP", "Republicans")),
    ("Supreme Court", "organisation", ()),
    ("Twitter", "organisation", ()),
    ("Facebook", "organisation", ()),
    ("Google", "organisation", ()),
    ("Apple", "organisation", ()),
    ("Microsoft", "organisation", ()),
    ("Amazon", "organisation", ()),
    ("YouTube", "organisation", ()),
    ("Instagram", "organisation", ()),
    ("Getty Images", "organisation", ()),
    ("Middle East", "place", ("Mideast",)),
    ("Raqqa", "place", ("Raqa", "Rakka", "Ar-Raqqah", "Raqqah", "al-Raqqa", "Al-Raqqa")),
    (
        "Deir al-Zour",
        "place",
        (
            "Deir ez-Zor", "Deir Ezzor", "Deir el-Zour", "Deir al-Zor", "Deir Ez-Zor",
            "Dayr az-Zawr", "Deir Ez Zor", "Deir ez Zor",
        ),
    ),
    ("Aleppo", "place", ("Halab",)),
    ("Kyiv", "place", ("Kiev",)),
    ("Kharkiv", "place", ("Kharkov",)),
    ("Odesa", "place", ("Odessa",)),
    ("Beijing", "place", ("Peking",)),
    ("Mumbai", "place", ("Bombay",)),
    ("Kolkata", "place", ("Calcutta",)),
    ("Chennai", "place", ("Madras",)),
    ("Myanmar", "place", ("Burma",)),
    ("Czech Republic", "place", ("Czechia",)),
    ("Ivory Coast", "place", ("Côte d'Ivoire", "Cote d'Ivoire")),
    ("Netherlands", "place", ("Holland",)),
    ("Turkey", "place", ("Türkiye", "Turkiye")),
    ("Russia", "place", ("Russian Federation",)),
    ("China", "place", ("People's Republic of China", "PRC", "Mainland China")),
    ("North Korea", "place", ("DPRK", "Democratic People's Republic of Korea")),
    ("South Korea", "place", ("Republic of Korea", "ROK")),
    ("Democratic Republic of the Congo", "place", ("DRC", "DR Congo", "Congo-Kinshasa")),
    ("United Arab Emirates", "place", ("UAE", "U.A.E.")),
    ("Vatican", "place", ("Holy See", "Vatican City")),
    ("Syria", "place", ("Syrian Arab Republic",)),
    ("Iran", "place", ("Islamic Republic of Iran",)),
    ("Washington", "place", ("Washington DC", "Washington D.C.", "D.C.")),
    ("New York", "place", ("NY", "N.Y.", "NYC", "New York City")),
    ("Los Angeles", "place", ("L.A.",)),
    ("Gaza", "place", ("Gaza Strip",)),
)

# Countries in their common English form; pycountry adds the long tail when it
# is installed, this list keeps the module useful when it is not.
COUNTRIES: tuple[str, ...] = (
    "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria",
    "Azerbaijan", "Bahrain", "Bangladesh", "Belarus", "Belgium", "Bolivia", "Bosnia", "Brazil",
    "Bulgaria", "Burkina Faso", "Cambodia", "Cameroon", "Canada", "Chad", "Chile", "China",
    "Colombia", "Congo", "Croatia", "Cuba", "Cyprus", "Czech Republic", "Denmark", "Ecuador",
    "Egypt", "Eritrea", "Estonia", "Ethiopia", "Finland", "France", "Georgia", "Germany", "Ghana",
    "Greece", "Guatemala", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran",
    "Iraq", "Ireland", "Israel", "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya",
    "Kosovo", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Libya", "Lithuania",
    "Luxembourg", "Malaysia", "Mali", "Mexico", "Moldova", "Mongolia", "Montenegro", "Morocco",
    "Mozambique", "Myanmar", "Nepal", "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria",
    "North Korea", "Norway", "Oman", "Pakistan", "Palestine", "Panama", "Paraguay", "Peru",
    "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia", "Rwanda", "Saudi Arabia",
    "Senegal", "Serbia", "Singapore", "Slovakia", "Slovenia", "Somalia", "South Africa",
    "South Korea", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Sweden", "Switzerland", "Syria",
    "Taiwan", "Tajikistan", "Tanzania", "Thailand", "Tunisia", "Turkey", "Turkmenistan", "Uganda",
    "Ukraine", "United Arab Emirates", "United Kingdom", "United States", "Uruguay", "Uzbekistan",
    "Venezuela", "Vietnam", "Yemen", "Zambia", "Zimbabwe",
)

# Adjectives and demonyms: parts of names ("Syrian Democratic Forces"), never
# names on their own. Plurals ("Syrians", "Kurds") are derived in entities.py.
DEMONYMS: tuple[str, ...] = (
    "Afghan", "Albanian", "Algerian", "American", "Angolan", "Argentine", "Argentinian", "Armenian",
    "Australian", "Austrian", "Azerbaijani", "Azeri", "Bahraini", "Bangladeshi", "Belarusian",
    "Belgian", "Bolivian", "Bosnian", "Brazilian", "British", "Briton", "Bulgarian", "Burmese",
    "Cambodian", "Cameroonian", "Canadian", "Chadian", "Chilean", "Chinese", "Colombian",
    "Congolese", "Croatian", "Cuban", "Cypriot", "Czech", "Danish", "Dutch", "Ecuadorian",
    "Egyptian", "Emirati", "English", "Eritrean", "Estonian", "Ethiopian", "European", "Filipino",
    "Finnish", "French", "Georgian", "German", "Ghanaian", "Greek", "Guatemalan", "Haitian",
    "Honduran", "Hungarian", "Icelandic", "Indian", "Indonesian", "Iranian", "Iraqi", "Irish",
    "Israeli", "Italian", "Jamaican", "Japanese", "Jordanian", "Kazakh", "Kenyan", "Korean",
    "Kosovar", "Kuwaiti", "Kyrgyz", "Lao", "Latvian", "Lebanese", "Libyan", "Lithuanian",
    "Malaysian", "Malian", "Mexican", "Moldovan", "Mongolian", "Montenegrin", "Moroccan",
    "Mozambican", "Nepalese", "Nepali", "Nicaraguan", "Nigerian", "Nigerien", "Norwegian", "Omani",
    "Pakistani", "Palestinian", "Panamanian", "Paraguayan", "Peruvian", "Polish", "Portuguese",
    "Qatari", "Romanian", "Russian", "Rwandan", "Saudi", "Scottish", "Scots", "Senegalese", "Serb",
    "Serbian", "Singaporean", "Slovak", "Slovenian", "Somali", "Spanish", "Sri Lankan", "Sudanese",
    "Swedish", "Swiss", "Syrian", "Taiwanese", "Tajik", "Tanzanian", "Thai", "Tunisian", "Turkish",
    "Turkmen", "Ugandan", "Ukrainian", "Uruguayan", "Uzbek", "Venezuelan", "Vietnamese", "Welsh",
    "Yemeni", "Zambian", "Zimbabwean", "Kurd", "Kurdish", "Arab", "Arabic", "Persian", "Pashtun",
    "Yazidi", "Assyrian", "Sunni", "Shia", "Shiite", "Shi'ite", "Alawite", "Druze", "Jewish", "Jew",
    "Muslim", "Moslem", "Christian", "Catholic", "Protestant", "Orthodox", "Evangelical", "Hindu",
    "Buddhist", "Sikh", "Islamic", "Islamist", "Jihadist", "Jihadi", "Salafist", "Western",
    "Eastern", "African", "Asian", "Latin", "Hispanic", "Latino", "Latina", "Caucasian",
    "Scandinavian", "Balkan", "Baltic", "Soviet", "Nazi", "Communist", "Marxist", "Roman",
    "Ottoman", "Byzantine", "Levantine", "Iberian", "Nordic", "Anglo", "Californian", "Texan",
    "Floridian", "Brit", "Yankee",
)

# US states (and Puerto Rico): places.
US_STATES: tuple[str, ...] = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
    "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
    "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico",
)

# Cities that news mentions most, weighted to the regions of the example stories.
CITIES: tuple[str, ...] = (
    "Mosul", "Aleppo", "Damascus", "Homs", "Hama", "Idlib", "Palmyra", "Kobani", "Manbij", "Tabqa",
    "Mayadin", "Daraa", "Latakia", "Baghdad", "Basra", "Kirkuk", "Erbil", "Fallujah", "Ramadi",
    "Tikrit", "Najaf", "Karbala", "Beirut", "Tripoli", "Amman", "Jerusalem", "Tel Aviv", "Haifa",
    "Ramallah", "Cairo", "Alexandria", "Riyadh", "Jeddah", "Mecca", "Medina", "Dubai", "Abu Dhabi",
    "Doha", "Manama", "Muscat", "Sanaa", "Aden", "Tehran", "Isfahan", "Kabul", "Kandahar", "Herat",
    "Islamabad", "Karachi", "Lahore", "Peshawar", "Ankara", "Istanbul", "Izmir", "Gaziantep",
    "Benghazi", "Tunis", "Algiers", "Casablanca", "Rabat", "Khartoum", "London", "Paris", "Berlin",
    "Madrid", "Rome", "Moscow", "Kyiv", "Warsaw", "Vienna", "Prague", "Budapest", "Brussels",
    "Amsterdam", "The Hague", "Lisbon", "Athens", "Dublin", "Hague", "Edinburgh", "Glasgow",
    "Manchester", "Liverpool", "Birmingham", "Belfast", "Cardiff", "Stockholm", "Oslo",
    "Copenhagen", "Helsinki", "Geneva", "Zurich", "Bern", "Munich", "Frankfurt", "Hamburg",
    "Cologne", "Milan", "Naples", "Venice", "Florence", "Barcelona", "Seville", "Marseille", "Lyon",
    "Nice", "Strasbourg", "Minsk", "Belgrade", "Bucharest", "Sofia", "Zagreb", "Sarajevo", "Riga",
    "Vilnius", "Tallinn", "St Petersburg", "Saint Petersburg", "St. Petersburg", "Donetsk",
    "Luhansk", "Mariupol", "Sevastopol", "Beijing", "Shanghai", "Hong Kong", "Wuhan", "Guangzhou",
    "Shenzhen", "Tokyo", "Osaka", "Seoul", "Pyongyang", "Taipei", "Manila", "Jakarta", "Bangkok",
    "Hanoi", "Ho Chi Minh City", "Singapore", "Kuala Lumpur", "Delhi", "New Delhi", "Mumbai",
    "Kolkata", "Chennai", "Bangalore", "Hyderabad", "Dhaka", "Colombo", "Kathmandu", "Yangon",
    "Sydney", "Melbourne", "Brisbane", "Perth", "Auckland", "Wellington", "Lagos", "Abuja",
    "Nairobi", "Mogadishu", "Addis Ababa", "Johannesburg", "Cape Town", "Pretoria", "Kinshasa",
    "Accra", "Dakar", "Bamako", "Kampala", "Harare", "Juba", "New York", "New York City",
    "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio", "San Diego",
    "Dallas", "San Jose", "Austin", "Boston", "Seattle", "Denver", "Miami", "Atlanta", "Detroit",
    "Baltimore", "Las Vegas", "Portland", "Nashville", "Memphis", "New Orleans", "Cleveland",
    "Pittsburgh", "St. Louis", "St Louis", "Minneapolis", "Orlando", "Tampa", "Sacramento",
    "Charlotte", "Indianapolis", "Columbus", "Milwaukee", "Kansas City", "Oklahoma City",
    "Salt Lake City", "Honolulu", "Anchorage", "San Francisco", "Oakland", "Brooklyn", "Manhattan",
    "Queens", "Bronx", "Toronto", "Montreal", "Vancouver", "Ottawa", "Mexico City", "Havana",
    "Caracas", "Bogota", "Lima", "Santiago", "Buenos Aires", "Rio de Janeiro", "Sao Paulo",
    "Brasilia",
)

# Regions, provinces, rivers and seas: places that are no country or city.
REGIONS: tuple[str, ...] = (
    "Europe", "Asia", "Africa", "Latin America", "North America", "South America",
    "Central America", "Caribbean", "Balkans", "Caucasus", "Scandinavia", "Persian Gulf", "Sahel",
    "Kurdistan", "Iraqi Kurdistan", "West Bank", "Golan Heights", "Crimea", "Donbas", "Donbass",
    "Siberia", "Kashmir", "Tibet", "Xinjiang", "Catalonia", "Scotland", "Wales", "England",
    "Northern Ireland", "Bavaria", "Sinai", "Levant", "Euphrates", "Tigris", "Nile",
    "Mediterranean", "Atlantic", "Pacific", "Antarctica", "Midwest", "Silicon Valley", "Darfur",
    "Gulf", "Arctic", "Chechnya", "Punjab", "Anbar", "Nineveh", "Hasakah", "Galilee", "Hong Kong",
)

# Words that make a name an organisation when they are part of it.
ORG_KEYWORDS: tuple[str, ...] = (
    "Forces", "State", "Force", "Command", "Council", "Army", "Party", "Ministry", "Group",
    "Observatory", "Nations", "Union", "Agency", "Committee", "Coalition", "Police", "Court",
    "Department", "Company", "Co", "Inc", "Corp", "Corporation", "Ltd", "LLC", "PLC", "Bank",
    "University", "College", "School", "Service", "Services", "Office", "Assembly", "Congress",
    "Senate", "Parliament", "Federation", "Association", "Institute", "Institution", "Organization",
    "Organisation", "Front", "Brigade", "Brigades", "Militia", "Movement", "Network", "Foundation",
    "Fund", "Commission", "Board", "Authority", "Administration", "Bureau", "Centre", "Center",
    "Museum", "Guard", "Guards", "Navy", "Corps", "Regiment", "Battalion", "Division", "Legion",
    "Airlines", "Airways", "Holdings", "Partners", "Trust", "Society", "Club", "League", "Alliance",
    "Cabinet", "Government", "Times", "Post", "News", "Journal", "Herald", "Tribune", "Press",
    "Telegraph", "Gazette", "Broadcasting", "Television", "Radio", "Studios", "Pictures",
    "Entertainment", "Media", "Systems", "Technologies", "Motors", "Industries", "Unit", "Units",
    "Directorate", "Secretariat", "Tribunal", "Reserve", "Exchange", "Caucus", "Mission", "Embassy",
    "Consulate", "Brotherhood", "Chamber", "House", "Endowment", "Campaign", "Partnership",
    "Project", "Initiative", "Program", "Programme", "Electric", "Dynamics", "Records", "Labs",
    "Studio", "Stores", "Restaurants", "Foods", "Energy", "Pharmaceuticals", "Capital", "Ventures",
    "Solutions", "Communications", "Magazine", "Academy", "Laboratory", "Laboratories", "Hospital",
    "Church", "Conference", "Forum", "Collective", "Team", "FC", "Inc.", "Corp.", "Co.", "Ltd.",
)

# Single words so generic that alone they only ever point back to a longer
# name of the story ("the Observatory", "Command officials said").
GENERIC_ORG_WORDS: tuple[str, ...] = (
    "Forces", "Force", "Command", "Council", "Army", "Party", "Ministry", "Group", "Observatory",
    "Agency", "Committee", "Coalition", "Police", "Court", "Department", "Company", "Bank",
    "University", "College", "School", "Service", "Office", "Assembly", "Federation", "Association",
    "Institute", "Organization", "Organisation", "Front", "Brigade", "Militia", "Movement",
    "Network", "Foundation", "Fund", "Commission", "Board", "Authority", "Administration", "Bureau",
    "Centre", "Center", "Government", "Cabinet", "Corps", "Union", "Alliance", "League", "Unit",
    "Mission", "Embassy", "Collective", "Academy", "Hospital", "Conference", "Forum", "Team",
    "Club", "Society", "Trust", "Division", "Brotherhood", "Guard", "Navy", "Nations", "Chamber",
    "News", "Times", "Post", "Journal", "Magazine", "Project", "Campaign", "Program", "Programme",
    "Initiative", "Herald", "Tribune", "Telegraph", "Gazette",
)

# Words that make a name a place when they end it.
PLACE_KEYWORDS: tuple[str, ...] = (
    "City", "Town", "Village", "Province", "County", "District", "Region", "River", "Valley",
    "Mountains", "Mountain", "Mount", "Hills", "Heights", "Lake", "Sea", "Ocean", "Gulf", "Bay",
    "Strait", "Island", "Islands", "Peninsula", "Desert", "Coast", "Beach", "Park", "Square",
    "Street", "Avenue", "Road", "Boulevard", "Bridge", "Wall", "Gate", "Tower", "Castle", "Palace",
    "Mosque", "Cathedral", "Temple", "Shrine", "Airport", "Port", "Harbour", "Harbor", "Station",
    "Stadium", "Arena", "Camp", "Dam", "Canal", "Forest", "Plain", "Plateau", "Highlands",
    "Territory", "Territories", "Governorate", "Prefecture", "Oblast", "Crossing", "Neighborhood",
    "Neighbourhood", "Quarter", "Republic", "Kingdom", "Emirate", "Borough", "Township", "Parish",
    "Archipelago", "Glacier", "Creek", "Falls", "Springs", "Canyon", "Pass", "Field", "Hill",
    "Mall", "Plaza", "Lane", "Drive", "Highway", "Motorway", "Reservoir", "Zoo", "Cemetery",
    "Memorial", "Monument",
)

# Words that make a name a place when they start it ("Mount Everest", "Lake Chad").
PLACE_PREFIXES: tuple[str, ...] = (
    "Mount", "Mt.", "Mt", "Lake", "Fort", "Ft.", "Port", "Cape", "Isle", "Gulf", "Bay", "Sea",
    "Strait", "Camp", "Lac", "Rio", "Wadi", "Jebel", "Jabal", "Tell", "Tel",
)

# Place features whose bare first part names the same place ("the Euphrates").
PLACE_FEATURES: tuple[str, ...] = (
    "River", "Wall", "Mountains", "Desert", "Sea", "Ocean", "Lake", "Valley", "Islands", "Strait",
    "Peninsula", "Canal", "Glacier",
)

# Titles that stand before a person's name; "core" titles are enough alone,
# modifiers only inside a title ("Prime Minister", "Staff Brig. Gen.").
TITLES: tuple[str, ...] = (
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "president", "minister", "premier",
    "chancellor", "king", "queen", "prince", "princess", "emperor", "pope", "sheikh", "sheik",
    "emir", "sultan", "ayatollah", "imam", "rabbi", "bishop", "archbishop", "cardinal", "reverend",
    "rev", "sen", "senator", "rep", "congressman", "congresswoman", "gov", "governor", "mayor",
    "gen", "brig", "col", "colonel", "lt", "lieutenant", "maj", "capt", "captain", "sgt",
    "sergeant", "adm", "admiral", "cmdr", "marshal", "judge", "justice", "ambassador", "secretary",
    "secretary-general", "chairman", "chairwoman", "speaker", "sir", "dame", "lord", "earl",
    "baroness", "baron", "duke", "duchess", "cpl", "pvt", "attorney", "general", "director",
    "editor", "correspondent", "reporter", "producer", "anchor", "columnist", "analyst", "adviser",
    "advisor", "counsel", "aide", "officer", "spokesperson", "strategist", "administrator", "chief",
    "leader", "whip", "representative", "detective", "sheriff", "inspector", "supt", "insp",
    "envoy", "spokesman", "spokeswoman", "commissioner", "lady", "hon", "mullah", "pastor", "ceo",
    "coach",
)

TITLE_MODIFIERS: tuple[str, ...] = (
    "vice", "prime", "deputy", "foreign", "defence", "defense", "interior", "finance", "home",
    "crown", "supreme", "staff", "field", "acting", "first", "assistant", "grand", "lance", "major",
    "managing", "executive", "creative", "news", "national", "security", "homeland", "intelligence",
    "economic", "press", "communications", "campaign", "legal", "police", "humane", "military",
    "political", "policy", "science", "majority", "minority", "house", "senate", "party",
    "opposition", "former", "late", "health", "trade", "economy", "education", "energy", "labor",
    "labour", "transport", "environment", "justice", "treasury", "state", "special", "senior",
    "top",
)

# Lowercase nouns that, just before a name or in an apposition after it, mark
# the name as a person's ("envoy Brett McGurk", "Shaker, a spokesman for").
ROLE_NOUNS: tuple[str, ...] = (
    "envoy", "spokesman", "spokeswoman", "spokesperson", "chief", "leader", "commander", "minister",
    "president", "director", "official", "analyst", "professor", "lawyer", "attorney", "judge",
    "senator", "mayor", "governor", "chairman", "chairwoman", "founder", "co-founder", "reporter",
    "correspondent", "author", "writer", "actor", "actress", "singer", "rapper", "musician",
    "player", "striker", "coach", "manager", "secretary", "ambassador", "aide", "adviser",
    "advisor", "researcher", "scientist", "economist", "activist", "candidate", "congressman",
    "congresswoman", "lawmaker", "legislator", "general", "colonel", "captain", "officer",
    "detective", "doctor", "surgeon", "nurse", "teacher", "student", "resident", "son", "daughter",
    "wife", "husband", "mother", "father", "brother", "sister", "widow", "executive", "ceo", "boss",
    "head", "deputy", "premier", "king", "queen", "prince", "princess", "cleric", "imam", "priest",
    "pastor", "bishop", "photographer", "journalist", "editor", "columnist", "producer",
    "presenter", "host", "star", "filmmaker", "designer", "architect", "artist", "poet", "novelist",
    "historian", "expert", "specialist", "militant", "fighter", "soldier", "suspect", "victim",
    "survivor", "witness", "defendant", "prosecutor", "sheriff", "inspector", "commissioner",
    "chancellor", "rebel", "warlord", "dictator", "strongman", "monarch", "emir", "sultan",
    "negotiator", "mediator", "diplomat", "representative", "businessman", "businesswoman",
    "entrepreneur", "investor", "billionaire", "tycoon", "guitarist", "drummer", "bassist",
    "pianist", "comedian", "dancer", "model", "athlete", "quarterback", "pitcher", "shortstop",
    "goalkeeper", "midfielder", "defender", "boxer", "golfer", "cyclist", "swimmer", "skier",
    "climber", "mountaineer", "chef", "pilot", "astronaut", "firefighter", "paramedic", "trooper",
    "agent", "owner", "partner", "girlfriend", "boyfriend", "fiancee", "fiance", "spouse",
    "grandson", "granddaughter", "nephew", "niece", "cousin", "uncle", "aunt", "friend", "neighbor",
    "neighbour", "colleague", "rival", "opponent", "challenger", "nominee", "incumbent",
    "commentator",
)

# Common first names: a weak sign that a two- or three-word name is a person's.
FIRST_NAMES: tuple[str, ...] = (
    "Aaron", "Abdel", "Abdul", "Abdullah", "Abu", "Adam", "Ahmad", "Ahmed", "Alan", "Albert",
    "Alex", "Alexander", "Ali", "Alice", "Amanda", "Amy", "Andrew", "Angela", "Ann", "Anna", "Anne",
    "Anthony", "Antonio", "Ashley", "Barack", "Barbara", "Bashar", "Ben", "Benjamin", "Bernie",
    "Beth", "Bill", "Bob", "Boris", "Brett", "Brian", "Bruce", "Carl", "Carlos", "Carol",
    "Catherine", "Jordan", "Tina", "Eva", "Troy", "Kip", "Don", "Charles", "Charlie", "Chris",
    "Christopher", "Claire", "Daniel", "Dana", "David", "Dennis", "Diana", "Donald", "Doug",
    "Douglas", "Edward", "Elizabeth", "Emily", "Emma", "Emmanuel", "Eric", "Fatima", "Frank",
    "Fred", "Gary", "George", "Gregory", "Haidar", "Haider", "Hamid", "Harriet", "Harry", "Hassan",
    "Heather", "Helen", "Henry", "Hillary", "Hussam", "Hussein", "Ibrahim", "Ivan", "Jack", "James",
    "Jane", "Janet", "Jason", "Jean", "Jeff", "Jeffrey", "Jennifer", "Jeremy", "Jessica", "Jim",
    "Joe", "John", "Jon", "Jonathan", "Jose", "Joseph", "Juan", "Julia", "Julie", "Karen", "Kate",
    "Katherine", "Kelly", "Kenneth", "Kevin", "Khaled", "Khalid", "Kim", "Laura", "Lisa", "Mahmoud",
    "Marco", "Maria", "Mark", "Martin", "Mary", "Matt", "Matthew", "Michael", "Michelle", "Mike",
    "Mohamed", "Mohammad", "Mohammed", "Muhammad", "Mustafa", "Nadia", "Nancy", "Nicholas", "Nick",
    "Nicola", "Nicolas", "Olivia", "Omar", "Patricia", "Patrick", "Paul", "Peter", "Rami", "Rachel",
    "Rebecca", "Richard", "Robert", "Roger", "Ron", "Ronald", "Ryan", "Sam", "Samuel", "Sara",
    "Sarah", "Scott", "Sean", "Sergei", "Sergey", "Stephen", "Steve", "Steven", "Susan", "Theresa",
    "Thomas", "Tim", "Timothy", "Tom", "Tony", "Vladimir", "Walter", "William", "Yusuf", "Zainab",
)

# Capitalised words that start sentences, headings and captions but name nothing.
STOPWORDS: tuple[str, ...] = stopwords.NAME_STOPWORDS

# Party labels: like demonyms, part of names ("Democratic Party") or descriptors
# ("the North Carolina Republican"), never names alone. Plurals are names
# ("Republicans"), so none are derived.
POLITICAL_ADJECTIVES: tuple[str, ...] = (
    "Republican", "Democrat", "Democratic", "Conservative", "Liberal", "Labour", "Tory",
    "Socialist", "Libertarian", "Progressive", "Independent", "Green", "Centrist", "Leftist",
)

# Weekdays, also in the plural, and months, also abbreviated: times, not names.
WEEKDAYS: tuple[str, ...] = calendar.WEEKDAYS + calendar.WEEKDAYS_PLURAL
MONTHS: tuple[str, ...] = calendar.MONTHS + calendar.ABBREVIATED_MONTHS

# All-caps tokens that are not organisations: units, times, shouting, numerals.
ACRONYM_STOPWORDS: tuple[str, ...] = stopwords.ACRONYM_STOPWORDS

# Possessives that belong inside a name ("People's Liberation Army").
COMMON_POSSESSIVES: tuple[str, ...] = (
    "people", "workers", "women", "children", "men", "veterans", "farmers", "teachers", "nurses",
    "citizens", "peoples", "soldiers", "writers", "lawyers", "journalists",
)

# Words that make two names differing only there two different things, never
# two spellings of one name ("Democratic National Committee" / "... Convention").
EVENT_WORDS: tuple[str, ...] = (
    "Convention", "Conference", "Summit", "Games", "Cup", "Championship", "Festival", "Awards",
    "Award", "Prize", "Election", "Elections", "Primary", "Debate", "Act", "Bill", "Day", "War",
    "Olympics", "Open", "Series", "Bowl", "Week", "Year",
)
# fmt: on
