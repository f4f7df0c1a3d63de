"""Bangla and romanised Bangla triage: the red flags and common complaints of the knowledge base as
people write them in Bangla script and as typed on phones, and the reading that makes it possible
(Bangla spelling and word endings, Bangla digits, ages, durations, temperatures, negation)."""
from __future__ import annotations

import pytest

from backend.triage import reader
from backend.triage.engine import assess

CASES = [
    # Emergencies, Bangla script
    ("বুকের বাম দিকে চাপ ধরা ব্যথা, ঘেমে যাচ্ছি, বয়স ৬০", "emergency"),
    ("বুকে প্রচন্ড ব্যাথায় কষ্ট পাচ্ছি, ঠান্ডা ঘাম দিচ্ছে", "emergency"),
    ("হঠাৎ করে শ্বাস কষ্ট হচ্ছে, কথা বলতে পারছি না", "emergency"),
    ("দাদি হঠাৎ অজ্ঞান হয়ে গেছেন, ডাকলে সাড়া দেন না", "emergency"),
    ("ছেলের খিঁচুনি হচ্ছে ১০ মিনিট ধরে থামছে না", "emergency"),
    ("আব্বুর মুখ একদিকে বেঁকে গেছে আর ডান হাত তুলতে পারছে না", "emergency"),
    ("কাটা জায়গা থেকে অনেক রক্ত পড়ছে, চেপে ধরেও থামছে না", "emergency"),
    ("রক্তবমি হয়েছে দুইবার, মাথা ঘুরছে", "emergency"),
    ("বাচ্চার জ্বর আর গায়ে বেগুনি দাগ, গ্লাস চাপলে যায় না", "emergency"),
    ("মা বিষ খেয়েছে, কীটনাশক", "emergency"),
    ("ধানক্ষেতে সাপে কামড় দিয়েছে পায়ে", "emergency"),
    ("আজ রাতে আত্মহত্যা করব, দড়ি কিনে রেখেছি", "emergency"),
    ("৩৪ সপ্তাহের গর্ভবতী, প্রচুর রক্তপাত হচ্ছে", "emergency"),
    ("১ মাসের বাচ্চা দুধ খাচ্ছে না, নেতিয়ে পড়েছে", "emergency"),
    ("আমার বাবুর বয়স ৫ সপ্তাহ, জ্বর ১০১ ডিগ্রি", "emergency"),
    # Emergencies, romanised
    ("bukey khub betha, ghame bhije gesi, boyosh 58", "emergency"),
    ("hotat shas nite parchi na, thot nil hoye jacche", "emergency"),
    ("nana ogyan hoye gese, deke sara pacchi na", "emergency"),
    ("chele r khichuni hocche, mukh diye fena", "emergency"),
    ("ammur kotha jorie jacche ar bam hat obosh hoye gese hothat", "emergency"),
    ("rokto bomi korche onek, paikhana kalo", "emergency"),
    ("bacchar jor r ghar shokto, matha betha", "emergency"),
    ("bhai kitnashok kheye felse", "emergency"),
    ("saap e kamor dise paye, fule jacche", "emergency"),
    ("aj rate atmohotta korbo, ghumer oshudh jomiye rekhechi", "emergency"),
    ("ami 8 mash pregnant, onek rokto jacche r pet e betha", "emergency"),
    ("bacchar 3 din dhore patla paikhana r bomi, chokh gorte dhuke gese, kandle pani ashe na", "emergency"),
    # Urgent, routine and self-care, Bangla script
    ("৩ দিন ধরে জ্বর ১০৩, শরীর ব্যথা", "urgent"),
    ("আমি আর বাঁচতে চাই না, আত্মহত্যা করার কথা ভাবছি", "urgent"),
    ("ডান চোখ লাল আর ব্যথা, আলো সহ্য হচ্ছে না", "urgent"),
    ("দুই দিন ধরে কাশি আর সর্দি, হালকা জ্বর", "self_care"),
    ("গলা ব্যথা, ঢোক গিলতে কষ্ট, ২ দিন", "self_care"),
    ("পাতলা পায়খানা আজকে ৪ বার, বমি নেই, পানি খাচ্ছি", "self_care"),
    ("মাথাব্যথা বিকালে বাড়ে, কাজের চাপে", "self_care"),
    ("সকাল থেকে মাথা ব্যথা, জ্বর নাই, বমি নাই", "self_care"),
    ("হাতে আর পায়ে চুলকানি, ছোট ছোট দানা", "self_care"),
    ("কানে ব্যথা ২ দিন ধরে, বয়স ৩০", "self_care"),
    ("৩ দিন ধরে দাঁতে ব্যথা, ঠান্ডা পানি খেলে শিরশির করে", "routine"),
    ("প্রস্রাবে জ্বালাপোড়া আর বারবার প্রস্রাব, জ্বর নাই", "self_care"),
    ("খাওয়ার পর বুক জ্বালাপোড়া আর টক ঢেকুর", "self_care"),
    ("চোখ লাল, পিচুটি পড়ছে, ব্যথা নেই", "self_care"),
    ("কোমরে ব্যথা, ভারী জিনিস তোলার পর থেকে", "self_care"),
    # Urgent, routine and self-care, romanised
    ("3 din dhore jwr 103, matha betha", "urgent"),
    ("ar bachte ichcha kore na, nijeke mere felte chai", "urgent"),
    ("sordi kashi 2 din, nak diye pani pore", "self_care"),
    ("buke betha nai, jor nai, sudhu ektu kashi 2 din", "self_care"),
    ("gola betha r khuskhus 2 din dhore", "self_care"),
    ("loose motion 3 bar aj, bomi nai", "self_care"),
    ("pete gas, bukjala, khabar por beshi", "self_care"),
    ("pete kirmi, pacha chulkay rate", "self_care"),
    ("kaan e betha 2 din, jor nai", "self_care"),
    ("1 soptaho dhore dat e betha, mari fule nai", "routine"),
    ("prosrab e jala pora kore, bar bar jete hoy", "self_care"),
    ("sara gaye chulkani, lal dana", "self_care"),
    ("komor betha 1 soptaho dhore, bhari jinish tulsilam", "self_care"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_bangla_and_romanised_complaints_reach_their_level(text, level):
    assert assess(text).urgency == level


def test_the_cases_cover_both_scripts_and_every_level():
    bangla = [text for text, _ in CASES if any("\u0980" <= ch <= "\u09ff" for ch in text)]
    assert len(bangla) >= 20 and len(CASES) - len(bangla) >= 20
    assert {level for _, level in CASES} == {"emergency", "urgent", "routine", "self_care"}


@pytest.mark.parametrize(("a", "b"), [
    ("বুকে", "বুক"), ("বুকের", "বুক"), ("মাথায়", "মাথা"), ("ব্যথাটা", "ব্যথা"), ("দাগগুলো", "দাগ"),
    ("বাচ্চার", "বাচ্চা"), ("খিঁচুনি", "খিচুনি"), ("নীল", "নিল"), ("প্রচণ্ড", "প্রচন্ড"), ("পড়ে", "পরে"),
])
def test_bangla_spelling_and_endings_fold_to_one_stem(a, b):
    assert reader.tokens(a)[0].stem == reader.tokens(b)[0].stem


def test_short_bangla_words_and_pronouns_keep_their_endings():
    assert reader.tokens("আমার")[0].stem == "আমার"
    assert reader.tokens("হয়")[0].stem != reader.tokens("হ")[0].stem


@pytest.mark.parametrize(("text", "age", "days", "temp"), [
    ("আমার বাবুর বয়স ৬ সপ্তাহ, জ্বর ১০১", 0.115, None, 38.3),
    ("baby 4 mas er, 2 din dhore sordi", 0.333, 2, None),
    ("2 bochorer meye, 3 din dhore jor", 2, 3, None),
    ("boyosh 45, ১০৩ জ্বর", 45, None, 39.4),
    ("এক সপ্তাহ ধরে জ্বর", None, 7, None),
    ("koek mash dhore betha", None, 90, None),
    ("kashi 3 mash", None, None, None),       # how long, not a 3-month-old
    ("kashi 1 soptaho, jor nai", None, 7, None),
    ("thermometer e 38.5", None, None, 38.5),
    ("ammu 55 bochor, jor 102", 55, None, 38.9),
    ("dayabetis 10 bochor, paye jala", None, None, None),   # how long the diabetes, not a 10-year-old
    ("দাঁতে ব্যথা, ১ সপ্তাহ", None, 7, None),
    ("বাবুর বয়স ৬ সপ্তাহ", 0.115, None, None),
])
def test_bangla_ages_durations_and_temperatures(text, age, days, temp):
    facts = reader.read_facts(text)
    assert facts.age_years == (None if age is None else pytest.approx(age, abs=0.01))
    assert facts.days == days
    assert facts.temp_c == temp


def test_romanised_nai_is_a_negation_not_the_shorthand_for_non_accidental_injury():
    result = assess("kashi 2 din, jor nai, shash koshto nai")
    names = {f["name"] for f in result.findings if not f.get("negated")}
    assert "safeguarding concern" not in names
    assert "shortness of breath" not in names and "fever" not in names
    assert "safeguarding concern" in {f["name"] for f in assess("4 month old, bruises, ?NAI").findings}


def test_romanised_jor_is_force_when_straining_and_a_fever_otherwise():
    assert "fever" not in {f["name"] for f in assess("paykhana shokto, jor dile rokto pore").findings}
    assert "fever" in {f["name"] for f in assess("jor 2 din, matha betha").findings}


@pytest.mark.parametrize("text", ["জ্বরের পর কাশি রয়ে গেছে, এক সপ্তাহ", "jor er pore kashi roye gese 1 soptaho"])
def test_the_fever_a_cough_dates_from_is_over(text):
    result = assess(text)
    assert [f["historical"] for f in result.findings if f["name"] == "fever"] == [True]
    assert result.urgency == "self_care"


# Further red flags in Bangla script and romanised Bangla: stroke, snake bite, burns, lightning, drowning,
# overdose, baby danger signs (WHO IMCI), dengue warning signs, labour and bleeding after birth.
MORE_EMERGENCIES = [
    "সাপে কাটা, পা ফুলে যাচ্ছে",
    "shape kata paye, 1 ghonta age",
    "baba stroke korse, mukh beke gese",
    "হাত পা অবশ হয়ে গেছে, কথা জড়িয়ে যাচ্ছে",
    "আমার বাবা অচেতন, হুঁশ নেই",
    "bojropat e ahoto, shash nite parche na",
    "গোসল করতে গিয়ে পুকুরে ডুবে যাচ্ছিল",
    "আমার স্বামী ঘুমের ওষুধ অনেকগুলো খেয়ে ফেলেছে",
    "২ মাসের বাচ্চা গোঙাচ্ছে, দুধ খায় না",
    "baby 1 maser, kanna durbol, dudh tane na",
    "dengue hoise, platelet kom, hat pa thanda, chotfot korche",
    "delivery r por onek rokto jacche, pad bhije jacche",
    "masik bondho 2 mash, pet e onek betha, matha ghure pore gelam",
    "হঠাৎ চোখে অন্ধকার দেখছি, এক চোখে দেখছি না",
]


@pytest.mark.parametrize("text", MORE_EMERGENCIES)
def test_more_bangla_and_romanised_emergencies_are_recognised(text):
    assert assess(text).urgency == "emergency"


@pytest.mark.parametrize(("text", "finding"), [
    ("চালধোয়া পানির মতো পায়খানা", "cholera"),
    ("am rokto paikhana 5 bar, jor", "bloody diarrhoea"),
    ("sas nite kosto hocche", "shortness of breath"),
    ("baccha ja khay sob bomi kore dey", "can't keep fluids down"),
    ("hat agune pure gese", "burn injury"),
    ("মাসিক বন্ধ ২ মাস, তলপেটে ব্যথা", "late period"),
    ("ami pregnant na, pet e gas", "indigestion"),
])
def test_bangla_words_for_more_findings(text, finding):
    assert finding in {f["name"] for f in assess(text).findings if not f.get("negated")}


@pytest.mark.parametrize("text", [
    "amar shashurir matha betha 1 din",       # 'shashuri' (mother-in-law) is not 'shash' (breath)
    "bacchar sordi kashi 3 din, jor nai, khelche, dudh khacche",
    "ami pregnant na, pet e gas",
    "মাথা ব্যথা আর সর্দি, ২ দিন",
    "the sap from the plant got on my skin and it is itchy",
])
def test_harmless_bangla_and_colliding_words_are_not_raised(text):
    assert assess(text).urgency in {"self_care", "routine"}


def test_mother_in_law_is_not_breathlessness():
    names = {f["name"] for f in assess("amar shashurir pete kosto hocche 2 din").findings}
    assert "shortness of breath" not in names
