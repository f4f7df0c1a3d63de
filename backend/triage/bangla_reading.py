"""Readings of Bangla (script and romanised) that the English patterns in `reader.py` do not see, done as a
rewrite of the lowercased text into forms the reader already reads. Applied to patient text and knowledge
phrases alike (so a phrase such as "der masher" and the text it should match are rewritten the same way).

- numbers in words before a time unit: "teen din", "দুই মাস", "দেড় মাস", "আড়াই বছর", "সাড়ে তিন মাস";
- an age given right after a child ("amar chele 6 soptaho,", "বয়স ৫ সপ্তাহ") is an age, not how long;
- weeks or months of pregnancy ("7 soptaho pregnant", "৭ মাসের গর্ভবতী") are not an age or a duration;
- Bangla headers and bracketed ages: "পুরুষ ৫০", "মহিলা ৩৫", "নানি (৭৮)";
- a trailing না after a word that is not a verb ("প্রস্রাব লাল না") and the negative past of "say"/"do"
  ("boleni", "করেনি") read as "not";
- an illness weeks or months ago ("2 mash age jondis hoyechilo") is over;
and, for any text: a decimal before F or C is a temperature ("T 100.4F" is not a 4-year-old female), and a
blood sugar in mg/dL is read in mmol/L ("CBG 40 mg/dl").

Every rewrite is guarded by a cheap search, so English text costs one regex scan.
"""
from __future__ import annotations

import re
import unicodedata


def _nfc(pattern: str) -> re.Pattern:
    return re.compile(unicodedata.normalize("NFC", pattern))


def _n(word: str) -> str:
    return unicodedata.normalize("NFC", word)


def _in_script(written: str, romanised: str, bangla: str) -> str:
    """The replacement word in the script the match was written in: romanised for ASCII text, else Bangla."""
    return romanised if written.isascii() else _n(bangla)


# Bangla script (any letter outside ASCII is checked for it) or a romanised keyword: only then do the Bangla
# rewrites run. Plain substring tests, cheaper than a regex over English text; a false hit only costs a full run.
_BANGLA_SCRIPT = re.compile(r"[\u0980-\u09ff]")
_ROMAN_WORDS = frozenset((
    "din dine diner dhore dhorei soptaho soptah soptaher soptahe saptaho saptah saptaher shoptaho shoptaher sopta "
    "hopta mash mas masher maser mase bochor bochorer bochhor bochhorer bosor bosorer boshor boshorer boyos boyosh "
    "boyoshi boyoser boyes bayas ghonta ghontar ghanta koreni boleni korenni bolenni janayni gorbhoboti gorvoboti "
    "gorbhokal purush mohila mahila hoise hoisilo hoyechilo hoyeche chilo silo aage agey ojon "
    "dadi dadir dada dadar dadu nani nanir nanu nanur ammu ammur abbu abbur amma abba chele cheler cheleke meye meyer "
    "meyeke baccha bacchar bacca bachcha babu babur shishu shami shamir stri strir bou bour bouer bouyer bon boner bhai bhaier "
    "bhaiya mayer babar chacha chachi khala fupu nati natni rogi nai nei noy betha bhetha batha byatha jor jwor kashi "
    "matha na ni komchena komena komeni sarchena sarena sareni hoyna hoyni gorome vetha bytha baytha bettha bethha "
    "haantu haatu hantu chorae choraye chhoraye "
    "beatha beetha kumor eksho aksho bomi mathay lagche lagtese korche kheyeche paer protyek").split())
_WORD_SPLIT = str.maketrans({c: " " for c in ",.;:!?()[]/-+'\"0123456789\n*~"})


def _bangla_or_romanised(text: str) -> bool:
    if not text.isascii() and _BANGLA_SCRIPT.search(text):
        return True
    return not _ROMAN_WORDS.isdisjoint(text.translate(_WORD_SPLIT).split())


# Numbers in words (script and romanised).
_BN_NUMBERS = {_n(k): v for k, v in {
    "এক": 1, "দুই": 2, "দু": 2, "তিন": 3, "চার": 4, "পাঁচ": 5, "পাচ": 5, "ছয়": 6, "ছয়": 6, "ছ": 6, "সাত": 7,
    "আট": 8, "নয়": 9, "নয়": 9, "দশ": 10, "এগারো": 11, "বারো": 12, "দেড়": 1.5, "দেড়": 1.5, "আড়াই": 2.5,
    "আড়াই": 2.5}.items()}
_ROMAN_NUMBERS = {"ek": 1, "dui": 2, "du": 2, "duy": 2, "teen": 3, "tin": 3, "char": 4, "panch": 5, "pach": 5,
                  "paanch": 5, "choy": 6, "chhoy": 6, "choi": 6, "chhoi": 6, "soy": 6, "sat": 7, "shat": 7,
                  "saat": 7, "at": 8, "aat": 8, "ath": 8, "noy": 9, "nou": 9, "dosh": 10, "dos": 10, "egaro": 11,
                  "baro": 12, "der": 1.5, "dedh": 1.5, "derh": 1.5, "arai": 2.5, "aarai": 2.5, "arhai": 2.5,
                  "adai": 2.5}
_BN_UNIT = _n(r"(?:দিন|ঘণ্টা|ঘন্টা|সপ্তাহ|মাস|বছর|বৎসর)")
_ROMAN_UNIT = (r"(?:din|dine|diner|ghonta|ghontar|ghanta|soptah\w*|saptah\w*|shoptah\w*|sopta|hopta|mash|mas|"
               r"masher|maser|mase|bochh?or\w*|bosor\w*|boshor\w*)(?![a-z])")
_BN_NUMBER_WORD = _nfc(r"(?<![\u0980-\u09ff])(" + "|".join(sorted(map(re.escape, _BN_NUMBERS), key=len, reverse=True))
                       + r")(?:\s*(?:-|থেকে|বা)\s*|\s+)?(?=(?:\d+(?:\.\d+)?\s*)?" + _BN_UNIT + ")")
_BN_JOINED = _nfc(r"(?<![\u0980-\u09ff])(" + "|".join(sorted(map(re.escape, _BN_NUMBERS), key=len, reverse=True))
                  + r")(?=" + _BN_UNIT + ")")
_ROMAN_NUMBER_WORD = re.compile(r"(?<![a-z0-9.])(" + "|".join(sorted(_ROMAN_NUMBERS, key=len, reverse=True))
                                + r")(?:\s*(?:-|theke|ba|or)\s*|\s+)(?=(?:\d+(?:\.\d+)?\s*)?" + _ROMAN_UNIT + ")")
# "সাড়ে তিন" / "sare 3": three and a half
_AND_A_HALF = _nfc(r"(?<![a-z\u0980-\u09ff])(?:সাড়ে|সাড়ে|sare|share|saare|shaare|saade|sarhe)\s*(\d{1,2})(?![\d.])")


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _numbers_in_words(text: str) -> str:
    text = _BN_JOINED.sub(lambda m: _number_text(_BN_NUMBERS[m.group(1)]) + " ", text)
    text = _BN_NUMBER_WORD.sub(lambda m: _number_text(_BN_NUMBERS[m.group(1)]) + " ", text)
    text = _ROMAN_NUMBER_WORD.sub(lambda m: _number_text(_ROMAN_NUMBERS[m.group(1)]) + " ", text)
    return _AND_A_HALF.sub(lambda m: f"{int(m.group(1)) + 0.5}", text)


_UNIT_EN = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


def _unit_kind(unit: str) -> str:
    """(English units typed in romanised Bangla count too: "weeks", "wk", "months", "days"; a bare "m" stays years.)"""
    if unit.startswith(("di", "da", _n("দি"))):
        return "d"
    if unit.startswith(("so", "sa", "sho", "hop", "we", "wk", _n("স"))):
        return "w"
    if unit.startswith(("ma", "mo", _n("মা"))):
        return "m"
    return "y"


# Weeks or months of a pregnancy: "8 soptaho pregnant", "৭ মাসের গর্ভবতী", "gorbhokal 30 soptaho".
# ("মা হতে চলেছি", "মা হচ্ছি", "ma hocchi": becoming a mother, is being pregnant; "মা হচ্ছি, ৮ সপ্তাহ" is 8 weeks
# pregnant)
_PREGNANT_WORD = _n(r"(?:pregnant|pregnancy|pregnent|prignant|preganant|gorbhoboti|gorvoboti|gorbhobOti|গর্ভবতী|"
                    r"অন্তঃসত্ত্বা|অন্তঃসত্তা|প্রেগন্যান্ট|প্রেগনেন্ট|প্রেগন্যান্সি|প্রেগনেন্সি|"
                    r"(?<![a-z\u0980-\u09ff])(?:মা হতে চলেছি|মা হতে যাচ্ছি|মা হচ্ছি|ma hote cholechi|ma hote jacchi|"
                    r"ma hocchi))")
_ABOUT = _n(r"(?:মতো|মতন|মত|moto|mto|moton)")
_WEEKS_PREGNANT = _nfc(r"(?<![\d.])(\d{1,2})\s*(soptah\w*|saptah\w*|shoptah\w*|mash|mas|masher|maser|weeks?|wks?|"
                       r"months?|সপ্তাহ[\u0980-\u09ff]*|মাস[\u0980-\u09ff]*)\s*(?:er\s+|এর\s+)?(?:cholche\s+|চলছে\s+|cholse\s+)?"
                       r"(?:" + _ABOUT + r"\s+)?(?=" + _PREGNANT_WORD + r")")
# Months and weeks of a pregnancy together: "২ মাস ১ সপ্তাহের মতো প্রেগন্যান্ট", "3 mash 2 soptaho pregnant" (in weeks).
_MONTHS_WEEKS_PREGNANT = _nfc(r"(?<![\d.])(\d{1,2})\s*(?:mash|mas|months?|মাস)\s+(\d)\s*(?=(?:soptah\w*|saptah\w*|"
                              r"shoptah\w*|weeks?|wks?|সপ্তাহ[\u0980-\u09ff]*)\s*(?:er\s+|এর\s+)?(?:" + _ABOUT + r"\s+)?"
                              + _PREGNANT_WORD + r")")
_PREGNANT_THEN_WEEKS = _nfc(r"(" + _PREGNANT_WORD + r"|gorbhokal|গর্ভকাল)\s*[,:]?\s*(\d{1,2})\s*"
                            r"(soptah\w*|saptah\w*|shoptah\w*|mash|mas|masher|maser|সপ্তাহ[\u0980-\u09ff]*|মাস[\u0980-\u09ff]*)(?![a-z])"
                            r"(?!\s*(?:dhore|theke|age|aage|jabot|ধরে|থেকে|আগে|যাবত))")


def _pregnancy(match: re.Match, number: int, unit: int, word: str = " pregnant ") -> str:
    kind = _unit_kind(match.group(unit))
    return f" {match.group(number)} {'weeks' if kind == 'w' else 'months'}{word}"


# An age right after a child, or after "boyos"/"বয়স", ending its clause: "amar meye 5 soptaho,", "বয়স ৫ সপ্তাহ"
# (only in days and weeks, which a bare number before them would also give as how long; "boyos 2 mash" is read
# as an age already, and its words are left for the knowledge's own phrases).
_CHILD = _n(r"(?:baby|baccha|bacca|bachcha|bacchar|babu|babur|shishu|chele|cheler|meye|meyer|nati|natni|"
            r"বাচ্চা|বাচ্চার|বাবু|বাবুর|শিশু|শিশুর|ছেলে|ছেলের|মেয়ে|মেয়ের|নাতি|নাতনি)")
# A baby "born" (the mother's "baccha hoise", "বাচ্চা হইছে") last night or this morning ("amar baccha hoise gotokal rat e",
# "আজ ভোরে বাচ্চা হইছে") is under a day old (NICE CG98: jaundice in the first 24 hours): read as the English "born last
# night", "born this morning", which the reader gives as an age in hours.
_BORN_VERB = _n(r"(?:hoise|hoiche|hoyeche|hoyse|holo|hoilo|হইছে|হইসে|হয়েছে|হয়েছে|হলো|হইল)")
_BORN_TIME = _n(r"(?:(gotokal|goto kal|gotokail|kal|kalke|গতকাল|গত কাল|কাল|কালকে)\s+(?:rat\s*e|rate|raate|raat\s*e|রাতে)"
                r"|(aj|ajke|aaj|aajke|আজ|আজকে)\s+(?:sokal\s*e|sokale|bhore|vore|bhor\s*e|সকালে|ভোরে|ভোর রাতে))")
_BORN_WHEN = _nfc(r"(?<![a-z\u0980-\u09ff])(?:(" + _CHILD + r")\s+" + _BORN_VERB + r"\s+" + _BORN_TIME + r"|" + _BORN_TIME
                  + r"\s+(" + _CHILD + r")\s+" + _BORN_VERB + r")(?![a-z\u0980-\u09ff])")


def _born_when(match: re.Match) -> str:
    baby = match.group(1) or match.group(6)
    night = match.group(2) or match.group(4)
    return f" {baby} born {'last night' if night else 'this morning'} , "


# A delivery last night or this morning ("গতকাল রাতে বাসায় ডেলিভারি হয়েছে", "aj bhore delivery hoise") is the birth
# of the baby the text then speaks of ("... বাচ্চার চোখ হলুদ"): the baby is under a day old (NICE CG98), read as the
# English "born last night" after the delivery's own words (kept for "postpartum"). When no baby is spoken of after
# it, or the mother then speaks of herself, she is the patient and no age is given.
_DELIVERY_PLACE = _n(r"(?:(?:বাসায়|বাসায়|বাড়িতে|বাড়িতে|ঘরে|হাসপাতালে|ক্লিনিকে|basay|bashay|barite|bari te|ghore|"
                     r"hospital\s*e|haspatale|clinic\s*e)\s+)?")
_DELIVERY = _n(r"(?:নরমাল\s+|normal\s+)?(?:ডেলিভারি|ডেলিভারী|প্রসব|delivery|delivary|deliveri)")
_DELIVERY_WHEN = _nfc(r"(?<![a-z\u0980-\u09ff])(?:" + _BORN_TIME + r"\s+" + _DELIVERY_PLACE + _DELIVERY + r"\s+"
                      + _BORN_VERB + r"|" + _DELIVERY + r"\s+" + _BORN_VERB + r"\s+" + _BORN_TIME
                      + r")(?![a-z\u0980-\u09ff])")
_CHILD_WORD = _nfc(r"(?<![a-z\u0980-\u09ff])" + _CHILD + r"(?![a-z\u0980-\u09ff])")
# the mother speaking of herself after it ("আমার জ্বর", "amar rokto jacche"; not "আমার বাচ্চার ..."): she is the patient
_MOTHER_HERSELF = _nfc(r"(?<![a-z\u0980-\u09ff])(?:আমার|আমি|আমাকে|amar|ami|amake)\s+(?!" + _CHILD
                       + r"(?![a-z\u0980-\u09ff]))")


def _delivery_when(match: re.Match) -> str:
    baby = _CHILD_WORD.search(match.string, match.end())
    if baby is None or _MOTHER_HERSELF.search(match.string, match.end()):
        return match.group(0)
    night = match.group(1) or match.group(3)
    word = _in_script(baby.group(0), "baccha", "বাচ্চা")
    return f"{match.group(0)} , {word} born {'last night' if night else 'this morning'} , "


# (also in months and years: "আমার ছেলে ৬ বছর, ৩ দিন ধরে কাশি", "meye 8 mash," is the child's age, not how long)
_AGE_AFTER_CHILD = _nfc(r"(?<![a-z\u0980-\u09ff])(" + _CHILD + r")\s+(\d{1,2}(?:\.5)?)\s*"
                        r"(din|soptaho|soptah|saptaho|shoptaho|দিন|সপ্তাহ|bochor|bochhor|bosor|boshor|mash|mas|বছর|মাস)"
                        r"(?![a-z\u0980-\u09ff])"
                        r"(?=\s*(?:[,.;:!?)\n]|$|boyo\w*|বয়স\w*|বয়সী))")
_AGE_AFTER_BOYOS = _nfc(r"(?<![a-z\u0980-\u09ff])(boyosh?|boyos|boyes|bayas|বয়স|বয়স)\s*:?\s*(\d{1,2}(?:\.5)?)\s*"
                        r"(din|soptaho|soptah|saptaho|shoptaho|দিন|সপ্তাহ)(?![a-z\u0980-\u09ff])"
                        r"(?!\s*(?:dhore|theke|jabot|ধরে|থেকে|যাবত))")



