"""Stop words: the words each component reads past, side by side.

"Stop word" means a different list to each reader, and the lists stay apart
because their jobs differ (none is a subset of another):

- :data:`ANALYZER_STOPWORDS` (lowercase): tokens the TF-IDF analyzer gives no
  term, so that two sentences match on what they say, not on 'the' and
  'said'. News verbs of saying, titles ('mr') and 'one', 'two', 'new', 'year'
  are in it: every story has them, so they would only blur the cosines.
- :data:`NAME_STOPWORDS` (capitalised): words that open sentences, headings and
  captions without naming anything ('The', 'However', 'Photo', 'Mon'). Unlike
  the analyzer's list it holds page furniture and sentence openers, and leaves
  out the news words ('year', 'new') that do start names ('New York').
- :data:`ACRONYM_STOPWORDS`: all-caps tokens that are not organisations (units,
  time zones, numerals, shouted headline words).
- :data:`COUNT_LEADING_WORDS` and :data:`COUNT_ENDING_WORDS` (lowercase): what the
  quantity reader skips before the thing a number counts ('were', 'the': '300
  were killed') and the words that end that phrase ('and', 'in', 'ago': '300
  fighters in Raqqa' counts fighters).
- :data:`DANGLING_OPENERS` (lowercase): conjunctions and pronouns that make a
  sentence lean on the one before it ('But', 'He'); the summarizer lowers
  such sentences, since out of context they read as fragments.

They are data only; each component builds its set or pattern from them.
"""

from __future__ import annotations

#: Tokens the TF-IDF analyzer (``align``) gives no term.
ANALYZER_STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told according mr mrs ms one two new year years
    may might must shall us it's he's she's that's there's""".split()
)

#: Capitalised words that start sentences, headings and captions but name nothing.
# fmt: off
NAME_STOPWORDS: tuple[str, ...] = (
    "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "His", "Her",
    "Hers", "Him", "They", "Them", "Their", "We", "Our", "Us", "You", "Your", "I", "Me", "My",
    "Mine", "In", "On", "At", "For", "From", "By", "With", "Without", "To", "Of", "And", "But",
    "Or", "Nor", "So", "Yet", "If", "When", "While", "After", "Before", "Since", "Until", "As",
    "Although", "Though", "Because", "However", "Meanwhile", "Moreover", "Also", "Still", "Then",
    "Now", "Today", "Yesterday", "Tomorrow", "Tonight", "Here", "There", "Where", "What", "Who",
    "Why", "How", "Which", "Whose", "Whom", "Some", "Many", "Most", "More", "Much", "All", "Any",
    "Each", "Every", "Both", "Few", "Several", "Other", "Others", "Another", "Yes", "No", "Not",
    "Image", "Images", "Photo", "Photos", "Picture", "Caption", "Copyright", "Share", "Email",
    "Read", "Related", "Topics", "Skip", "Please", "According", "Despite", "During", "Among",
    "About", "Above", "Against", "Under", "Over", "Through", "Into", "Upon", "Via", "Per", "Like",
    "Just", "Only", "Even", "Such", "Thus", "Hence", "Therefore", "Instead", "Otherwise", "Perhaps",
    "Maybe", "Indeed", "Already", "Again", "Once", "Never", "Always", "Often", "Sometimes", "Let",
    "Is", "Are", "Was", "Were", "Be", "Been", "Has", "Have", "Had", "Do", "Does", "Did", "Will",
    "Would", "Can", "Could", "Should", "Might", "Must", "Shall", "Said", "Says", "Say", "Asked",
    "Told", "Hi", "Hello", "Oh", "Okay", "Well", "Thank", "Thanks", "Sorry", "Very", "Too",
    "Whether", "Unlike", "Within", "Across", "Along", "Around", "Behind", "Beyond", "Near", "Off",
    "Out", "Up", "Down", "Toward", "Towards", "Onto", "Throughout", "Between", "Amid", "Amidst",
    "Except", "Besides", "Following", "Including", "Regarding", "Concerning", "Given", "Unless",
    "Whereas", "Wherever", "Whenever", "Whatever", "Whoever", "Everyone", "Everybody", "Everything",
    "Someone", "Somebody", "Something", "Nobody", "Nothing", "Anyone", "Anything", "None", "Less",
    "Least", "Lots", "Plenty", "Madam", "Am", "Pm", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
    "Dear", "Replay", "Video", "Videos", "Playlist", "Autoplay", "Yeah", "Wow", "Ah", "Hey",
)

#: All-caps tokens that are not organisations: units, times, shouting, numerals.
ACRONYM_STOPWORDS: tuple[str, ...] = (
    "TV", "AM", "PM", "GMT", "UTC", "EST", "EDT", "PST", "PDT", "CST", "CDT", "BST", "CET", "CEST",
    "OK", "ID", "DNA", "PDF", "URL", "RSS", "FAQ", "USD", "GDP", "CEO", "CFO", "COO", "CTO", "PhD",
    "MP", "MPs", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "AD", "BC", "BCE", "CE",
    "NEW", "BREAKING", "UPDATE", "WATCH", "VIDEO", "PHOTOS", "LIVE", "READ", "MORE", "THE", "AND",
    "FOR", "NOT", "BUT", "YOU", "ALL", "NOW", "OUT", "HOW", "WHY", "WHAT", "THIS", "THAT", "WITH",
    "FROM", "HAS", "ARE", "WAS", "HIS", "HER", "OF", "IN", "ON", "AT", "TO", "BY", "AN", "OR", "IT",
    "BE", "AS", "NO", "SO", "DO", "MY", "WE", "HE", "ME", "IF", "UP", "GO", "RE", "FW", "FYI",
    "LOL", "OMG", "ASAP", "KM", "KG", "MPH", "KPH", "HD", "VR", "AI", "PC", "IQ", "RIP", "SOS",
    "VIP", "NOTE", "EDITOR", "EDITORS", "FILE", "PHOTO", "ADVERTISEMENT", "SEE", "ALSO", "TOP",
    "HIV", "AIDS", "LGBT", "LGBTQ", "COVID", "SUV", "ATM", "GPS", "USB", "CCTV",
)
# fmt: on

#: Words skipped before the phrase a number counts ('300 were killed', 'two of the').
COUNT_LEADING_WORDS: frozenset[str] = frozenset(
    "are were is was have has had been be being being still reportedly believed thought said "
    "estimated reported feared of the a an more other".split()
)
#: Words that end the phrase a number counts ('300 fighters in Raqqa').
COUNT_ENDING_WORDS: frozenset[str] = frozenset(
    "and or but to in on at for by from with as than that which who while after before since "
    "into over under per a an the around about across near along inside outside within through "
    "between against among during without toward towards like amid were are is was have has had "
    "will would could can may might must should been be still had who whom whose there here now "
    "then today yesterday ago each apiece last this next".split()
)

#: Words that make a sentence lean on the one before it, when they open it, in the
#: order the summarizer's pattern tries them.
DANGLING_OPENERS: tuple[str, ...] = (
    "but", "and", "or", "so", "yet", "however", "also", "still", "meanwhile", "instead", "then",
    "that", "this", "these", "those", "it", "he", "she", "they", "his", "her", "their", "its",
)  # fmt: skip