def _age_words(match: re.Match) -> str:
    return f"{match.group(1)} , {match.group(2)} {_UNIT_EN[_unit_kind(match.group(3))]} old ,"


# Clinical headers in Bangla: "পুরুষ ৫০", "মহিলা, ৩৫", "purush 60"; and an age in brackets after a person.
_HEADER = _nfc(r"(?<![a-z\u0980-\u09ff])(পুরুষ|মহিলা|নারী|purush|mohila|mahila)\s*[,:/(]?\s*(\d{1,3})(?!\d)(?!\.\d)\s*"
               r"(?:বছর|bochor|bosor|y|yrs?|years?)?\s*\)?(?![a-z\u0980-\u09ff])(?!\s*(?:জন|jon))")
# ... but not a duration after the header's sex: "পুরুষ, ১ বছর ধরে" (a man, for a year).
_HEADER_DURATION = _nfc(r"\s*(?:বছর|মাস|সপ্তাহ|দিন|bochor|bosor|mash|mas|soptaho|din|y|yrs?|years?)?\s*"
                        r"(?:ধরে|থেকে|আগে|যাবত|dhore|theke|age|aage|jabot|for|ago)(?![a-z\u0980-\u09ff])")
# An age before the sex word: "৬৬ বছর পুরুষ", "৪৮ বছরের মহিলা", "60 bochor purush", "35 bochorer mohila".
_AGE_BEFORE_SEX = _nfc(r"(?<![\d.])(\d{1,3})\s*(?:বছর|বছরের|বছর বয়সী|বছর বয়সী|bochor|bochorer|bochhor|bosor|bosorer|"
                       r"boshor)\s*(?:er\s+)?(পুরুষ|মহিলা|নারী|লোক|ভদ্রলোক|ভদ্রমহিলা|purush|mohila|mahila|lok|"
                       r"bhodrolok|bhodromohila)(?![a-z\u0980-\u09ff])")
# An age opening the text or a sentence, ending its clause: "৬৫ বছর, ৩ সপ্তাহ ধরে কাশি", "72 bochor. matha ghore".
_AGE_OPENING = _nfc(r"(?:^|(?<=[.।:;!?\n]))(\s*)(\d{1,3})\s*(?:বছর|বছরের|bochor|bochorer|bosor|boshor)(?=\s*[,.।;:)]|\s*$)")
# Weeks of pregnancy said of the writer or a wife without the word "pregnant": "আমার বউ ৩২ সপ্তাহ,", "stri 30 soptaho.",
# "ami 34 week," (6 to 42 weeks, ending the clause; "ami 3 soptaho dhore..." is how long).
_WIFE_WEEKS = _nfc(r"(?<![a-z\u0980-\u09ff])(আমি|বউ|বউয়ের|বৌ|স্ত্রী|স্ত্রীর|ami|bou|bour|stri|strir|wife)\s+(?:এখন\s+|ekhon\s+)?"
                   r"(\d{1,2})\s*(সপ্তাহ|soptaho|soptah|shoptaho|saptaho|weeks?|wks?)"
                   r"(?=\s*(?:[,.।;:!?)\n]|$|চলছে|cholche|চলে|cole))")
# Weeks "running" opening the text or a sentence are weeks of pregnancy: "৭ সপ্তাহ চলতেছে, সকালে বমি বমি লাগে",
# "12 soptaho cholche.", also after "my" ("আমার ১১ সপ্তাহ চলে", "amar 11 soptaho chole") (6 to 42 weeks; an illness
# that goes on is said "৩ সপ্তাহ ধরে", not "চলছে").
_WEEKS_RUNNING = _nfc(r"(?:^|(?<=[.।:;!?\n]))(\s*(?:আমার\s+|amar\s+)?)(\d{1,2})\s*(?:সপ্তাহ|soptaho|soptah|shoptaho|saptaho|weeks?)\s+"
                      r"(?=(?:চলছে|চলতেছে|চলতেসে|চলে|চলতাছে|cholche|choltese|cholteche|cholse|chole|choltase)(?![a-z\u0980-\u09ff])"
                      r"(?!\s*(?:গেছে|গেল|গেলো|গিয়েছে|গিয়েছে|যায়|যায়|যাচ্ছে|gese|geche|gelo|gechhe|jay|jacche)(?![a-z\u0980-\u09ff])))")
_PERSON_BN = _n(r"(?:দাদি|দাদী|দাদা|দাদু|নানি|নানী|নানা|নানু|মা|বাবা|আব্বা|আব্বু|আম্মা|আম্মু|স্বামী|স্ত্রী|বউ|বৌ|ছেলে|মেয়ে|"
                r"বাচ্চা|বাবু|শিশু|ভাই|বোন|রোগী|চাচা|চাচি|খালা|খালু|মামা|মামি|ফুপু|নাতি|নাতনি|শাশুড়ি|শ্বশুর|"
                r"dadi|dada|dadu|nani|nana|nanu|ammu|abbu|amma|abba|shami|stri|bou|chele|meye|baccha|babu|bhai|bon|"
                r"rogi|chacha|chachi|khala|mama|mami|fupu|nati|natni)")
# A bare age right after a person, ending its clause: "ছেলে ১৮, ভার্সিটিতে", "আম্মা ৬৫, ডায়াবেটিস", "meye 12." (years);
# and the writer's own, "ami 58, ..." / "আমি ৫৮।" (as the English "im 72."); a full stop after the number ends the
# clause (the reader has made "।" a full stop), only a decimal ("meye 12.5") is not an age.
_AGE_BARE_AFTER_PERSON = _nfc(r"(?<![a-z\u0980-\u09ff])(" + _CHILD + r"|" + _PERSON_BN + r"|ami|আমি)\s+(\d{1,3})(?!\d|\.\d)"
                              r"(?=\s*(?:[,.।;:)]|$))")
_BRACKETED_AGE = _nfc(r"(?<![a-z\u0980-\u09ff])(" + _PERSON_BN + r"(?:য়ের|য়ের|র|এর|ের|কে|r|er|yer)?)\s*[(\[]\s*"
                      r"(\d{1,3}(?:\.5)?)\s*"
                      r"(বছর|মাস|সপ্তাহ|দিন|bochor|bosor|mash|mas|soptaho|din|y|m|yrs?|years?|months?)?\s*([)\]]|,)")

# A trailing না after a word that is not a verb: "প্রস্রাব লাল না", "ব্যথা বেশি না" (not "ঘুমাতে পারি না").
_TRAILING_NA = _nfc(r"(?<![\u0980-\u09ff])([\u0980-\u09ff]+)\s+না(?=\s*(?:[,.;:!?\n]|$|তো|কিন্তু))")
_VERB_ENDINGS = tuple(_n(e) for e in (
    "ছে", "ছি", "ছেন", "ছিস", "ছো", "চ্ছে", "তে", "লাম", "লেন", "লো", "ল", "বে", "বো", "ব", "বেন", "য়", "য়", "ে",
    "ি", "ই", "ন", "ছ", "স"))
_NOT_VERBS = frozenset(_n(w) for w in (
    "বেশি", "লাল", "কালো", "হলুদ", "সাদা", "নীল", "শক্ত", "ফোলা", "গরম", "ঠান্ডা", "ব্যথা", "রক্ত", "জ্বর", "বড়", "বড়",
    "ভারী", "তেমন", "খুব", "বেশী", "কিছু", "ভালো", "খারাপ", "পাতলা", "টক", "গন্ধ", "নরম", "আগের", "নতুন", "জোরে",
    "একদম", "মোটেও", "অতটা", "ততটা", "সব", "সবসময়", "সবসময়", "প্রতিদিন", "রোজ", "ঘন", "কম",
    # adjectives that end like a verb ("দুর্বল" like "গেল", "ফ্যাকাশে" like "করে"): "হাত পা দুর্বল না" is no weakness
    "দুর্বল", "ফ্যাকাশে", "ঝিমঝিমে",
    # "in the stool" ends like a verb ("পায়খানায় রক্ত", "paykhanay rokto"): a place, not a verb
    "পায়খানায়", "paykhanay", "paikhanay", "paykhanai", "paikhanai", "pykhanay"))


def _trailing_na(match: re.Match) -> str:
    word = match.group(1)
    if word in _NOT_VERBS or not word.endswith(_VERB_ENDINGS):
        return f"{word} {_n('নাই')}"
    return match.group(0)


# The negative past of "say" and "do": "boleni", "koreni", "বলেনি", "করেনি" ("didn't say", "didn't do") read as
# "bole nai"; "ওজন কমেনি" ("weight hasn't dropped") likewise ("ব্যথা কমেনি", the pain goes on, is left as it is).
_NEGATIVE_PAST = _nfc(r"(?<![a-z\u0980-\u09ff])(bole|bolen|kore|koren|janay|বলে|বলেন|করে|করেন|জানায়|জানায়)"
                      r"(?:\s*)(ni|নি)(?![a-z\u0980-\u09ff])")
# "hoy ni" (has not happened) is written apart as often as "hoyni" and reads the same; "lageni", "লাগেনি" (has not
# touched, has not been felt: "mukh e lageni", "জয়েন্টে লাগেনি") and "lage ni" deny what comes before them, read as
# "nai" (the verb dropped, so a list it closes, "mukh, talu ba joint e lageni", is a plain list denied as a whole).
_HAPPENED_NOT = re.compile(r"(?<![a-z])(hoy|hoi)\s+ni(?![a-z])")
_TOUCHED_NOT = _nfc(r"(?<![a-z\u0980-\u09ff])(lage|lagey|লাগে)\s*(ni|নি)(?![a-z\u0980-\u09ff])")
# "ওজন কমছে না", "ওজন কমতেছে না", "ojon komtese na" (weight is not going down) deny weight loss the same way.
_WEIGHT_NOT_DOWN = _nfc(r"(?<![a-z\u0980-\u09ff])(ওজন|ojon|wojon|weight)\s+(কমে|kome)\s*(নি|ni)(?![a-z\u0980-\u09ff])"
                        r"|(?<![a-z\u0980-\u09ff])(ওজন|ojon|wojon|weight)\s+(কমছে|কমতেছে|কমতাছে|কমে|komche|komchhe|komtese|"
                        r"komteche|komtase|kome)\s*(না|na)(?![a-z\u0980-\u09ff])")

# An illness weeks, months or years ago is over: "2 mash age jondis hoyechilo", "৩ সপ্তাহ আগে জ্বর হয়েছিল", and with
# the English unit romanised Bangla often types ("1 week age flu holo", "2 month age typhoid hoisilo").
_ILLNESS_AGO = _nfc(
    r"(\d{1,2}(?:\.5)?)\s*(soptah\w*|saptah\w*|shoptah\w*|mash|mas|bochh?or|bosor|din|weeks?|wks?|months?|years?|yrs?|"
    r"days?|সপ্তাহ|মাস|বছর|দিন)\s+"
    r"(?:age|aage|agey|আগে)\s+((?:(?!shuru|suru|start|theke|শুরু|থেকে)[^\s,.;:!?])+(?:\s+(?!shuru|suru|start|theke|"
    r"শুরু|থেকে)[^\s,.;:!?]+){0,4}?)\s+(hoise|hoisilo|hoyechilo|hoyeche|hoiche|hoechilo|holo|hoilo|chilo|silo|"
    r"হয়েছিল|হয়েছিলো|হয়েছে|হইছে|হইছিল|ছিল|ছিলো|হল|হলো)(?![a-z\u0980-\u09ff])")


# (in days only from a week back: "15 din age jor hoisilo" is over, "3 din age jor hoise" may be going on); and
# "last month": "গত মাসে জ্বর হইছিল", "goto mashe jor hoisilo".
_LAST_MONTH = _nfc(r"(?<![a-z\u0980-\u09ff])(?:গত মাসে|গত মাসের শুরুতে|goto mashe|goto mase|gato mase|gato mashe|"
                   r"goto maser|gotomashe)\s+(?=" + _ILLNESS_AGO.pattern.split(r"(?:age|aage|agey|আগে)\s+", 1)[1] + ")")


# A fever that "has come down" ("জ্বর কমে গেছে", "jor kome gese") is over, like "জ্বর ছেড়ে গেছে".
# A fever "healed" ("জ্বর সেরেছে", "jor sere gese"), alone or with the cold it came with ("জ্বর-সর্দি সেরেছে ১০ দিন
# আগে"), is over like one that has come down: the fever read as "ছেড়ে গেছে", the cold as "সেরে গেছে" (a cold that has
# passed).
_FEVER_HEALED = _nfc(r"(?<![a-z\u0980-\u09ff])(জ্বর|jor|jwor)(?:\s*[-–]\s*|\s+(?:(?:ar|r|o|আর|ও)\s+)?)?"
                     r"(সর্দি|sordi|shordi)?\s*(?:সেরেছে|সেরে গেছে|সেরে গিয়েছে|সেরে গিয়েছে|sereche|sere gese|"
                     r"sere geche|"
                     r"sere gechhe|ভালো হয়ে গেছে|ভালো হয়ে গেছে|bhalo hoye gese|valo hoye gese|bhalo hoye geche)"
                     r"(?![a-z\u0980-\u09ff])")


def _fever_healed(match: re.Match) -> str:
    over = f"{match.group(1)} {_in_script(match.group(0), 'chere gese', 'ছেড়ে গেছে')}"
    if match.group(2):
        over += f" , {match.group(2)} {_in_script(match.group(0), 'sere gese', 'সেরে গেছে')}"
    return over


_FEVER_CAME_DOWN = _nfc(r"(?<![a-z\u0980-\u09ff])(জ্বর|jor|jwor)\s+(?:কমে|kome)\s+(?:গেছে|গেছিল|গেছিলো|gese|geche|gechhe|gesilo|gechilo)"
                        r"(?![a-z\u0980-\u09ff])")
# An injury weeks, months or years back ("৬ মাস আগে ... চোট পেয়েছিল", "6 mash age hatu te chot") is how long ago it
# began: "6 months ago", as the English reader reads it.
_INJURY_AGO = _nfc(r"(?<![\d.])(\d{1,2})\s*(soptah\w*|saptah\w*|shoptah\w*|mash|mas|bochh?or|bosor|weeks?|wks?|months?|"
                   r"years?|yrs?|সপ্তাহ|মাস|বছর)\s+"
                   r"(?:age|aage|agey|আগে)(?=[^.।!?\n]{0,60}?(?:চোট|আঘাত|ইনজুরি|chot|aghat|injury))")


def _illness_over(match: re.Match) -> str:
    if _unit_kind(match.group(2)) == "d" and float(match.group(1)) < 7:
        return match.group(0)
    return (f"{match.group(1)} {match.group(2)} ago , {match.group(3)} {match.group(4)} in the past ,")


# "About" a time: "প্রায় ২ মাস", "prai 1 bochor" is how long (not "প্রায় ৭০ বছর বয়স", an age).
_ABOUT_TIME = _nfc(r"(?<![a-z\u0980-\u09ff])(?:প্রায়|প্রায়|prai|praay|pray|prae|praye)\s+(\d{1,3}(?:\.5)?)\s*"
                   r"(দিন|সপ্তাহ|মাস|বছর|din|soptaho|soptah|saptaho|shoptaho|mash|mas|bochor|bochhor|bosor|boshor)"
                   r"(?![a-z\u0980-\u09ff])(?!\s*(?:বয়স|বয়স|boyos|boyosh|er\s|এর\s))")


def _about_time(match: re.Match) -> str:
    return f"about {match.group(1)} {({'d': 'days', 'w': 'weeks', 'm': 'months', 'y': 'years'})[_unit_kind(match.group(2))]}"


# Not getting better: "ব্যথা কমছে না", "matha betha komche na", "napa te kaj hoy na", "ঘা সারছে না", "ঘা শুকাচ্ছে না"
# (a sore that does not dry up, "gha shukay nai") say the symptom goes
# on (and, with a medicine, that it has not helped; "gorom pani dei tao thik hoy na", it does not get well even so);
# read as "no better", so the "na"/"nai" after the verb does not
# negate the symptom before it. "ওজন কমেনি" (weight has not dropped) and the like stay negations, and so does "kaj
# kore na" / "কাজ করেনি" (does not work, did not do), which is as often about a job or a deed as about a medicine.
_NOT_BETTER = _nfc(
    r"(?<![a-z\u0980-\u09ff])(?:"
    r"kom(?:che|chhe|tese|teche|tesi|e|e jay|e jacche)\s*(?:na|nai|ni)|kom(?:chena|chhena|tesena|ena|eni|ena)|"
    r"kom\s+(?:hocche|hochhe|hoche|hoitese|hoy)\s*(?:na|nai)|kom hoyna|kom hoyni|"
    r"sar(?:che|chhe|tese|e)\s*(?:na|nai|ni)|sar(?:chena|tesena|ena|eni)|"
    r"shuk(?:ay|ai|acche|achhe|aitese|aiteche)\s*(?:na|nai|ni)|shuk(?:ayna|ayni|acchena)|"
    r"(?:bhalo|valo|bhal|val|thik)\s+(?:hocche|hochhe|hoche|hoitese|hoy|hoi)\s*na|(?:bhalo|valo)\s+(?:hoy\s*nai|hoyni)|"
    r"(?:kaj|kaaj|upokar|aram)\s+(?:hoy|hocche|hochhe|hoche|hoitese|hoilo)\s*(?:na|nai|ni)|"
    r"(?:kaj|kaaj)\s+(?:korche|kortese|korteche)\s*na|(?:kaj|kaaj|upokar)\s+(?:hoyna|hoyni|kortesena|korchena)|"
    r"কম(?:ছে|তেছে|ে|ে যায়|ে যায়|ে যাচ্ছে)\s*(?:না|নাই|নি)|কম\s+(?:হচ্ছে|হয়|হয়|হইতেছে)\s*(?:না|নাই|নি)|"
    r"শুকা(?:য়|য়|চ্ছে|ইতেছে)\s*(?:না|নাই|নি)|"
    r"সার(?:ছে|তেছে|ে)\s*(?:না|নাই|নি)|ভালো? (?:হচ্ছে|হইতেছে)\s*না|ভালো? (?:হয়|হয়)\s*(?:নি|নাই)|ঠিক (?:হচ্ছে|হয়|হয়)\s*না|"
    r"(?:কাজ|উপকার|আরাম)\s+(?:হয়|হয়|হচ্ছে|হলো|হল)\s*(?:না|নাই|নি)|কাজ\s+(?:করছে|করতেছে)\s*না"
    r")(?![a-z\u0980-\u09ff])")
# "hothat kore kome nai" (it has not dropped suddenly) denies the suddenness, not a treatment's effect.
_NOT_BETTER_KEEP = _nfc(r"(?:ওজন|ojon|wojon|weight|platelet|প্লাটিলেট|প্লেটলেট|"
                        r"(?:hothat|hotat|hothath|হঠাৎ|হটাৎ)(?:\s+(?:kore|korei|koira|করে|কইরা))?)\s*$")


def _not_better(match: re.Match) -> str:
    if _NOT_BETTER_KEEP.search(match.string, max(0, match.start() - 12), match.start()):
        return match.group(0)
    return " no better "


# Romanised "na" after a verb of ability, stopping, eating, wanting or sleeping negates that verb, not the words
# before it: "buke betha r jonno ghumate parchi na" (can't sleep for the chest pain), "kashi thamche na", "baccha dudh
# khacche na", "jor jacche na" (the fever won't go) keep the pain, the cough, the baby and the fever; the verb and its
# "na" are read as one word ("parchi na" as "parchina"), in the text and in the knowledge's own phrases alike.
_VERB_NA = re.compile(
    r"(?<![a-z])(par(?:chi|che|chhi|chhe|chen|chhen|i|e|en|tesi|tese|teche|techi|tesen|lam|lo|bo|ben|ten)|"
    r"tham(?:che|chhe|e|tese|teche|chen)|khacche|khachhe|khachche|khacchen|khay|khan|khaitese|khaiteche|"
    r"chay|chai|chacche|chaitese|ghumacche|ghumachhe|ghumay|ghumacchen)\s+na(?![a-z])")
_SYMPTOM_GOES_ON = re.compile(
    r"(?<![a-z])((?:jor|jwor|jwar|jvor|zor|kashi|kasi|betha|bhetha|batha|byatha|bytha|chulkani|jala|jwala|"
    r"gha|sordi|pain|bomi|dayria)\s+)(?:(?:kichutei|kisutei|kichuteo|ekdom|akdom|ekdomi)\s+)?"
    r"(jacche|jachhe|jay|jai|jaitese|jaiteche)\s+na(?![a-z])")


# One spelling for the pain word, so every phrase written with one spelling reads them all: romanised "bhetha",
# "batha", "bytha", "bethha", "beetha"... as "betha" ("byatha" is left as written: its phrases are written out) (endings kept: "bhethay" is "bethay"); in Bangla script
# "ব্যাথা" as "ব্যথা", and a pain word joined to its place ("মাথাব্যথা", "পেটব্যাথা") written apart ("মাথা ব্যথা").
# A medicine that is not taken ("blood thinner khay na", "রক্ত পাতলার ওষুধ খান না", "aspirin nen na"): the medicine is
# denied, as "... nai"; "khay na" alone (not eating) is left to the rules below.
_MEDICINE_NOT_TAKEN = _nfc(r"(?<![a-z\u0980-\u09ff])((?:blood thinner|thinner|oshudh|osudh|oshud|ousad|oushodh|medicine|tablet|"
                           r"aspirin|warfarin|clopidogrel|apixaban|rivaroxaban|ecosprin|insulin|pill|ওষুধ|ঔষধ|ট্যাবলেট|"
                           r"অ্যাসপিরিন|ইনসুলিন|ওয়ারফারিন|বড়ি)[a-z\u0980-\u09ff]*)\s+(?:khay|khan|khai|nen|nay|ney|খায়|খান|খাই|নেন|"
                           r"নেয়)\s*(?:na|না)(?![a-z\u0980-\u09ff])")
# An emoji typed between two sentences ("gile fesleche 😅 kono betha nai") ends the sentence, so a denial after it does
# not reach back over it.
_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]+(?:\uFE0F)?")
_PAIN_SPELLING = re.compile(r"(?<![a-z])(?:bhetha|vetha|batha|bytha|baytha|bettha|bethha|beatha|beetha)")
# "বেদনা" is the other Bangla word for pain ("তলপেটে খুব বেদনা", "মাথা বেদনা"), said across the eastern and southern
# dialects as often as "ব্যথা": read as "ব্যথা", in the text and the knowledge alike.
_PAIN_SPELLING_BN = _nfc(r"ব্যাথা|(?<![\u0980-\u09ff])বেদনা")
_PAIN_JOINED_BN = _nfc(r"(?<=[\u0980-\u09ff])(?<!\u09cd)(ব্যথা)")
_KOMOR = re.compile(r"(?<![a-z])kumor")


# Sylheti and Chittagonian "বিষ" is pain ("পেটো বিষ", "মাথা বিষ করের", "তলপেটর ডাইন মিক্কা এত বিষ", "হাটলে বিষ
# বাড়ে"), romanised "pet bish"; elsewhere it is poison ("বিষ খাইছে", "ইঁদুর মারার বিষ"). Read as pain only after a
# place of the body (up to three words before it), after a word of how much ("এত বিষ"), or before a verb of pain
# ("বিষ বাড়ে", "বিষ করে"), and never before a verb of taking or giving ("বিষ খেয়েছে", "বিষ মিশাইছে", "পেটে বিষ গেছে").
_BN_BODY = _n(r"(?:তলপেট|পেট|মাথা|বুক|পিঠ|কোমর|কোমড়|মাজা|হাত|পা|গা|গাও|গতর|শরীর|গলা|দাঁত|দাত|কান|চোখ|হাঁটু|হাটু|কাঁধ|"
              r"ঘাড়|ঘাড়|পাঁজর|নাভি|গিরা|উরু|আঙুল)(?:টা|টার|ের|এর|র|ে|ো|ত|তে|য়|য়|য়ে|য়ে|ও|র\s+ভিতর|র\s+ভিত্রে)?")
_BN_PAIN_VERB = _n(r"(?:বাড়|বাড়|বাড|শুরু|করে|করের|করছে|করতেছে|করতাছে|গরে|গরের|গরর|লাগে|লাগের|লাগছে|কমে|কমছে|উঠে|উঠছে|ওঠে)")
_BN_HOW_MUCH = _n(r"(?:এত|এতো|খুব|বেশি|বেশী|অনেক|ভীষণ|ভীষন|প্রচণ্ড|প্রচন্ড|হালকা|অল্প|খালি|খুউব)")
_BN_POISON_VERB = _n(r"(?:খ|পান|গিল|কিন|জোগা|মিশ|দি|দে|ঢাল|গেছ|গেল|গিয়|ঢুক|লাগা|ছিট|স্প্রে|মার)")
_DIALECT_PAIN_AFTER_PLACE = _nfc(r"(?<![\u0980-\u09ff])((?:" + _BN_BODY + "|" + _BN_HOW_MUCH + r")(?![\u0980-\u09ff])"
                                 r"(?:\s+[\u0980-\u09ff]+){0,3}?\s+)বিষ(?![\u0980-\u09ff])(?!\s*" + _BN_POISON_VERB + r")")
_DIALECT_PAIN_BEFORE_VERB = _nfc(r"(?<![\u0980-\u09ff])বিষ(?=\s+" + _BN_PAIN_VERB + r")")
_DIALECT_PAIN_ROMAN = re.compile(r"(?<![a-z])((?:pet|peto|pete|peter|petor|tolpet|tolpete|tolpeter|tolpetor|matha|mathay|mathar|"
                                 r"buk|buke|buker|komor|komore|komorer|pith|pithe|gola|golay|dat|daat|kan|kane|hat|haat|pa|"
                                 r"paa|paye|gao|gaye|hatu|kadh|ghar)\s+)bish(?![a-z])(?!\s*(?:kh|pan|gil|kin|jog|mish|di|de|"
                                 r"din|mash|mas|bochor|ta|jon|taka|min|ghonta|soptah|\d))")
# Sylheti and Chittagonian "ডাইন" (right) before a side ("ডাইন দিকে", "ডাইন পাশে", "ডাইন মিক্কা"), and
# Chittagonian "মিক্কা" (towards, on the side of: "তলপেটর ডাইন মিক্কা"), are the standard "ডান" and "দিকে".
_DIALECT_RIGHT = _nfc(r"(?<![\u0980-\u09ff])ডাইন(?=\s+(?:মিক্কা|মিক্যা))")
_DIALECT_TOWARDS = _nfc(r"(?<![\u0980-\u09ff])(?:মিক্কা|মিক্যা|মুক্কা)(?![\u0980-\u09ff])")
# Paracetamol every six hours or more ("napa 6 ghonta por por", "৬ ঘণ্টা পর পর নাপা") is at most four doses a day, the
# dose on the packet (NHS Paracetamol for adults: no more than 4 doses in 24 hours), not an overdose: "N ঘণ্টা পর পর"
# with N of 6 or more is read as the standard "N ঘণ্টা অন্তর" (every N hours). A shorter interval is left as it is
# ("2 ta 4 ghonta por por" may be six doses, too many).
_EVERY_HOURS = _nfc(r"(?<![\d.])(\d{1,2})\s*(ghonta|ghontar|ghanta|ঘণ্টা|ঘন্টা)\s+(?:por\s+por|porpor|pore\s+pore|পর\s+পর|পরপর)"
                    r"(?![a-z\u0980-\u09ff])")


def _every_hours(match: re.Match) -> str:
    if int(match.group(1)) < 6:
        return match.group(0)
    return f"{match.group(1)} {match.group(2)} {_in_script(match.group(2), 'ontor', 'অন্তর')}"


# The spoken continuous "-তেসি/-তেসে/-তেসেন" ("পারতেসি না", "দিতেসেন না", "ঘামতেসে") is the written "-তেছি/-তেছে/-তেছেন":
# read as that, in the text and the knowledge alike. Only at the end of a word, after a verb stem.
_CONTINUOUS_SPOKEN = _nfc(r"(?<=[\u0980-\u09ff])তেস(ি|ে|েন|ো)(?![\u0980-\u09ff])")


# "আঙ্গুল" and "আংগুল" (finger, toe) are "আঙুল" written another way: read as "আঙুল", in the text and the knowledge alike.
_FINGER_SPELLING = _nfc(r"আঙ্গুল|আংগুল")


# A wound or patch that "does not look like much" with severe pain after it ("দেখতে অত খারাপ না, কিন্তু ব্যথা অসহ্য",
# "dekhte kichu na kintu betha prochondo") is pain worse than it looks (NICE CKS Cellulitis: necrotising fasciitis);
# read as the English "hurts more than it looks". Only when the pain that follows is called severe.
_LOOKS_LITTLE = _nfc(
    r"(?<![a-z\u0980-\u09ff])(?:দেখতে|দেখলে|dekhte|dekhle)\s+(?:(?:অত|অতটা|অতো|তেমন|ততটা|বেশি|খুব|oto|otota|temon|"
    r"totota|beshi|khub)\s+)?(?:কিছু|কিছুই|খারাপ|বড়|বড়|kichu|kichui|kharap|boro)\s+(?:(?:লাগে|মনে হয়|মনে হয়|lage|"
    r"mone hoy)\s+)?(?:না|নাই|na|nai)(?![a-z\u0980-\u09ff])\s*,?\s*(?:(?:কিন্তু|তবে|অথচ|kintu|tobe|othocho|but)\s+)?")
_SEVERE_PAIN_AFTER = _nfc(
    r"^[^.;:!?,\n]{0,40}?(?:(?:ব্যথা|যন্ত্রণা|betha|byatha|jontrona|pain)[^.;:!?,\n]{0,15}?(?:অসহ্য|প্রচণ্ড|প্রচন্ড|ভীষণ|"
    r"মারাত্মক|তীব্র|খুব বেশি|অনেক বেশি|osojjo|oshojjo|osojo|oshojo|prochondo|procondo|prochando|bhishon|vishon|"
    r"marattok|tibro|khub beshi|onek beshi|unbearable|severe)|(?:অসহ্য|প্রচণ্ড|প্রচন্ড|ভীষণ|osojjo|oshojjo|prochondo|"
    r"bhishon)\s+(?:ব্যথা|যন্ত্রণা|betha|byatha|jontrona))")


# A wound that "looks small" ("কাটাটা দেখতে ছোট কিন্তু ব্যথা অনেক বেশি", "dekhte choto kintu betha bhishon") with severe pain
# after it reads the same way.
_LOOKS_SMALL = _nfc(
    r"(?<![a-z\u0980-\u09ff])(?:দেখতে|দেখলে|dekhte|dekhle)\s+(?:(?:একদম|খুব|অনেক|একটু|ekdom|khub|onek|ektu)\s+)?"
    r"(?:ছোট|ছোটো|ছোট্ট|সামান্য|choto|chhoto|chotto|soto|samanno|shamanno|samanyo)(?:\s+(?:লাগে|মনে হয়|মনে হয়|হলেও|"
    r"lage|mone hoy|holeo|hoileo))?(?![a-z\u0980-\u09ff])\s*,?\s*(?:(?:কিন্তু|তবে|অথচ|kintu|tobe|othocho|but)\s+)?")


def _looks_little(match: re.Match) -> str:
    if _SEVERE_PAIN_AFTER.search(match.string[match.end():match.end() + 80]):
        return " hurts more than it looks , "
    return match.group(0)


# A count of ten or more tablets taken at once, in Bangla: "২০টা ঘুমের ওষুধ খেয়ে ফেলেছে", "napa 15 ta khaise", "নাপা
# খাইয়া ফেলছে, ১৫-২০টা" read as "overdosed", as the reader does for "took 20 paracetamol" (NICE CKS Poisoning or
# overdose): in a sentence that names a medicine and a past "ate"/"swallowed"; not a time ("১০টা বাজে", "রাত ১১টা"),
# nor a daily count ("দিনে ১০টা").
_PILL_COUNT = _nfc(r"(?<![\d.])(\d{1,3})(?:\s*(?:-|–|থেকে|theke|ba|বা)?\s*(\d{1,3}))?\s*(?:টা|টি|খানা|পিস|ta|ti|khana|pis)"
                   r"(?![a-z\u0980-\u09ff])(?!\s*(?:বাজে|বাজ|থেকে|পর্যন্ত|baje|theke|porjonto|e\s)(?![a-z\u0980-\u09ff]))")
_PILL_WORD = _nfc(r"(?<![a-z\u0980-\u09ff])(?:ওষুধ|ঔষধ|ওসুধ|ট্যাবলেট|ট্যাবলেট|বড়ি|বড়ি|নাপা|প্যারাসিটামল|ক্যাপসুল|পিল|"
                  r"oshudh|osudh|oshud|osud|ousudh|oushod|tablet|tab|tabs|bori|napa|paracetamol|capsule|pill|pills)")
_SWALLOWED = _nfc(r"(?<![a-z\u0980-\u09ff])(?:খেয়ে|খেয়ে|খেয়েছ|খেয়েছ|খাইছ|খাইস|খাইয়া|খাইয়া|খাইল|খেলো|গিলে|গিলছ|"
                  r"kheye|kheyech|kheyes|khaise|khaisi|khaiche|khaichi|khaiya|khaia|khailo|khelo|gile|gilse|gilche)")
_PER_DAY_BEFORE = _nfc(r"(?:দিনে|প্রতিদিন|রোজ|মাসে|সপ্তাহে|সকাল|রাত|রাতে|দুপুর|বিকাল|বিকেল|সন্ধ্যা|dine|protidin|roj|"
                       r"mase|mashe|soptahe|sokal|rat|raat|rate|dupur|bikal|bikel|sondha|daily|a day)\s*$")
_SENTENCE_END = re.compile(r"[.!?\n]")


def _pill_count(match: re.Match) -> str:
    numbers = [int(n) for n in match.groups() if n]
    if min(numbers) < 10 or max(numbers) > 500:
        return match.group(0)
    text = match.string
    if _PER_DAY_BEFORE.search(text, max(0, match.start() - 12), match.start()):
        return match.group(0)
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    start = max([e + 1 for e in ends if e < match.start()], default=0)
    end = min([e for e in ends if e >= match.end()], default=len(text))
    sentence = text[start:end]
    if _PILL_WORD.search(sentence) and _SWALLOWED.search(sentence):
        return match.group(0) + " overdosed "
    return match.group(0)


# "গরমে" / "gorome" is "in the heat" (the weather), not skin that feels hot ("লাল আর গরম"): "গরমে পিঠে লাল ঘামাচি" is a
# heat rash, not a hot red patch. Read as one word for the hot season, in the text and in the knowledge alike.
# Specks of blood in the phlegm ("কফের সাথে রক্তের ছিটা", "thuthu te rokter chita") are blood in the sputum, not the
# blood-spot rash the words also name (NICE NG12 haemoptysis; the rash is NICE NG240's): read as "রক্ত" / "rokto".
_SPUTUM_SPECKS = _nfc(r"((?:কফ|থুতু|থুথু|কাশি|কাশির|কাশলে|kof|thuthu|thutu|kashi|kashir|kashle|cough|sputum|phlegm)[a-z\u0980-\u09ff]*"
                      r"\s+(?:(?:এর|er|r)\s+)?(?:(?:সাথে|সঙ্গে|সাথ|sathe|shathe|songe|shonge|te|e|তে)\s+)?)"
                      r"(?:রক্তের ছিটা|রক্তের ছিটে|rokter chita|rokter chhita|rokter chite)[a-z\u0980-\u09ff]*")
_IN_THE_HEAT = _nfc(r"(?<![\u0980-\u09ff])গরমে(?![\u0980-\u09ff])")
_IN_THE_HEAT_ROMAN = re.compile(r"(?<![a-z])gorome(?![a-z])")


# "নয়" (is not) ending a clause: "হাঁটু লাল বা গরম নয়" reads like "... না"; the negative past of "go" ("আটকে যায়নি",
# "fule jayni": has not got stuck, swollen) like "নাই".
# Chittagonian "ন" (not) stands before its verb or after an adjective: "কিছু ন হয়" (nothing happens), "লাল ন" (not
# red): read as the standard "হয় নাই", "লাল নাই", a denial of what comes before.
_CTG_NOT_VERB = _nfc(r"(?<![\u0980-\u09ff])ন\s+([\u0980-\u09ff]+)(?![\u0980-\u09ff])")
# ... but "ন পারি"/"ন পারির" (cannot: "খাড়াই ন পারির", I can't stand up) is the standard "পারি না", a verb of ability
# that denies the doing, not the pain or the suddenness before it (as "দাঁড়াতে পারতেছি না" is read).
_CTG_CANNOT = _n("পার")


def _ctg_not_verb(match: re.Match) -> str:
    verb = match.group(1)
    if verb.startswith(_CTG_CANNOT):
        return f"{verb} {_n('না')}"
    return f"{verb} {_n('নাই')}"
_CTG_NOT_END = _nfc(r"(?<![\u0980-\u09ff])ন(?=\s*(?:[,.;:!?।\n—-]|$))")
_NOY = _nfc(r"(?<![\u0980-\u09ff])(?:নয়|নয়)(?=\s*(?:[,.;:!?।\n—-]|$))")
_NOY_ROMAN = re.compile(r"(?<=[a-z] )noy(?=\s*(?:[,.;:!?\n-]|$))")
# "বমি বমি লাগে", "বমি ভাব", "bomi bomi lagche": feeling sick, not being sick (NHS: "feeling sick (without
# vomiting)" after a head injury is a minor symptom; vomiting is a red flag, NICE NG232)
_NAUSEA = _nfc(r"(?<![\u0980-\u09ff])বমি\s+(?:বমি\s+)?(?:ভাব|লাগ[\u0980-\u09ff]*)(?![\u0980-\u09ff])"
               r"|(?<![a-z])(?:bomi|bomee|vomi)\s+(?:bomi\s+|bomee\s+|vomi\s+)?(?:bhab|vab|bhaab|vaab|lag[a-z]*)(?![a-z])")
# "চোখ ঠেলে বের হয়ে আসেনি", "chokh thele ber hoye asheni" (has not bulged out): the negative past of "come out" read
# as "নাই" (only "come out": "জ্ঞান ফিরে আসেনি", consciousness has not come back, is a finding and left as it is).
_CAME_OUT_NOT = _nfc(r"(?<![a-z\u0980-\u09ff])((?:বের|ber)\s+(?:হয়ে|হয়ে|hoye|hoe)\s+)(?:আসেনি|আসে\s+নি|asheni|aseni|ashe\s+ni|ase\s+ni)"
                     r"(?![a-z\u0980-\u09ff])")
# Romanised "jore jore" (loudly, hard: "jore jore kotha bolechi", "jore jore shash nicche") is not "jor" (fever):
# read as the English "forcefully" (the knowledge's own "jore jore ~ shash" is read the same way).
_LOUDLY = re.compile(r"(?<![a-z])jore\s+jore(?![a-z])")
# Likewise "jore" after "onek", "khub" (very hard, very loud: "TV onek jore dey") or before a verb of doing something
# hard or loud ("jore chap dile", "jore kotha bolle", "jore dey"); and before taking a breath it is a deep breath
# ("jore shash nile betha", pain on a deep breath), read as "deeply". "jore khichuni", "jore kapche" (fits, shivering
# in a fever) stay a fever. "jore bomi kore" (vomits with force, NICE CKS pyloric stenosis: projectile vomiting) is
# "forcefully bomi".
_DEEPLY = re.compile(r"(?<![a-z])jore\s+(?=(?:shash|shas|shwas|swas|nishash|nisshash|nissash|nisas|dom)\s+"
                     r"(?:nile|nite|nei|nicchi|nilei|newa|neya|neoa|nile\s+o)(?![a-z]))")
_HARD = re.compile(r"(?<![a-z])(?:(onek|khub|beshi|aro|ektu|khubi|bhishon)\s+jore|jore(?=\s+(?:(?:ekta|ekti|akta)\s+)?(?:dey|de|dei|dise|dile|"
                   r"diye|dicche|chap|tan|tane|dhakka|dhaka|kotha|chillai|chillay|chitkar|chechai|hanchi|hanchi|hat|"
                   r"hata|hate|hatle|dour|dourale|bolle|bolte|bole|kande|kandche|bandh|bandha|tipe|tiple|chepe|mar|mare|"
                   r"marse|awaj|shobdo|gaan|ghuri|ghurai|ghurale|tene|tanle|kashle|kashi|kash|bomi)(?![a-z])))(?![a-z])")
# "নেই" after a breath word, once a "when" clause has opened the sentence ("টেনশন হইলে দ্রুত শ্বাস নেই", "bhoy pele
# jore jore shash nei"), is the spoken "I take" (নিই), not "there is none": read as "নিই" / "nii", so the breathing it
# describes is not denied (a breath "নেই" with no "when" before it, "শ্বাস নেই", stays a denial).
_BREATH_TAKEN = _nfc(r"(?<![a-z\u0980-\u09ff])(হলে|হইলে|হলেই|হইলেই|লাগলে|পেলে|hole|hoile|holei|hoilei|lagle|pele)"
                     r"((?:\s+[^\s,.;:!?।\n]+){0,4}?\s+)(শ্বাস|নিঃশ্বাস|নিশ্বাস|দম|shash|shas|shwas|swas|nishash|nisshash|"
                     r"nissash|dom)\s+(নেই|nei)(?![a-z\u0980-\u09ff])")
# "নাই বললেই চলে" ("as good as none": "প্রস্রাব হয় নাই বললেই চলে", "khida nai bollei chole") is very little, not none:
# read as "খুব কম" / "khub kom", so hardly any urine is a little urine (NICE CKS Gastroenteritis), not an empty bladder.
_ALMOST_NONE = _nfc(r"(?<![a-z\u0980-\u09ff])(?:(?:হয়|হয়|hoy|hoi)\s+)?(?:নাই|নেই|না|nai|nei|na)\s+"
                    r"(?:বললেই|বলা|bollei|bolle\s+i|bola|bolai)\s+(?:চলে|chole|cole)(?![a-z\u0980-\u09ff])")
# Romanised "nil" before an inhaler ("nil inhaler", "nil pump": the blue reliever) is the colour নীল, not the English
# "nil" (none) that would deny the asthma it names (BTS/SIGN 158: how often the reliever is needed): read as "blue".
_BLUE_INHALER = re.compile(r"(?<![a-z])nil(?=\s+(?:rong\s*er\s+)?(?:inhaler|inheler|inhelar|pump|pamp)(?![a-z]))")
_WENT_NOT = _nfc(r"(?<![a-z\u0980-\u09ff])(যায়|যায়|jay|jai)\s*(নি|ni)(?![a-z\u0980-\u09ff])")
# Pain denied with its verb: "বুকে ব্যথা হয় না", "চাপ দিলে ব্যথা লাগে না" (no pain) read as "ব্যথা নাই", as the romanised
# "betha hoy na" is (not when someone is reported saying so: "ব্যথা হয় না বললেও"); and "X করার কথা বলে না" (does not talk of doing X) as "বলে নাই", like "বলেনি".
_PAIN_NOT = _nfc(r"(?<![\u0980-\u09ff])(ব্যথা|ব্যাথা|বেদনা)\s+(?:হয়|হয়|লাগে|করে|আসে|ওঠে|উঠে)\s+না(?![\u0980-\u09ff])"
                 r"(?!\s*(?:বললেও|বলল|বলছে|বলছেন|বলেন|বলে)(?![\u0980-\u09ff]))")
# Other findings denied with their verb: "মাথা ঘুরায় না" (no dizziness), "বমি হয় না", "রক্ত যায় না" (no bleeding),
# "বুকের খাঁচা দেবে যায় না", "পাঁজর দেবে যাচ্ছে না" (the chest does not suck in), "ঠোঁট নীল হয় না" (the lips do not turn
# blue), "হাত-পা দুর্বল হয় না" (no weakness), "খিঁচুনি হয় না", "শ্বাসকষ্ট হয় না", "জ্বর আসে না". (Not "প্রস্রাব হয়
# না" or "পায়খানা হয় না": no urine, no stool, are findings; nor "জ্বর যায় না", a fever that will not go.)
_FINDING_NOT = _nfc(r"(?<![\u0980-\u09ff])(মাথা\s+(?:ঘুরায়|ঘুরায়|ঘোরে|ঘুরে)|বমি\s+(?:হয়|হয়|করে|আসে)|"
                    r"রক্ত\s+(?:যায়|যায়|পড়ে|পড়ে|আসে)|(?:দেবে|আটকে)\s+(?:যায়|যায়|যাচ্ছে|যাইতেছে)|"
                    r"(?:নীল|নীলচে|ফ্যাকাশে)\s+(?:হয়|হয়|হচ্ছে|হয়ে\s+যায়|হয়ে\s+যায়)|খিঁচুনি\s+(?:হয়|হয়)|"
                    # thoughts that do not come ("নিজের ক্ষতির চিন্তা আসে না", "মরে যাওয়ার চিন্তা করি না")
                    r"(?:চিন্তা|চিন্তাও|ভাবনা|ইচ্ছা|ইচ্ছে)\s+(?:আসে|মাথায়\s+আসে|মাথায়\s+আসে|করি|হয়|হয়)|"
                    r"শ্বাসকষ্ট\s+(?:হয়|হয়)|শ্বাস\s+কষ্ট\s+(?:হয়|হয়)|জ্বর\s+(?:আসে|হয়|হয়)|কাশি\s+(?:হয়|হয়)|"
                    # not weak, not drowsy, the pad does not soak through ("প্যাড ভিজে না", "ভিজে যায় না"), no pus or
                    # sweats, and a symptom that
                    # "was not" ("বুকে ব্যথা ছিল না", no chest pain then)
                    r"(?:দুর্বল|ক্লান্ত|দুর্বলতা|অবশ|ঝিনঝিন|ঝিঁঝিঁ)\s+(?:লাগে|লাগছে|লাগতেছে)|"
                    # "ঝাপসা দেখে না", "ডাবল দেখি না" (does not see blurred or double)
                    r"(?:ঝাপসা|ঘোলা|ডাবল)\s+(?:দেখে|দেখি|দেখেন|দেখছে|দেখছি|দেখছেন|দেখতেছে|দেখতেছি)|"
                    r"(?:দুর্বল|অবশ)\s+(?:হয়|হয়)|ঝিমায়|ঝিমায়|ঝিমাচ্ছে|ঝিমাইতেছে|"
                    r"ভিজে(?:\s+(?:যায়|যায়|যাচ্ছে|যাইতেছে))?|(?:পুঁজ|পুজ|পানি|রক্ত|লালা|লাল)\s+(?:পড়ে|পড়ে|পড়ছে|পড়ছে|পড়তেছে|পড়তেছে)|ঘামে|ঘামায়|ঘামায়|"
                    # redness or pain that does not spread ("লাল ছড়াচ্ছে না"), pain that does not go to the arm or
                    # jaw ("ব্যথা হাতে বা চোয়ালে যাচ্ছে না"): the spread is denied
                    r"(?:ছড়াচ্ছে|ছড়াচ্ছে|ছড়ায়|ছড়ায়|ছড়ায়|ছড়ায়|ছড়াইতেছে|ছড়াইতেছে)|"
                    r"(?:হাতে|বাহুতে|চোয়ালে|চোয়ালে|পিঠে|ঘাড়ে|ঘাড়ে|কাঁধে|গলায়|গলায়)\s+(?:যাচ্ছে|যায়|যায়|যাইতেছে)|"
                    r"(?:ব্যথা|ব্যাথা|জ্বর|বমি|কাশি|রক্ত|শ্বাসকষ্ট|খিঁচুনি|চুলকানি|ফোলা|দাগ|ঘাম)(?:\s+[\u0980-\u09ff]+)?\s+"
                    r"(?:ছিল|ছিলো))\s+না"
                    r"(?![\u0980-\u09ff])(?!\s*(?:বললেও|বলল|বলছে|বলছেন|বলেন|বলে)(?![\u0980-\u09ff]))")
# "হাতের জোর", "haater jor" (the hand's strength), not a fever; "gaye jor" stays a fever (fever in the body).
_STRENGTH = _nfc(r"(?<![a-z\u0980-\u09ff])((?:haater|hater|hather|haatey|paer|payer|হাতের|পায়ের|পায়ের)\s+)(?:jor|জোর)"
                 r"(?![a-z\u0980-\u09ff])")
# "stroke er por 6 mash", "স্ট্রোকের পর ৬ মাস": months after a stroke is an old stroke.
_AFTER_OLD_ILLNESS = _nfc(r"(?<![a-z\u0980-\u09ff])(stroke|স্ট্রোক|heart attack|হার্ট অ্যাটাক)\s*(?:er|এর|ের)?\s+"
                          r"(?:por|pore|পর|পরে)(?=\s+(?:\d{1,2}\s*(?:mash|mas|bochor|bosor|মাস|বছর)|theke|থেকে|শয্যাশায়ী|শয্যাশায়ী|"
                          r"বিছানায়|বিছানায়|shojjashayi|shojjashai|bichanay|bichanai|bedridden|bed bound)(?![a-z\u0980-\u09ff]))")
# "৩ মাস ধরে বিছানায় (স্ট্রোকের পর)", "bichanay (stroke er por)": bedbound since a stroke, said in brackets, is an old stroke.
_BEDBOUND_AFTER_STROKE = _nfc(r"(বিছানায়|বিছানায়|শয্যাশায়ী|শয্যাশায়ী|bichanay|bichanai|shojjashayi|shojjashai)\s*\(\s*"
                              r"(stroke|স্ট্রোক)\s*(?:er|এর|ের)?\s+(?:por|pore|পর|পরে)\s*\)")
# An "electric-shock-like" pain ("কারেন্টের শকের মতো ব্যথা", "current er shock er moto betha") is the quality of a pain
# (trigeminal neuralgia), not an electric shock taken.
_SHOCK_LIKE = _nfc(r"(?<![a-z\u0980-\u09ff])(?:(?:কারেন্টের|কারেন্ট|বিদ্যুতের|ইলেকট্রিক|current|karent|electric)\s*(?:er\s+|এর\s+)?)?"
                   r"(?:শকের|শক|shock)\s*(?:er\s+|এর\s+)?(?:মতো|মত|মতন|moto|mto|moton)(?![a-z\u0980-\u09ff])")
# A pain in the eye or head "like a knife stabbing" ("চোখের পিছনে ছুরি মারার মতো ব্যথা", "matha te churi marar moto
# betha") is how the pain feels (cluster headache, NICE CKS), not a stab wound taken: read as "like a knife" ("ছুরির
# মতো", "churir moto"), so it is no penetrating injury.
_KNIFE_LIKE = _nfc(r"(?<![a-z\u0980-\u09ff])(?:(ছুরি|চাকু)\s*(?:দিয়ে|দিয়া|দিয়ে)?\s*(?:মারার|মারা|মারতেছে|মারছে|খোঁচানোর|খোঁচা\s+দেওয়ার|কোপানোর)"
                  r"|(churi|chhuri|chaku)\s*(?:diye|dia)?\s*(?:marar|mara|martese|marche|khochanor|khocha\s+deoar|kopanor))\s*"
                  r"(মতো|মত|মতন|moto|mto|moton|mot)(?![a-z\u0980-\u09ff])")


_HEAD_OR_EYE = _nfc(r"(?<![a-z\u0980-\u09ff])(?:চোখ|মাথা|কপাল|রগ|chokh|chok|matha|kopal)")


def _knife_like(match: re.Match) -> str:
    if not _HEAD_OR_EYE.search(match.string, max(0, match.start() - 30), match.start()):
        return match.group(0)
    return f" {match.group(1)}র {match.group(3)}" if match.group(1) else f" {match.group(2)}r {match.group(3)}"


# Kerosene to be put on the hair or skin ("কেরোসিন দিব নাকি?", "kerosin lagabo?": an old home remedy for lice) is not
# kerosene swallowed (the poisoning words are "কেরোসিন খেয়েছে", "kerosin kheyeche"): read as "তেল" / "tel" (oil)
# with its verb of putting on.
_KEROSENE_PUT_ON = _nfc(r"(?<![a-z\u0980-\u09ff])(?:কেরোসিন|কেরসিন|kerosin|kerosene|kerocin)(?:\s+(?:তেল|tel))?"
                        r"(?=\s+(?:দিব|দিবো|দিমু|দেব|দেবো|দিবেন|লাগাব|লাগাবো|লাগামু|লাগাইব|মাখাব|মাখাবো|মাখামু|"
                        r"dibo|dib|dimu|debo|diben|lagabo|lagab|lagamu|makhabo|makhab|makhamu)(?![a-z\u0980-\u09ff]))")


# "পাঁজরের নিচে" (under the ribs) is the upper belly: written "পাঁজরের তলায়" so its "নিচে" is not the lower belly's "নিচে"
# ("পেটের ডান দিকে পাঁজরের নিচে ব্যথা" is right upper, not right lower, abdominal pain).
_UNDER_RIBS = _nfc(r"(?<![\u0980-\u09ff])(পাঁজরের|পাজরের|পাঁজর|পাজর)(\s+(?:ঠিক\s+)?)নিচে(?![\u0980-\u09ff])")
# "জ্বর ছিল, এখন নাই", "jor chilo, ekhon nai": it was there and is gone now; the comma does not end the denial.
# (also with how long it lasted: "jor chilo 2 din, ekhon nai", "জ্বর ছিল ২ দিন, এখন নেই")
_WAS_NOW_GONE = _nfc(r"(ছিল|ছিলো|chilo|silo|chhilo|cilo)(?:\s+\d{1,2}\s*(?:din|দিন|ghonta|ghanta|ঘণ্টা|ঘন্টা))?\s*,\s*"
                     r"(এখন|ekhon|akhon|ekhn)\s+(নাই|নেই|nai|nei)"
                     r"(?![a-z\u0980-\u09ff])")
# "ছিল, এখন জ্বর নেই", "jor chilo, ekhon jor nai": the same, with the word said again after "now" (only when it was
# named in the words just before, so "জ্বর ছিল, এখন কাশি নেই" leaves the fever as it was told).
_WAS_NOW_WORD_GONE = _nfc(r"(ছিল|ছিলো|chilo|silo|chhilo|cilo)\s*,\s*(এখন|ekhon|akhon|ekhn)\s+([^\s,.;:!?।]+)\s+"
                          r"(নাই|নেই|nai|nei)(?![a-z\u0980-\u09ff])")


def _was_now_word_gone(match: re.Match) -> str:
    before = match.string[max(0, match.start() - 40):match.start()]
    if re.search(r"(?<![a-z\u0980-\u09ff])" + re.escape(match.group(3)) + r"(?![a-z\u0980-\u09ff])", before):
        return f"{match.group(1)} {match.group(2)} {match.group(3)} {match.group(4)}"
    return match.group(0)


# A pad "a little wet" ("pad ektu bhije", "প্যাড অল্প ভিজেছে") is light bleeding, not a pad soaked through (NICE NG126;
# RCOG: soaking a pad in an hour is heavy): read as "damp".
# (Only of a pad or cloth: "ঘামে একটু ভিজে গেছি", sweating, is left as it is.)
_A_LITTLE_WET = _nfc(r"(?<![a-z\u0980-\u09ff])((?:pad|প্যাড|kapor|কাপড়|panty|প্যান্টি|napkin|ন্যাপকিন)"
                     r"[a-z\u0980-\u09ff]*\s+(?:[^\s,.;:!?।]+\s+)?(?:ektu|aktu|halka|olpo|একটু|হালকা|অল্প))\s+"
                     r"(?:bhij|vij|ভিজ)[a-z\u0980-\u09ff]*")

# Someone who died months or years ago ("আট মাস আগে আমার স্ত্রী মারা গেছেন", "2 bochor age abba mara gechen"): the loss
# is that long ago, as the English "died 8 months ago" (how long the grief has lasted).
_DIED_AGO = _nfc(r"(?<![\d.])(\d{1,2}(?:\.5)?)\s*(মাস|বছর|সপ্তাহ|mash|mas|bochor|bochhor|bosor|soptaho|soptah)\s+"
                 r"(?:আগে|age|aage|agey)\s+(?=(?:[^\s,.;:!?।]+\s+){0,4}?(?:মারা|mara|ইন্তেকাল|intekal)(?![a-z]))")
# ... and told the other way round: "আমার স্বামী মারা গেছেন ৯ মাস আগে", "abba mara gechen 2 bochor age" (not weeks or months
# of a pregnancy).
_DIED_AGO_AFTER = _nfc(r"(?<![a-z\u0980-\u09ff])((?:মারা|mara|ইন্তেকাল|intekal)\s+(?:গেছেন|গেছে|গেলেন|গেল|গেলো|গিয়েছেন|গিয়েছেন|"
                       r"করেছেন|করছেন|gechen|geche|gese|gesen|gelen|gelo|korechen|korsen))\s+(\d{1,2}(?:\.5)?)\s*"
                       r"(মাস|বছর|সপ্তাহ|mash|mas|bochor|bochhor|bosor|soptaho|soptah)\s+(?:আগে|age|aage|agey)(?![a-z\u0980-\u09ff])")

# Yellow discharge from an eye ("চোখে হলুদ পিচুটি", "holud pichuti", with its ending: "হলুদ পিচুটিতে পাতা আটকে থাকে")
# is pus, not yellow eyes (jaundice).
_YELLOW_DISCHARGE = _nfc(r"(?<![a-z\u0980-\u09ff])(?:হলুদ|হলদে|holud|holude|holde)\s+(?=(?:আঠালো|আঠা|athalo|attha\w*|atha|পিচুটি|পিঁচুটি|ময়লা|ময়লা|পুঁজ|পুজ|"
                         r"কেতুর|pichuti|pichuiti|moila|moyla|puj|pooj)(?:তে|র|টা|য়|য়|te|r|er|e)?(?![a-z\u0980-\u09ff]))")
_TALKS_NOT = _nfc(r"(?<![\u0980-\u09ff])(করার|করবার)\s+কথা\s+(বলে|বলেন|বলছে|বলছেন)\s+না(?![\u0980-\u09ff])")

# Romanised "rat" beside a time word is the night (রাত: "kal rat theke", "sara rat", "rat e"), not rats (a flood or rat
# exposure): read as "raat", in the text and in the knowledge's own phrases alike. ("rat er kamor" is left as written.)
_NIGHT_AFTER = re.compile(r"(?<![a-z])(kal|kalke|kaal|aj|aaj|ajke|gotokal|goto|sara|shara|majh|moddho|ei|oi|prothom|shesh|"
                          r"sei|porer|ager|protidin|roj|din)\s+rat(?![a-z])")
_NIGHT_BEFORE = re.compile(r"(?<![a-z])(?<!heart )(?<!pulse )(?<!resp )(?<!breathing )(?<!respiratory )"
                           r"(?<!heart-)(?<!pulse-)rat(?=\s*(?:theke|e|a|bhor|din|dupur|jege|jagi|ghum\w*|beshi|hole|porjonto|porjnto|\d)(?![a-z]))")

# A faint told in the past ("অজ্ঞান হয়ে গেছিল", "ogyan hoye gechilo": had gone unconscious, then came round) is a faint,
# as the English "passed out": the bare "অজ্ঞান" (unconscious) inside it is not someone unconscious now. The present
# ("অজ্ঞান হয়ে গেছে", "অজ্ঞান হয়ে আছে") is left as it is.
_FAINTED_PAST = _nfc(r"(?<![a-z\u0980-\u09ff])(?:অজ্ঞান|ogyan|ogan|oggan|ojnan|ozzan|ajnan|aggan|ogyaan|behush|behosh)\s+"
                     r"(?:হয়ে|হয়ে|hoye|hoe|hoie)\s+(?:গেছিল|গেছিলো|গেছিলেন|গিয়েছিল|গিয়েছিল|গিয়েছিলো|গিয়েছিলো|গিয়েছিলেন|"
                     r"গিয়েছিলেন|পড়েছিল|পড়েছিল|পড়েছিলো|পড়েছিলো|পড়েছিলেন|পড়েছিলেন|পড়ছিল|পড়ছিল|গেসিল|গেসিলো|"
                     r"gechilo|gesilo|gechhilo|giyechilo|giyesilo|porechilo|poresilo|porchilo|gechilen|gesilen|giyechilen)"
                     r"(?![a-z\u0980-\u09ff])")

# A faint told with its quick recovery ("অজ্ঞান হয়ে গেছে ১০ সেকেন্ডের জন্য, ... জ্ঞান ফিরছে", "কয়েক সেকেন্ডের জন্য অজ্ঞান
# হইছিল", "ogyan hoye gese 1 minute, tarpor jnan firse"): a faint that is over, as "passed out", not someone unconscious now.
_FAINTED_RECOVERED = _nfc(r"(?<![a-z\u0980-\u09ff])(?:অজ্ঞান|ogyan|ogan|oggan|ojnan|ozzan|ajnan|aggan|ogyaan|behush|behosh)\s+"
                          r"(?:(?:হয়ে|হয়ে|hoye|hoe|hoie)\s+(?:গেছে|গেছেন|গেছিল|গেছিলো|পড়ছে|পড়ছে|পড়ে|পড়ে|gese|geche|gesen|"
                          r"gechen|pore|porse|porche)|হইছিল|হইছিলো|হইছিলেন|hoisilo|hoichilo|hoisilen|hoyechilo|হয়েছিল|হয়েছিল)"
                          r"(?![a-z\u0980-\u09ff])")
_RECOVERED_CUE = _nfc(r"(?:সেকেন্ড|সেকেণ্ড|second|sec|জ্ঞান\s+ফির|জ্ঞান\s+আস|jnan\s+fir|gyan\s+fir|gaan\s+fir|genj?an\s+fir|"
                      r"hush\s+fir|হুঁশ\s+ফির|হুশ\s+ফির)")
_SENTENCE = _nfc(r"[^.।!?\n]*")


def _fainted_recovered(match: re.Match) -> str:
    text = match.string
    start = max(text.rfind(c, 0, match.start()) for c in ".।!?\n") + 1
    end = min([i for i in (text.find(c, match.end()) for c in ".।!?\n") if i >= 0] or [len(text)])
    if _RECOVERED_CUE.search(text, start, end):
        return " passed out "
    return match.group(0)


# A list that ends in "নেই"/"nai" with no verb in it negates every item: "মাথাব্যথা, বুকে ব্যথা, চোখে ঝাপসা নেই",
# "jor, kashi, shash kosto nai" (three or more short items, the clause all plain, like the English open list).
# "None of these" is said with "say" after or before its "না": "jor, kashi kichu na bole", and in the usual order
# "জ্বর, কাশি, পায়খানার সমস্যা কিছুই বলেন না", "jor, bomi kichui bole na" (he reports none of them).
_SAY = (r"(?:bolche|bolchen|bolse|bolsen|bole|bolen|bollo|boltese|boltesen|বলছে|বলছেন|বলে|বলেন|বলল|বললো|বলতেছে|"
        r"বলতেছেন)")
_NEG_END = _nfc(r"\s+(?:(নেই|নাই|nai|nei)|(?:(?<=kichu )|(?<=kichhu )|(?<=kisu )|(?<=kichui )|(?<=কিছু )|(?<=কিছুই ))"
                r"(?:" + _SAY + r"\s+)?(na|না))(?:\s+" + _SAY + r")?\s*$")
_CLAUSE_SPLIT = _nfc(r"([.;:!?।\n—]|(?<!\d)-(?!\d))")
_LIST_PLAIN_BREAKERS = frozenset(_n(w) for w in (
    "আছে ache ase ase hocche hochhe হচ্ছে হয় হয় hoy lage লাগে korche করছে kore করে dhore ধরে theke থেকে "
    "kintu কিন্তু tobe তবে shudhu শুধু but and with has have is was ekhon এখন khub খুব beshi বেশি").split())

# an item with a verb ("পিচুটি পড়ছে", "pichuti porche") says something of its own: the list is not plain
_LIST_VERB_ENDINGS = tuple(_n(e) for e in (
    "ছে", "ছি", "ছেন", "ছো", "ছিল", "ছিলো", "লাম", "লো", "বে", "বো", "য়", "য়", "che", "chhe", "chi", "tese",
    "teche", "tesi", "se", "si", "lo", "ay", "ai", "bo", "be"))


def _plain_item(item: str, loose: bool = False) -> bool:
    """(loose: an item of a list closed by "none of these", where "beshi ghum" (much sleepiness) and "ojon druto kome
    jawa" (weight dropping fast) are items too: four words, and "much"/"very" allowed.)"""
    words = item.split()
    return 0 < len(words) <= (4 if loose else 3) and not any(
        any(c.isdigit() for c in w) or (w in _LIST_PLAIN_BREAKERS and not (loose and w in _INTENSIFIERS))
        or (w.endswith(_LIST_VERB_ENDINGS) and w not in _NOT_VERBS) for w in words)


_INTENSIFIERS = frozenset(_n(w) for w in ("khub", "beshi", "খুব", "বেশি"))
# "ar kichu nei" (nothing else) closes what was said, it denies nothing before it
_ELSE = frozenset(_n(w) for w in ("ar", "r", "aar", "aro", "onno", "anno", "আর", "আরো", "আরও", "অন্য"))


# "jor, kashi ba shash kosto nai", "পেটে ব্যথা, রক্তপাত বা বারবার বমি নেই": the item ending in the negation may join
# two with "or"; each counts as an item of the list ("X, Y or Z: none"). A "now" opening the list ("এখন পুঁজ, জ্বর বা
# ফোস্কা কিছু নেই") is said of the whole list.
_OR_SPLIT = _nfc(r"\s+(?:বা|অথবা|কিংবা|ba|othoba|kimba|kingba)\s+")
_LEADING_NOW = _nfc(r"^\s*(?:এখন|ekhon|akhon)\s+")


def _negated_list(clause: str) -> str:
    items = clause.split(",")
    if len(items) < 2:
        return clause
    for k, item in enumerate(items):   # the first item that ends in the negation, with two or more before it
        end = _NEG_END.search(item)
        if end is None:
            continue
        head = item[:end.start()]
        none_of = _NONE_OF.search(head)
        if none_of is not None:   # "..., চোখে ঝাপসা কিছুই নাই" (none of these): the plain items just before
            head = head[:none_of.start()]
            start = k
            while start > 0 and _plain_item(items[start - 1], loose=True):
                start -= 1
            if k - start < 2 or not _plain_item(head, loose=True) or set(head.split()) <= _ELSE:
                return clause
            negation = end.group(1) or end.group(2)
            word = _NOT_NA.get(negation, negation)
            return ",".join(items[:start] + [f"{before} {word}" for before in items[start:k]] + items[k:])
        joined = _OR_SPLIT.split(head)
        if (k + len(joined) < 3 or not all(_plain_item(_LEADING_NOW.sub("", before) if i == 0 else before)
                                           for i, before in enumerate(items[:k]))
                or not all(_plain_item(part) for part in joined)):
            return clause
        word = end.group(1) or end.group(2)
        return ",".join([f"{before} {word}" for before in items[:k]] + items[k:])
    return clause


# "কিছুই", "কোনটাই", "kichui", "konotai" (none of them) before the negation close the list the item ends; so do
# "কিছু নেই", "kichu nei" and "emon kichu na" (nothing like that: "bomi, pet betha, jor emon kichu na").
_NONE_OF = _nfc(r"\s+(?:(?:emon|erokom|eirokom|এমন|এরকম|এইরকম)\s+)?(?:কিছুই|কিছু|কোনটাই|কোনোটাই|kichui|kichhui|kisui|"
                r"kichu|kichhu|kisu|konotai|kontai)\s*$")
_NOT_NA = {"na": "nai", _n("না"): _n("নাই")}


_KONO = frozenset(_n(w) for w in ("kono", "kon", "konor", "কোনো", "কোন", "কোনও"))


def _negated_lists(text: str) -> str:
    """(Not the text's opening clause, which says what the matter is: "mathar khushki, chul pora, kono chulkani nai";
    and not when the last item opens with "kono"/"কোনো", which keeps the "no" to itself.)"""
    parts = _CLAUSE_SPLIT.split(text)
    out = []
    for i, part in enumerate(parts):
        opening = not "".join(parts[:i]).strip()
        last = part.rsplit(",", 1)[-1].split()
        out.append(part if i % 2 or opening or (last and last[0] in _KONO) else _negated_list(part))
    return "".join(out)


# A note that names its own patient ("পুরুষ ৫০", "৬৬ বছর পুরুষ"): a parent's past illness is family history ("বাবার
# স্ট্রোক ছিল", "mayer sugar chilo").
_PARENT_HAD = _nfc(r"(?<![a-z\u0980-\u09ff])(বাবার|মায়ের|মায়ের|আব্বার|আম্মার|babar|mayer|abbar|ammar)\s+"
                   r"((?:[^\s,.;:!?।]+\s+){0,2}?[^\s,.;:!?।]+)\s+(ছিল|ছিলো|হয়েছিল|হয়েছিল|chilo|chhilo|silo|hoyechilo|"
                   r"hoisilo)(?![a-z\u0980-\u09ff])")


# Observations with Bangla labels, as community clinics and village doctors write them: "পালস ১৩০", "বিপি ৮০/৫০",
# "অক্সিজেন ৮৮%", "সুগার ২.৮", "pressure 80/50" are read with the English labels the reader knows; a pulse counted at
# home ("পালস গুনলাম ৪২", "pulse maplam 44") is the same reading (ESC 2021 pacing: a slow pulse).
_BN_OBS = [
    (_nfc(r"(?<![\u0980-\u09ff])(?:পালস|পাল্স|নাড়ি|নাড়ির গতি|হার্ট রেট|হার্টরেট|হৃদস্পন্দন)\s*[:=-]?\s*"
          r"(?:(?:গুনলাম|গুনে দেখলাম|গুনে দেখি|গুনছি|মাপলাম|মেপে দেখলাম|মেপে দেখি|মাপছি|মাপলে)\s+(?:পাই\s+|পাইছি\s+|পেলাম\s+|আসে\s+|আসছে\s+)?)?(?=\d)"), "pulse "),
    (re.compile(r"(?<![a-z])(?:pulse|pals|nari)\s+(?:gunlam|gune dekhlam|gune dekhi|gunsi|gunchi|maplam|mepe dekhlam|mepe dekhi|"
                r"mapsi|mapchi|maple)\s+(?:(?:pai|paisi|pelam|ashe|ase|asche)\s+)?(?=\d)"), "pulse "),
    (_nfc(r"(?<![\u0980-\u09ff])(?:বিপি|ব্লাড প্রেশার|ব্লাড প্রেসার|রক্তচাপ|প্রেশার|প্রেসার)\s*[:=-]?\s*(?=\d{2,3}\s*/\s*\d)"), "bp "),
    (re.compile(r"(?<![a-z])(?<!blood )(?:pressure|presar|preshar|presser)\s*[:=-]?\s*(?=\d{2,3}\s*/\s*\d)"), "bp "),
    (_nfc(r"(?<![\u0980-\u09ff])(?:অক্সিজেন|স্যাচুরেশন|স্যাচুরেশান|স্যাচ|সেচুরেশন)\s*[:=-]?\s*(?=\d{2,3}\s*%)"), "spo2 "),
    (re.compile(r"(?<![a-z])(?:oxygen|saturation|sat)\s*[:=-]?\s*(?=\d{2,3}\s*%)"), "spo2 "),
    (_nfc(r"(?<![\u0980-\u09ff])(?:রক্তে সুগার|ব্লাড সুগার|সুগার|গ্লুকোজ)\s*[:=-]?\s*(?=\d)"), "blood sugar "),
]
# An oximeter's reading ("oximeter e 89-90 dekhay", "অক্সিমিটারে ৯১ আসে", "pulse oximeter e 88"): an oxygen saturation,
# as "SpO2 89%" (a range keeps its lower end, the worse reading).
_OXIMETER = _nfc(r"(?<![a-z\u0980-\u09ff])(?:(?:pulse|পালস)\s+)?(?:oximeter|oxymeter|oximetre|অক্সিমিটার|অক্সিমিটর)"
                 r"(?:\s?(?:e|er|ey|এ|এর)|ে|ের)?(?![a-z\u0980-\u09ff])\s*(?:[:=-]\s*)?(?:(?:ekhon|akhon|এখন|maple|mepe|মাপলে|মেপে)\s+)?"
                 r"(\d{2,3})(?:\s*(?:-|–|theke|থেকে|ba|বা|\s)\s*\d{2,3})?\s*%?(?![\d.])")
# An oxygen reading written without "%" ("oxygen 84-85 dekhacche", "অক্সিজেন ৮৮ আসে", "oxygen level 90, ..."): the same
# saturation, when a reading verb or the end of the clause follows (not "oxygen 2 liter", a flow).
_OXYGEN_READING = _nfc(r"(?<![a-z\u0980-\u09ff])(?:oxygen|oxyzen|অক্সিজেন)(?:\s*(?:level|lebel|লেভেল|sat|saturation|"
                       r"স্যাচুরেশন))?(?:\s*(?:er|এর|ta|টা))?\s*[:=-]?\s*([5-9]\d)(?:\s*(?:-|–|theke|থেকে|ba|বা)\s*\d{2,3}|\s+\d{2,3}(?![\d.]))?"
                       r"\s*%?(?=\s*(?:[,.;।!?\n]|$|dekh|দেখ|ash|ase|asche|আস|ache|আছে|hoy|হয়|hoye|হয়ে|thake|থাকে))")
# A temperature with its unit in words ("৯৩ ফারেনহাইট", "95 farenhait", "৩৪ সেলসিয়াস"), as "93 deg f".
# The thermometer and the temperature in Bangla script ("থার্মোমিটারে ১০১.৫ দেখাচ্ছে", "টেম্পারেচার ৩৮.৫"): read as
# the romanised "thermometer e" and the English "temperature", whose readings the reader takes (NICE NG143).
_BN_THERMOMETER = _nfc(r"(?<![\u0980-\u09ff])(?:থার্মোমিটার|থার্মমিটার|থারমোমিটার|থার্মোমিটর|থার্মোমিটা)"
                       r"(?:ে|এ|য়|য়|ের|টা|টায়|টায়)?(?![\u0980-\u09ff])")
_BN_TEMPERATURE = _nfc(r"(?<![\u0980-\u09ff])(?:টেম্পারেচার|টেমপারেচার|টেম্পারেচর|টেম্প)(?:ে|এ|য়|য়|ের)?"
                       r"(?![\u0980-\u09ff])")
_TEMP_UNIT_WORD = _nfc(r"(?<![\d.])(\d{2,3}(?:\.\d)?)\s*(?:ডিগ্রি\s*|ডিগ্রী\s*|digri\s*|degree\s*)?"
                       r"(?:(ফারেনহাইট|ফারেনহাইটে|farenhait|farenheit|fahrenhait)|(সেলসিয়াস|সেলসিয়াস|selsius|celcius))"
                       r"(?![a-z\u0980-\u09ff])")
# "gondho pai na", "নাকে গন্ধ পাই না" (cannot smell) is a finding of its own, loss of smell: its "na" denies the smell,
# not the fever and cough told before it ("jor kashi ar nake gondho pai na chilo").
_NO_SMELL = _nfc(r"(?<![a-z\u0980-\u09ff])(?:(?:nake|nak e|নাকে)\s+)?(?:(?:kono|কোনো|কোন)\s+)?(?:gondho|gondo|gandho|গন্ধ)\s+"
                 r"(?:pai|pacchi|pachhi|pacche|paina|পাই|পাচ্ছি|পাচ্ছে|পাইনা|পাইতেছি|paitesi)\s*(?:na|না)?(?:\s+(?:chilo|silo|ছিল|ছিলো))?"
                 r"(?![a-z\u0980-\u09ff])")


# A test result written in Bangla letters ("ডেঙ্গু টেস্ট নেগেটিভ আসছে", "কিটোন পজিটিভ") is read as the English word, so
# a negative test denies what it tested for as "dengue test negative" does.
_TEST_RESULT = _nfc(r"(?<![\u0980-\u09ff])(?:(নেগেটিভ|নেগেটিব|নেগাটিভ|নেগেটিপ)|(পজিটিভ|পজেটিভ|পজিটিব|পজেটিব|পজিটিপ))"
                    r"(?![\u0980-\u09ff])")


# A baby's weight that "goes up well" ("weight bhalo barche", "ওজন ঠিকমতো বাড়ছে") is good growth, not a worsening: read as
# "weight fine".
_WEIGHT_UP = _nfc(r"(?<![a-z\u0980-\u09ff])(ওজন|ojon|wojon|weight)\s+(?:(?:ঠিকমতো|ঠিকমত|ভালো|ভাল|ঠিকঠাক|thik\s*moto|bhalo|valo|"
                  r"thikthak|thik\s*thak|normal|নরমাল)\s+)(?:বাড়ছে|বাড়ছে|বাড়তেছে|বাড়তেছে|barche|bartese|barteche|"
                  r"bartechhe|barchhe)(?![a-z\u0980-\u09ff])")


# Romanised "sob" (সব, all) before a Bangla word ("sob try korsi", "sob kichu", "sob jinish", "sob somoy", "sob thik",
# "ja khai sob bomi", "sob taka", "sob joint e betha": every joint) is "shob", not SOB (the reader's shortness of
# breath when a clinical word such as "rest" stands beside it).
_ALL_SOB = re.compile(r"(?<![a-z])sob(?=\s+(?:try|tried|kichu|kisu|kichhu|kichui|kisui|jinish|jinis|gula|gulo|guli|jaygay|"
                      r"jaygai|khane|jayga|kaj|korsi|korechi|kori|korlam|dekhsi|dekhechi|khaisi|kheyechi|upay|oshudh|"
                      r"osudh|medicine|cream|gel|korchi|korchhi|kortesi|kortechi|korsilam|korechilam|kore\s+dekhsi|"
                      r"somoy|shomoy|somoi|shomoi|somay|thik|thikthak|bomi|khabar|din|dine|taka|poisa|poysa|"
                      r"joint|jointe|joint-e|jointer|gita|gite|girai|gira)(?![a-z]))")
# Romanised "bomi bomi" (with or without "bhab", "lage") is feeling sick, as the Bangla "বমি বমি ভাব" is.
_NAUSEA_ROMAN = re.compile(r"(?<![a-z])bomi\s+bomi(?:\s+(?:bhab|vab|bhaab|vhab|lage|lag|lagche|lagse|lagtese|lagteche|lagchhe))?"
                           r"(?![a-z])")
# Light that "cannot be borne" ("আলো সহ্য হয় না", "alo sojjo hoy na", "alo shojjo korte pari na") is photophobia: the
# "না" is part of the symptom, not a denial of it.
_LIGHT_UNBEARABLE = _nfc(r"(?<![a-z\u0980-\u09ff])(?:আলো|alo|aalo|light)\s*(?:তে|te|e)?\s+(?:সহ্য|সইহ্য|sojjo|shojjo|sojho|"
                         r"shojho|sojyo|shojyo|sohyo|sohjo|shohjo)\s+(?:হয়|হয়|hoy|hoi|করতে\s+পারি|korte\s+pari|করতে\s+পারে|"
                         r"korte\s+pare)\s*(?:না|na)(?![a-z\u0980-\u09ff])")


# A hundred and some in words ("jor eksho dui", "জ্বর একশো তিন"): 101 to 106.
_HUNDRED_AND = _nfc(r"(?<![a-z\u0980-\u09ff])(?:eksho|aksho|ekso|akso|একশো|একশ|একশত|একশ')\s*"
                    r"(ek|dui|du|tin|teen|char|pach|panch|paanch|choy|soy|এক|দুই|তিন|চার|পাঁচ|পাচ|ছয়|ছয়)(?![a-z\u0980-\u09ff])")
_UNITS = {_n(k): v for k, v in {"ek": 1, "dui": 2, "du": 2, "tin": 3, "teen": 3, "char": 4, "pach": 5, "panch": 5,
                                "paanch": 5, "choy": 6, "soy": 6, "এক": 1, "দুই": 2, "তিন": 3, "চার": 4, "পাঁচ": 5,
                                "পাচ": 5, "ছয়": 6, "ছয়": 6}.items()}
# A fever "up to 104" ("jor 104 porjonto uthse", "১০৩ পর্যন্ত উঠেছে"): Fahrenheit, in a text about fever.
_FEVER_WORD = _nfc(r"(?<![a-z\u0980-\u09ff])(?:jor|jwor|jwar|zor|jorer|জ্বর|জর|তাপ|fever|temp)")
_UP_TO_TEMP = _nfc(r"(?<![\d.])(\d{2,3}(?:\.\d)?)\s*(?:°\s*)?(?=(?:porjonto|পর্যন্ত|uthe|uthse|uthche|uthchilo|উঠে|উঠছে|উঠেছে|"
                   r"উঠেছিল|উঠেছিলো)(?![a-z\u0980-\u09ff]))")
_NOT_TEMP_BEFORE = re.compile(r"(?:bp|pressure|sugar|pulse|spo2|hr|rr|ojon|weight|প্রেশার|সুগার|ওজন)\W*$")


def _up_to_temp(match: re.Match) -> str:
    try:
        value = float(match.group(1))
    except ValueError:
        return match.group(0)
    if not 95 <= value <= 108 or _NOT_TEMP_BEFORE.search(match.string, max(0, match.start() - 14), match.start()):
        return match.group(0)
    return f"{match.group(1)} deg f "


# For any text: "T 99.8F" is a temperature (a decimal is never an age), "CBG 38 mg/dl" a blood sugar of 2.1 mmol/L.
_DECIMAL_HINT = re.compile(r"\.\d{1,2}\s?[fc](?![a-z])")
_DECIMAL_TEMP = re.compile(r"(?<![\d.])(\d{2,3}\.\d{1,2})\s?([fc])(?![a-z])")
_GLUCOSE_MG = re.compile(r"(?<![a-z])(bm|cbg|rbs|fbs|blood glucose|glucose|blood sugar|sugar|sugars|bsl)"
                         r"(\s*(?:level\s*)?(?:of|is|was|:|=|now|reading)?\s*~?\s*)(\d{2,3})\s*mg\s*/?\s*(?:dl|%)")


def _glucose_mmol(match: re.Match) -> str:
    return f"{match.group(1)}{match.group(2)}{round(int(match.group(3)) / 18, 1)} mmol/l"


# Romanised "ache" (আছে, "is / has": "jor ache", "ghumiye ache") is not the English ache, unless an English
# body word comes right before it ("body ache", "tummy ache").
_COPULA_ACHE = re.compile(r"(?<![a-z])(?<!body )(?<!head )(?<!tummy )(?<!stomach )(?<!back )(?<!ear )(?<!tooth )"
                          r"(?<!muscle )(?<!joint )(?<!belly )ache(?![a-z])")


# "হঠাৎ হঠাৎ", "hothat hothat" (now and then) tell of episodes that come and go, not of a sudden onset.
# "জ্বর মাপলে পাই না", "jor maple pai na" (took the temperature, found no fever): no fever.
_FEVER_NOT_FOUND = _nfc(r"(?<![a-z\u0980-\u09ff])(জ্বর|jor|jwor)\s+(?:মাপলে|মেপে|maple|mepe)\s+(?:পাই|পাওয়া যায়|পাওয়া যায়|"
                        r"pai|paowa jay|pawa jay|paoa jay)\s*(?:না|na)(?![a-z\u0980-\u09ff])")
# The last period ("শেষ মাসিক ১০ দিন আগে", "last period 2 mash age", "shesh masik") is the LMP, a date: not a period
# lasting 10 days, nor the days before a period.
_LAST_PERIOD = _nfc(r"(?<![a-z\u0980-\u09ff])(?:শেষ|last|shesh|sesh)\s+(?:মাসিক|পিরিয়ড|পিরিয়ড|masik|mashik|period)"
                    r"(?:[\u0980-\u09ff]*|er|r)?(?![a-z\u0980-\u09ff])")
# "যেটা অনেক বছর হয় নাই", "jeta onek bochor hoy ni" (which had not happened for years) after a symptom says it is new
# again, not that it is absent: read as "notun kore" (anew), so the না does not deny the symptom before it.
_NOT_FOR_YEARS = _nfc(r"(?<![a-z\u0980-\u09ff])(?:যেটা|যেইটা|যা|jeta|jeita|ja)\s+(?:আগে\s+|age\s+|aage\s+)?"
                      r"(?:অনেক|বহু|onek|bohu)\s+(?:বছর|bochor|bochhor|boshor|bosor)"
                      r"(?:\s+(?:ধরে|ধইরা|dhore|dhora))?\s+(?:হয়|হয়|hoy|hoi)\s*(?:নাই|নি|না|nai|ni|na)(?![a-z\u0980-\u09ff])")
# Romanised "chorae gese", "choraye geche" (ছড়ায়ে গেছে: it has spread) is "choriye gese", not "chore gese" (grazed).
_SPREAD_ROMAN = re.compile(r"(?<![a-z])(?:chh?or(?:ae|aye|ay|aia|aiya))(?=\s+(?:gese|geche|gechhe|gelo|jacche|jachhe|"
                           r"jaitese|jay|jai)(?![a-z]))")
# Romanised knee spellings "haantu", "haatu", "hantu" (হাঁটু) are written as "hatu", the form the knowledge phrases use.
_KNEE_ROMAN = re.compile(r"(?<![a-z])(?:haan|haa|han)(?=tu)")
# Romanised "paer", "paaer", "paayer", "paeyr" (পায়ের, of the foot) are "payer", the form the knowledge phrases use.
_FOOT_ROMAN = re.compile(r"(?<![a-z])(?:paa?e|paaye|paey)r(?![a-z])")
# "প্রত্যেক", "protyek", "prottek" (each, every) before a word is "প্রতি" / "proti": "প্রত্যেক ঘণ্টায় প্যাড ভিজে
# যায়" is "প্রতি ঘণ্টায়" (not "প্রত্যেকে", everyone).
_EVERY = _nfc(r"(?<![a-z\u0980-\u09ff])(?:প্রত্যেক|protyek|prottek|prottyek|pratyek|protek)(?=\s)")
# Cheekbones standing out ("গালের হাড় বেরিয়ে এসেছে", "galer har ber hoye gese") and ribs that can be counted
# ("পাঁজরের হাড় গোনা যায়") are how Bangla tells of someone grown thin (NICE NG12 unexplained weight loss), not a bone
# through the skin: read as "শুকিয়ে গেছে" / "shukiye gese".
_BONE_WORD = _n(r"(?:হাড়|হাড়|হাড্ডি|har|haar|haddi)")
_BONES_SHOWING = _nfc(r"(?<![a-z\u0980-\u09ff])(?:(?:গালের|gaaler|galer|gal\s+er|gaal\s+er)\s+" + _BONE_WORD
                      + r"(?:গুলো|গুলা|টা|\s+gula|\s+guli|\s+ta)?\s+"
                      r"(?:বেরিয়ে|বেরিয়ে|বের হয়ে|বের হয়ে|ভেসে|উঁচু হয়ে|উঁচু হয়ে|"
                      r"beriye|ber hoye|bhese|vese|unchu hoye)\s+"
                      r"(?:এসেছে|আসছে|গেছে|উঠেছে|আছে|ashche|asche|esheche|eseche|gese|geche|utheche|ase|ache)"
                      r"|(?:পাঁজরের|পাজরের|pajorer|panjorer)\s+" + _BONE_WORD + r"(?:গুলো|গুলা|\s+gula)?\s+"
                      r"(?:গোনা|গুনা|gona|guna)\s+(?:যায়|যায়|যাচ্ছে|jay|jai|jacche))(?![a-z\u0980-\u09ff])")
# "১০ দিনে শুকায় যায়", "7 dine bhalo hoye jay", "এক সপ্তাহে সেরে যায়" (heals within N days or weeks, its usual
# course) says how long an episode takes, not how long this one has gone on: read as "nije nije" (by itself) without
# the days.
_HEALS_WITHIN = _nfc(r"(?<![\d.])\d{1,2}(?:\s*-\s*\d{1,2})?\s*"
                     r"(?:দিনে|দিনের মধ্যে|dine|din\s+e|diner moddhe|diner moddhei|"
                     r"সপ্তাহে|সপ্তাহের মধ্যে|soptahe|shoptahe|saptahe|soptah\s+e|soptaher moddhe|week\s+e|weeke)\s+"
                     r"(?=(?:শুকায়|শুকায়|শুকিয়ে|শুকিয়ে|সেরে|ভালো হয়ে|ভাল হয়ে|ভালো হয়ে|ভাল হয়ে|ঠিক হয়ে|ঠিক হয়ে|"
                     r"shukay|shukai|shukiye|sere|bhalo hoye|valo hoye|thik hoye)(?![a-z]))")
# ("১ সপ্তাহে শুকায় নাই", "10 dine sare ni": not healed in that time, is how long this one has lasted, and stays.)
_HEALED_NOT = _nfc(r"(?:[^\s,.;:!?।]+\s+){0,3}?(?:(?:নাই|নি|না|nai|ni|na)|(?:hoy|hoi|jay|jai|হয়|হয়|যায়|যায়)"
                   r"(?:na|ni|না|নি))(?![a-z\u0980-\u09ff])")


def _heals_within(match: re.Match) -> str:
    if _HEALED_NOT.match(match.string, match.end()):
        return match.group(0)
    return _in_script(match.group(0), " nije nije ", " নিজে নিজে ")


# Heat that comes over the body "now and then" and ends in a sweat ("হঠাৎ হঠাৎ শরীর গরম হয়ে ঘাম দেয়", "majhe majhe ga
# gorom hoye gham hoy") is a hot flush (NICE NG23 Menopause: vasomotor symptoms), not a fever: read as "গরমের হলকা" /
# "gorom holka". Only when the episodes are told as coming and going.
_HOT_FLUSH = _nfc(r"(?<![a-z\u0980-\u09ff])((?:হঠাৎ|হটাৎ|হঠাত|মাঝে মাঝে|মাঝেমধ্যে|মাঝে মধ্যে|hothat|hotat|majhe majhe|maje maje|"
                  r"majhe moddhe)\s+)(?:শরীর|গা|shorir|sorir|shoril|ga|gaa)\s+(?:গরম|gorom|garam)\s+(?:হয়ে|হয়ে|হইয়া|hoye|hoia|hoiya)\s+"
                  r"(?=(?:ঘাম|gham)(?![a-z]))")
_NOW_AND_THEN = _nfc(r"(?<![a-z\u0980-\u09ff])(?:হঠাৎ|হটাৎ|হঠাত|hothat|hotat|hothath|hotath)\s+"
                     r"(?:হঠাৎ|হটাৎ|হঠাত|hothat|hotat|hothath|hotath)(?![a-z\u0980-\u09ff])")


# Sugar "for N years" is diabetes for N years, not a blood sugar reading: "আমার সুগার ১৫ বছর", "abbur sugar 10 bochor
# dhore" (NICE NG19 diabetic foot: the person has diabetes), read as "sugar ase" (has diabetes): the years are neither a
# blood sugar of 15 nor how long the complaint has lasted.
_SUGAR_YEARS = _nfc(r"(?<![a-z\u0980-\u09ff])(সুগার|ডায়াবেটিস|ডায়াবেটিস|sugar|diabetes)\s+(\d{1,2})\s*(বছর|বছরের|bochor|bochhor|bosor|boshor|years?)"
                    r"(?:\s*(?:ধরে|ধইরা|dhore|dhora))?(?![a-z\u0980-\u09ff])")
# "like a mosquito bite" is how raised itchy wheals are described (NHS Hives), not a bite: "মশার কামড়ের মতো ফোলা
# ফোলা লাল চাকা", "moshar kamorer moto fola" lose the simile.
_LIKE_A_BITE = _nfc(r"(?<![a-z\u0980-\u09ff])(?:মশা|মশার|পোকা|পোকার|পিঁপড়া|পিঁপড়ার|পিপড়ার|mosha|moshar|poka|pokar|pipra|piprar)\s+"
                    r"(?:কামড়|কামড়ের|কামড়ের|কামড়|kamor|kamorer|kamrer|kamur)\s+(?:মতো|মতন|মত|moto|mto|moton)(?![a-z\u0980-\u09ff])")
# A leg "cold, (white) pale" written with a comma is one description of the leg (NICE CG147 acute limb ischaemia):
# "পা ঠান্ডা, সাদা ফ্যাকাশে" is read as "পা ঠান্ডা আর ফ্যাকাশে" (not "হাত পা ঠান্ডা", cold hands and feet).
_COLD_COMMA_PALE = _nfc(r"(?<![a-z\u0980-\u09ff])(?<!হাত )(?<!hat )(?<!haat )(পা|পাটা|paa?|pa\s+ta)\s+(ঠান্ডা|ঠাণ্ডা|thanda)\s*,\s*"
                        r"(?:(?:সাদা|sada|shada)\s+)?(ফ্যাকাশে|ফ্যাকাসে|fakashe|faakashe|fyakashe|fakase|pale)(?![a-z\u0980-\u09ff])")
# Skin that splits ("chamra patla hoye gese, majhe majhe chire jay", "চামড়া ... ছিঁড়ে যায়") is a fissure (NICE CKS lichen sclerosus), not a
# tearing pain: read as "fete jay".
_SKIN_SPLITS = _nfc(r"(?<![a-z\u0980-\u09ff])((?:chamra|চামড়া|চামড়া)[^.;:!?।\n]{0,60}?\s)(?:chh?ire|ছিঁড়ে|ছিড়ে|ছিঁড়ে|ছিড়ে)"
                    r"(?=\s+(?:jay|jai|যায়|যায়|gese|geche|গেছে)(?![a-z\u0980-\u09ff]))")


# A burning chest "and" a heavy belly are two complaints: "বুক জ্বালা আর পেট ভার ভার লাগে" (NICE CG184 dyspepsia) ends the
# heartburn's clause before the belly, so the belly's heaviness is not read as a heavy chest.
_BURNING_AND_BELLY = _nfc(r"(?<![a-z\u0980-\u09ff])(জ্বালা|জ্বলে|jala|jwala|jole|jalapora|জ্বালাপোড়া)\s+(?:আর|ar|এবং|ebong)\s+"
                          r"(?=(?:পেট|pet|pete)(?:[^\s,.;:!?।]*)\s)")
# Pain "in the chest" in the days before a period is breast pain (NICE CKS premenstrual syndrome, cyclical breast
# pain): "মাসিকের ৩-৪ দিন আগে বুকে ব্যথা", "period er age buke betha" read as "স্তনে ব্যথা" / "stone betha".
_BREAST_BEFORE_PERIOD = _nfc(r"(?<![a-z\u0980-\u09ff])((?:মাসিক|পিরিয়ড|পিরিয়ড|masik|mashik|period)[^\s,.;:!?।]*\s+(?:[^\s,.;:!?।]+\s+){0,4}?"
                             r"(?:আগে|age|aage|agey)\s+)(?:বুকে|বুক|buke|buk)\s+(?=(?:ব্যথা|ব্যাথা|betha|batha|byatha)(?![a-z]))")
# A death "N months ago" told as "N months since": "আব্বা মারা যাওয়ার পর ৮ মাস হইল", "ammu mara jawar por 1 bochor holo"
# (NICE NG222: low mood months after a loss) read as "মারা গেছেন ৮ মাস আগে".
_SINCE_DIED = _nfc(r"(?<![a-z\u0980-\u09ff])(?:মারা|mara|ইন্তেকাল|intekal)\s+(?:যাওয়ার|যাওয়ার|যাবার|jawar|jaoar|jabar|করার|korar)\s+"
                   r"(?:পর|পরে|por|pore)\s+(\d{1,2}(?:\.5)?)\s*(মাস|বছর|সপ্তাহ|mash|mas|bochor|bochhor|bosor|soptaho|soptah)\s+"
                   r"(?:হইল|হলো|হল|হয়ে গেছে|হয়ে গেছে|হইছে|হয়েছে|হয়েছে|holo|hoilo|hoye gese|hoye geche|hoise|hoyeche)"
                   r"(?![a-z\u0980-\u09ff])")


# Swollen (red) wheals, "ফোলা ফোলা লাল চাকা", "fola fola chaka chaka", are hives (NHS Hives), not a lump under the skin:
# read as "আমবাত" / "ambat".
_SWOLLEN_WHEALS = _nfc(r"(?<![a-z\u0980-\u09ff])(ফোলা ফোলা|fola fola|fula fula)\s+((?:লাল|lal)\s+)?(?:চাকা|chaka)(?:\s+(?:চাকা|chaka))?"
                       r"(?![a-z\u0980-\u09ff])")


def rewrite(text: str) -> str:
    """The lowercased text with the readings above written in the forms the reader reads."""
    if "." in text and _DECIMAL_HINT.search(text):
        text = _DECIMAL_TEMP.sub(r"\1 deg \2", text)
    if "mg" in text and "dl" in text:
        text = _GLUCOSE_MG.sub(_glucose_mmol, text)
    if "jore" in text:   # (before the test below: a knowledge phrase's side "jore jore" has no other keyword)
        text = _LOUDLY.sub("forcefully", text)
        text = _DEEPLY.sub("deeply ", text)
        text = _HARD.sub(lambda m: f"{m.group(1) or ''} forcefully".lstrip(), text)
    if "shock" in text or _n("শক") in text:   # (before the test below: "current er shock er moto" has no other keyword)
        text = _SHOCK_LIKE.sub(" electric shock like ", text)
    if "churi" in text or "chhuri" in text or "chaku" in text or _n("ছুরি") in text or _n("চাকু") in text:
        text = _KNIFE_LIKE.sub(_knife_like, text)
    if "keros" in text or "kerocin" in text or _n("কেরোসিন") in text or _n("কেরসিন") in text:
        text = _KEROSENE_PUT_ON.sub(lambda m: _in_script(m.group(0), "tel", "তেল"), text)
    if not _bangla_or_romanised(text):
        return text
    text = _EMOJI.sub(" . ", text)
    text = _numbers_in_words(text)
    text = _WAS_NOW_GONE.sub(r"\1 \2 \3", text)
    text = _WAS_NOW_WORD_GONE.sub(_was_now_word_gone, text)
    text = _BREATH_TAKEN.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)} {_in_script(m.group(4), 'nii', 'নিই')}", text)
    text = _ALMOST_NONE.sub(lambda m: _in_script(m.group(0), ' khub kom ', ' খুব কম '), text)
    if "nil" in text:
        text = _BLUE_INHALER.sub("blue", text)
    text = _A_LITTLE_WET.sub(lambda m: f"{m.group(1)} damp", text)
    text = _SINCE_DIED.sub(lambda m: f"{_in_script(m.group(0), 'mara gechen', 'মারা গেছেন')} {m.group(1)} {m.group(2)} "
                                     f"{_in_script(m.group(0), 'age', 'আগে')}", text)
    text = _DIED_AGO.sub(lambda m: f"{m.group(1)} {_UNIT_EN[_unit_kind(m.group(2))]} ago , ", text)
    text = _DIED_AGO_AFTER.sub(lambda m: f"{m.group(1)} , {m.group(2)} {_UNIT_EN[_unit_kind(m.group(3))]} ago , ", text)
    text = _STRENGTH.sub(r"\1 strength ", text)
    text = _AFTER_OLD_ILLNESS.sub(r" history of \1 since ", text)
    text = _BEDBOUND_AFTER_STROKE.sub(r"\1 , history of \2 since , ", text)
    if not text.isascii():
        text = _UNDER_RIBS.sub(lambda m: m.group(1) + m.group(2) + _n("তলায়"), text)
    text = _YELLOW_DISCHARGE.sub("", text)
    text = _FEVER_NOT_FOUND.sub(lambda m: f"{m.group(1)} {_in_script(m.group(1), 'nai', 'নাই')}", text)
    text = _LAST_PERIOD.sub(" lmp ", text)
    text = _NOT_FOR_YEARS.sub(lambda m: _in_script(m.group(0), " notun kore ", " নতুন করে "), text)
    if "chor" in text or "chhor" in text:
        text = _SPREAD_ROMAN.sub("choriye", text)
    if "tu" in text:
        text = _KNEE_ROMAN.sub("ha", text)
    if "pa" in text:
        text = _FOOT_ROMAN.sub("payer", text)
    text = _EVERY.sub(lambda m: _in_script(m.group(0), "proti", "প্রতি"), text)
    text = _BONES_SHOWING.sub(lambda m: _in_script(m.group(0), " shukiye gese ", " শুকিয়ে গেছে "), text)
    text = _HEALS_WITHIN.sub(_heals_within, text)
    text = _NOW_AND_THEN.sub(lambda m: _in_script(m.group(0), " maje maje ", " মাঝে মাঝে "), text)
    text = _HOT_FLUSH.sub(lambda m: m.group(1) + _in_script(m.group(0), "gorom holka , ", "গরমের হলকা , "), text)
    text = _HUNDRED_AND.sub(lambda m: str(100 + _UNITS[m.group(1)]), text)
    if "mit" in text or "meter" in text or "metre" in text or _n("মিট") in text:
        text = _OXIMETER.sub(lambda m: f" spo2 {m.group(1)}% ", text)
    if "oxy" in text or _n("অক্সিজেন") in text:
        text = _OXYGEN_READING.sub(lambda m: f" spo2 {m.group(1)}% ", text)
    if not text.isascii():
        text = _BN_TEMPERATURE.sub(" temperature ", _BN_THERMOMETER.sub(" thermometer e ", text))
    text = _TEMP_UNIT_WORD.sub(lambda m: f"{m.group(1)} deg {'f' if m.group(2) else 'c'} ", text)
    if "gond" in text or "gand" in text or _n("গন্ধ") in text:
        text = _NO_SMELL.sub(lambda m: m.group(0) if not re.search(r"(?:na|না)(?:\s+\S+)?$", m.group(0))
                             else " anosmia ", text)
    if not text.isascii():
        text = _TEST_RESULT.sub(lambda m: " negative " if m.group(1) else " positive ", text)
    text = _WEIGHT_UP.sub(lambda m: f"{m.group(1)} {_in_script(m.group(0), 'thik ache', 'ঠিক আছে')}", text)
    if "sob" in text:
        text = _ALL_SOB.sub("shob", text)
    if "bomi" in text:
        text = _NAUSEA_ROMAN.sub(" nausea ", text)
    if "alo" in text or "light" in text or _n("আলো") in text:
        text = _LIGHT_UNBEARABLE.sub(" photophobia ", text)
    if "sugar" in text or "diabetes" in text or _n("সুগার") in text or _n("ডায়াবেটিস") in text:
        text = _SUGAR_YEARS.sub(lambda m: f"{m.group(1)} {_in_script(m.group(0), 'ase', 'আছে')} ", text)
    text = _BURNING_AND_BELLY.sub(r"\1 , ", text)
    text = _BREAST_BEFORE_PERIOD.sub(lambda m: m.group(1) + (_in_script(m.group(0), "stone ", "স্তনে ")), text)
    text = _SWOLLEN_WHEALS.sub(lambda m: f"{m.group(1)} {m.group(2) or ''}{_in_script(m.group(0), 'ambat', 'আমবাত')}", text)
    text = _LIKE_A_BITE.sub(" ", text)
    text = _COLD_COMMA_PALE.sub(lambda m: f"{m.group(1)} {m.group(2)} {_in_script(m.group(0), 'ar', 'আর')} {m.group(3)}", text)
    text = _SKIN_SPLITS.sub(lambda m: m.group(1) + (_in_script(m.group(0), "fete", "ফেটে")), text)
    for pattern, label in _BN_OBS:
        text = pattern.sub(label, text)
    if _FEVER_WORD.search(text):
        text = _UP_TO_TEMP.sub(_up_to_temp, text)
    if "pra" in text or _n("প্রায") in text:
        text = _ABOUT_TIME.sub(_about_time, text)
    text = _NOT_BETTER.sub(_not_better, text)
    text = _MEDICINE_NOT_TAKEN.sub(lambda m: f"{m.group(1)} {_in_script(m.group(0), 'nai', 'নাই')}", text)
    text = _PAIN_SPELLING.sub("betha", text)
    if "bish" in text:
        text = _DIALECT_PAIN_ROMAN.sub(r"\1betha", text)
    if "por" in text or _n("পর") in text:
        text = _EVERY_HOURS.sub(_every_hours, text)
    if "kumor" in text:
        text = _KOMOR.sub("komor", text)
    if not text.isascii():
        if _n("বিষ") in text:
            text = _DIALECT_PAIN_AFTER_PLACE.sub(lambda m: m.group(1) + _n("ব্যথা"), text)
            text = _DIALECT_PAIN_BEFORE_VERB.sub(_n("ব্যথা"), text)
        text = _DIALECT_TOWARDS.sub(_n("দিকে"), _DIALECT_RIGHT.sub(_n("ডান"), text))
        text = _PAIN_JOINED_BN.sub(r" \1", _PAIN_SPELLING_BN.sub(_n("ব্যথা"), text))
        text = _FINGER_SPELLING.sub(_n("আঙুল"), text)
        text = _CONTINUOUS_SPOKEN.sub(lambda m: _n("তেছ") + m.group(1), text)
    if "dekh" in text or _n("দেখ") in text:
        text = _LOOKS_LITTLE.sub(_looks_little, text)
        text = _LOOKS_SMALL.sub(_looks_little, text)
    if "t" in text or _n("টা") in text or _n("টি") in text:
        text = _PILL_COUNT.sub(_pill_count, text)
    if "chit" in text or "chhit" in text or _n("ছিট") in text:
        text = _SPUTUM_SPECKS.sub(lambda m: m.group(1) + (_in_script(m.group(0), "rokto", "রক্ত")), text)
    text = _IN_THE_HEAT.sub(_n("গরমকালে"), text)
    if "gorome" in text:
        text = _IN_THE_HEAT_ROMAN.sub("gormokale", text)
    if " na" in text:
        text = _VERB_NA.sub(r"\1na", text)
        text = _SYMPTOM_GOES_ON.sub(r"\1\2na", text)
    text = _MONTHS_WEEKS_PREGNANT.sub(lambda m: f"{round(int(m.group(1)) * 4.35) + int(m.group(2))} ", text)
    text = _WEEKS_PREGNANT.sub(lambda m: _pregnancy(m, 1, 2, " " if m.string.startswith("pregnan", m.end()) else " pregnant "),
                               text)
    text = _PREGNANT_THEN_WEEKS.sub(lambda m: m.group(1) + _pregnancy(m, 2, 3), text)
    text = _BORN_WHEN.sub(_born_when, text)
    text = _DELIVERY_WHEN.sub(_delivery_when, text)
    text = _AGE_AFTER_BOYOS.sub(_age_words, text)
    text = _AGE_BARE_AFTER_PERSON.sub(lambda m: f"{m.group(1)} , {m.group(2)} years old ,"
                                      if 0 < int(m.group(2)) <= 110 else m.group(0), text)
    text = _AGE_AFTER_CHILD.sub(_age_words, text)
    text = _WIFE_WEEKS.sub(lambda m: f"{m.group(1)} {m.group(2)} weeks pregnant" if 6 <= int(m.group(2)) <= 42
                           else m.group(0), text)
    text = _WEEKS_RUNNING.sub(lambda m: f"{m.group(1)}{m.group(2)} weeks pregnant " if 6 <= int(m.group(2)) <= 42
                              else m.group(0), text)
    text = _AGE_OPENING.sub(lambda m: f"{m.group(1)}{m.group(2)} years old", text)
    text = _AGE_BEFORE_SEX.sub(lambda m: f" , {m.group(1)} years old , {m.group(2)} ", text)
    text = _HEADER.sub(lambda m: m.group(0) if _HEADER_DURATION.match(m.string, m.end(2)) else
                       f" , {m.group(1)} , {m.group(2)} years old , ", text)
    text = _BRACKETED_AGE.sub(lambda m: f"{m.group(1)} , {m.group(2)} "
                              f"{_UNIT_EN[_unit_kind(m.group(3))] if m.group(3) and m.group(3) not in {'y', 'yr', 'yrs', 'year', 'years'} else 'years'} old ,"
                              f"{' (' if m.group(4) == ',' else ''}", text)
    header = "years old ," in text
    text = _LAST_MONTH.sub(lambda m: "1 mash age ", text)
    text = _ILLNESS_AGO.sub(_illness_over, text)
    text = _INJURY_AGO.sub(lambda m: f"{m.group(1)} {_UNIT_EN[_unit_kind(m.group(2))]} ago", text)
    text = _FEVER_CAME_DOWN.sub(lambda m: f"{m.group(1)} {_in_script(m.group(0), 'chere gese', 'ছেড়ে গেছে')}", text)
    text = _FEVER_HEALED.sub(_fever_healed, text)
    if header:
        text = _PARENT_HAD.sub(lambda m: f"family history of {m.group(2)} ,", text)
    text = _WEIGHT_NOT_DOWN.sub(lambda m: f"{m.group(1) or m.group(4)} {_in_script(m.group(2) or m.group(5), 'kome', 'কমে')} "
                                          f"{_in_script(m.group(3) or m.group(6), 'nai', 'নাই')}", text)
    if "ni" in text:
        text = _HAPPENED_NOT.sub(r"\1ni", text)
    text = _TOUCHED_NOT.sub(lambda m: "nai" if m.group(2) == "ni" else _n("নাই"), text)
    text = _NEGATIVE_PAST.sub(lambda m: f"{m.group(1)} {'nai' if m.group(2) == 'ni' else _n('নাই')}", text)
    if "ache" in text:
        text = _COPULA_ACHE.sub("ase", text)
    if _n("না") in text:
        text = _TRAILING_NA.sub(_trailing_na, text)
    if _n(" ন") in text:
        text = _CTG_NOT_END.sub(_n("নাই"), _CTG_NOT_VERB.sub(_ctg_not_verb, text))
    text = _NOY.sub(_n("নাই"), text)
    text = _NOY_ROMAN.sub("nai", text)
    text = _NAUSEA.sub(" nausea ", text)
    text = _CAME_OUT_NOT.sub(lambda m: f"{m.group(1)}{_in_script(m.group(0), 'ashe nai', 'আসে নাই')}", text)
    text = _WENT_NOT.sub(lambda m: f"{m.group(1)} {'nai' if m.group(2) == 'ni' else _n('নাই')}", text)
    text = _PAIN_NOT.sub(lambda m: f"{m.group(1)} {_n('নাই')}", text)
    text = _FINDING_NOT.sub(lambda m: f"{m.group(1)} {_n('নাই')}", text)
    text = _TALKS_NOT.sub(lambda m: f"{m.group(1)} {_n('কথা')} {m.group(2)} {_n('নাই')}", text)
    text = _FAINTED_PAST.sub(" passed out ", text)
    if "ogy" in text or _n("অজ্ঞান") in text or "ogan" in text or "behu" in text or "beho" in text:
        text = _FAINTED_RECOVERED.sub(_fainted_recovered, text)
    if "rat" in text:
        text = _NIGHT_BEFORE.sub("raat", _NIGHT_AFTER.sub(r"\1 raat", text))
    if "," in text:
        text = _negated_lists(text)
    return text


# ---------------------------------------------------------------------------
# Sex from Bangla words, with word boundaries ("মা" is not inside "আমার" or "মাথা").
# ---------------------------------------------------------------------------

_BN_SUFFIX = _n(r"(?:য়ের|য়ের|দের|টার|টির|কে|রা|টা|টি|ের|এর|র|ও|ই|রে)?")
_BN_MALE = _n("ছেলে|পুরুষ|বাবা|আব্বা|আব্বু|স্বামী|ভাই|ভাইয়া|দাদা|দাদু|নানা|নানু|চাচা|মামা|খালু|ফুপা|কাকা|জামাই|নাতি|"
              "শ্বশুর|ভাতিজা|ভাগ্নে|লোক")
_BN_FEMALE = _n("মেয়ে|মহিলা|নারী|মা|আম্মা|আম্মু|স্ত্রী|বউ|বৌ|বোন|দাদি|দাদী|নানি|নানী|চাচি|মামি|খালা|ফুপু|কাকি|নাতনি|"
                "ভাতিজি|ভাগ্নি|গর্ভবতী|আপা|আপু|ভাবি|শাশুড়ি")
_BN_SEX_WORD = _nfc(r"(?<![\u0980-\u09ff])(?:(" + _BN_MALE + r")|(" + _BN_FEMALE + r"))" + _BN_SUFFIX
                    + r"(?![\u0980-\u09ff])")
_ROMAN_SEX_WORD = re.compile(
    r"(?<![a-z])(?:(chele|cheler|cheleke|purush|abbur|babar|shami|shamir|bhai|bhaier|bhaiya|dadu|chacha|"
    r"nanur|nati)|(meyer|meyeke|mohila|mahila|ammur|mayer|stri|strir|bou|bour|bouer|bouyer|bon|boner|dadi|dadir|nani|"
    r"nanir|khala|fupu|natni|gorbhoboti))(?![a-z])")
_BANGLA_WORD = re.compile(r"[\u0980-\u09ff]+")
# (romanised "mama", "nana" are an uncle and a grandfather in Bangla but a mother and a grandmother in English: left
# to the English words)


def sex_text(text: str) -> str:
    """The text for reading the sex: Bangla kinship and sex words as English ("son", "mother"), other Bangla words
    removed (the English sex words then read it without finding "মা" inside "আমার")."""
    if not _bangla_or_romanised(text):
        return text
    text = _ROMAN_SEX_WORD.sub(lambda m: " male " if m.group(1) else " female ", text)
    if text.isascii():
        return text
    text = _BN_SEX_WORD.sub(lambda m: " male " if m.group(1) else " female ", text)
    return _BANGLA_WORD.sub(" ", text)
