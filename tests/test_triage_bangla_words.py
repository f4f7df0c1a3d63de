"""The many ways people in Bangladesh and West Bengal write the same finding: Bangla script and romanised
spellings, dialect and everyday words, honorific verbs for elders (-ছেন/-chen), English words mixed in.
Each text must be read as the named finding (bangla.yaml adds the words to the English findings), and a few
whole messages must reach their level."""
from __future__ import annotations

import pytest

from backend.triage.engine import assess

FINDINGS = [
    # Red flags
    ("বুক থেকে পিঠে ছিঁড়ে যাচ্ছে এমন ব্যথা", "tearing pain"),
    ("buk theke pith porjonto betha, mone hoy chire jacche", "tearing pain"),
    ("bam pa ta hothat thanda hoye gese", "cold pale limb"),
    ("ডান পা ফ্যাকাসে আর ঠান্ডা", "cold pale limb"),
    ("পায়ের আঙুল নাড়াতে পারছি না", "numb or paralysed limb"),
    ("বাচ্চার চোখ উল্টে গেছে, হাত পা শক্ত", "seizure"),
    ("nanar khichuni holo, hush fire nai ekhono", "prolonged seizure"),
    ("একটার পর একটা খিঁচুনি হচ্ছে", "prolonged seizure"),
    ("শ্বাস নেওয়ার সময় বুকের খাঁচা ঢুকে যাচ্ছে", "chest sucking in"),
    ("shash neyar somoy buk dhebe jacche", "chest sucking in"),
    ("ছেলের কাশি ঘং ঘং করে", "croup cough"),
    ("meyer kukurer moto ghew ghew kashi", "croup cough"),
    ("shash nite shoo shoo shobdo hoy", "stridor"),
    ("পোকার ওষুধ খেয়ে ফেলেছে", "poisoning or ingestion"),
    ("chacha pokamara oshudh kheyeche", "poisoning or ingestion"),
    ("মাঠে কিছু কামড়েছে, দুইটা ফুটা দাগ আছে", "snake bite"),
    ("ghorir battery ta gile feleche meye", "swallowed battery or magnet"),
    ("ছোট ছেলে চুম্বক গিলে ফেলেছে", "swallowed battery or magnet"),
    ("babur paikhanay jelly r moto rokto", "intussusception"),
    ("মায়ের সুগার কমে গেছে, ঘামছেন", "hypo words"),
    ("দাদু প্রলাপ বকছেন", "confusion"),
    ("abba kauke chinte parchen na", "confusion"),
    ("বেঁচে থেকে কোন লাভ নাই মনে হয়", "suicidal thoughts"),
    ("jiboner kono mane nai, more gele bhalo hoto", "suicidal thoughts"),
    ("ঘুমের ওষুধ জমিয়ে রেখেছি", "suicide plan"),
    ("pete baccha norachora prai nai aj", "no fetal movements"),
    ("বাচ্চা আজ একদম নড়ছে না পেটে", "no fetal movements"),
    ("গরম তেলে বুক পেট পুড়ে গেছে, বড় জায়গা জুড়ে", "large or deep burn"),
    ("পাছার চারপাশ অবশ লাগে", "saddle numbness"),
    ("prosrab asche na, chap dite hoy", "bladder or bowel control lost"),
    ("পড়ে যাওয়ার পর পা টা খাটো লাগছে", "leg turned out"),
    ("nani darate parchen na", "can't bear weight"),
    ("kopal kochkate parchi na ek pashe", "forehead involved"),
    ("bichi te hothat bhishon betha", "scrotal pain"),
    ("অণ্ডকোষে ব্যথা আর ফুলে গেছে", "scrotal pain"),
    # Common complaints
    ("komor theke tolpet e betha ashe jay", "renal colic"),
    ("কিডনিতে পাথর ধরা পড়েছে", "renal colic"),
    ("প্রস্রাব লাল লাল হচ্ছে", "blood in urine"),
    ("বাবুর দাঁত উঠতেছে মনে হয়", "teething"),
    ("dat uthche, mari fule ache", "teething"),
    ("ডায়াপারের জায়গাটা লাল হয়ে আছে", "nappy rash"),
    ("diaper er jaygay lal rash", "nappy rash"),
    ("শিশু প্রতিদিন সন্ধ্যার পর কাঁদে", "excessive crying"),
    ("ghontar por ghonta kande, thamano jay na", "excessive crying"),
    ("গা খসখসে লাল দানা, শিরিশ কাগজের মতো", "scarlet fever"),
    ("jibh ta strawberry r moto", "scarlet fever"),
    ("জিভে ঘা, ঝাল খেলে জ্বলে", "mouth ulcer"),
    ("mukhe gha hoise", "mouth ulcer"),
    ("হাতের তালু আর পায়ের তালুতে লাল দানা", "hand foot and mouth"),
    ("রাস্তার কুকুর কামড়েছে", "animal bite"),
    ("biral achor dise hate", "animal bite"),
    ("মশা কামড়ে ফুলে গেছে", "insect bite"),
    ("moumachi hul futiyeche", "insect bite"),
    ("পায়ে হাজা হয়েছে", "athlete's foot"),
    ("payer angul er fanke chulkay", "athlete's foot"),
    ("কুঁচকিতে চুলকায়, গোল দাগ", "ringworm"),
    ("gol gol dag chulkay, kinara uchu", "ringworm"),
    ("ফোসকা উঠেছে শুধু এক পাশে", "shingles"),
    ("baam pashe line dhore jala", "one-sided burning or tingling"),
    ("মাথায় কেউ বেল্ট দিয়ে বেঁধে রেখেছে মনে হয়", "tension headache"),
    ("matha tight hoye thake", "tension headache"),
    ("kokhono kosa kokhono patla paikhana", "irritable bowel"),
    ("পায়খানা করলে আরাম পাই", "irritable bowel"),
    ("pet fape sondhar dike", "bloating"),
    ("sordir por theke kashi jacche na", "after a cold"),
    ("hater gira fule geche", "severe joint pain"),
    ("ফোড়া পেকেছে, পুঁজ ভর্তি", "skin abscess"),
    ("komor e tan legeche", "back pain"),
    ("কিছুই ভালো লাগে না", "low mood"),
    ("বাথরুমে পিছলে পড়ে গেছেন", "fell down"),
    ("purush, boyosh 40", "male"),
    ("আমার নাতনির বয়স আড়াই মাস", "young baby"),
    ("der masher babu r gaa gorom", "young baby"),
    ("dui paa i obosh lagche kal theke", "both legs weak"),
    ("দাদু গিলতে পারছেন না", "severe hypo signs"),
    ("meye aj beshi ghumacche, khete chay na", "sleepy child"),
    ("বাচ্চার গা গরম কিন্তু হাত পা ঠান্ডা", "cold hands and feet in a child"),
    # Pregnancy and early pregnancy (NICE NG133, NG126)
    ("chokher samne jhilmil kore matha dhorle", "flashing lights"),
    ("চোখের সামনে তারা দেখছি মাঝে মাঝে", "flashing lights"),
    ("angti ar dhukche na, hat mukh fule gese", "pre-eclampsia signs"),
    ("বউয়ের মুখ আর হাত হঠাৎ ফুলে গেছে", "pre-eclampsia signs"),
    ("kal theke kadher agay betha korche", "shoulder tip pain"),
    ("বাথরুমে চোখে অন্ধকার দেখছিলাম", "feeling faint"),
    # Legs, skin, eyes, mouth
    ("plane theke namar por dan payer gul fule tight", "one swollen calf"),
    ("দুবাই থেকে ৯ ঘণ্টার ফ্লাইটে এসেছেন", "long journey"),
    ("payer kata jaygar lal ta barche", "spreading redness"),
    ("হাঁটুর নিচে লাল জায়গাটা বড় হচ্ছে", "spreading redness"),
    ("ছেলের চোখের পাতা ফুলে ঢোল", "swollen eyelid"),
    ("meyer chokher upor ta fule gese", "swollen eyelid"),
    ("বাবু সারাদিন লালা ফেলে", "teething"),
    ("lala fele r sob kichu kamray", "teething"),
    ("রোদে পুড়ে পিঠ লাল হয়ে গেছে", "sunburn"),
    ("saradin rode pure ghar lal hoye gese", "sunburn"),
    ("গালের ভেতরে একটা সাদা ঘা", "mouth ulcer"),
    ("khawar somoy jibh kamre felechi", "mouth injury"),
    ("bron sarar por gorto gorto dag", "severe acne"),
    ("ব্রণের জন্য মেয়ে লজ্জায় বাইরে যায় না", "acne affecting confidence"),
    ("দুই দিন পায়খানা ও বায়ু বন্ধ", "not passing wind"),
    ("pet dholer moto fule ache", "bloating"),
    ("মায়ের হাঁটুর বাত, সিঁড়িতে কষ্ট", "osteoarthritis"),
    ("doctor bolse shorire rokto kom", "anaemia words"),
    ("ঘুমের বড়ি জমা করে রেখেছি", "suicide plan"),
    ("chal dhoya panir moto paikhana hocche", "diarrhoea"),
    ("বারবার পানির মতো পায়খানা", "diarrhoea"),
    ("chacha kheter pump e current kheyechen", "electrical injury"),
    ("খেলতে গিয়ে মাথায় বাড়ি খেয়েছে", "head injury"),
    ("sirite pore matha te bari kheyeche", "head injury"),
    ("nabhir dan pashe niche bhetha", "right lower abdominal pain"),
    ("তলপেটের বাম দিকে ব্যথা", "left lower abdominal pain"),
    ("দাদু হঠাৎ কথা বলতে পারছেন না", "slurred speech"),
    ("nanir dan hat tulte parchen na", "weakness one side"),
    ("ektu hatlei hapiye jai", "exertional symptom"),
    ("সিঁড়ি ভাঙলে বুকে চাপ লাগে", "exertional symptom"),
    ("মাসিক অনেক দিন ধরে থাকে, প্যাড বার বার বদলাতে হয়", "heavy periods"),
    ("payer angul lal hoye fule gese", "foot infection signs"),
    ("নিঃশ্বাসে ফলের মতো গন্ধ", "dka features"),
    ("kashle kof er sathe rokto ashe", "coughing blood"),
    ("ছয় মাসে অনেক শুকিয়ে গেছে", "weight loss"),
    ("meyer pet er dan dike niche batha", "right lower abdominal pain"),
    ("পড়ে গিয়ে কবজি ভেঙে গেছে মনে হয়", "broken bone"),
    ("chacha pore giye pa ta ulta dike ghure gese", "deformity"),
    ("বাচ্চা কিছু গিলেছে, গলায় আটকে আছে মনে হয়", "object stuck"),
    ("ranna korte giye gorom tel er chita laglo hate", "burn injury"),
    ("আম্মুকে কিছু খাওয়ানো যাচ্ছে না", "severe hypo signs"),
    ("বলে মাঝে মাঝে, মরে গেলে ভাল হত", "suicidal thoughts"),
    ("abba sugar er rogi, insulin nen", "diabetes"),
    ("দাদির পায়ের আঙুল কালো হয়ে যাচ্ছে", "gangrene"),
    ("ek chokhe hothat kichu dekhchi na", "sudden vision loss"),
    ("চোখের সামনে পর্দা নেমে এসেছে", "sudden vision loss"),
    # one spelling of the pain word reads every phrase written with another
    ("abbar buke bhetha korche", "chest pain"),
    ("mathay bhetha 2 din", "headache"),
    ("কাল থেকে মাথাব্যাথা", "headache"),
    ("ছেলের পেটব্যথা", "abdominal pain"),
    ("kumor e bhethay uthte pari na", "back pain"),
    ("gola bethha, dhok gilte kosto", "sore throat"),
    ("buk dhak dhak kore raate", "palpitations"),
    ("রাতে দম বন্ধ হয়ে আসে", "shortness of breath"),
    ("chele majhe majhe fit hoye jay", "seizure"),
    ("নানা আজ ভুল বকছেন", "confusion"),
    ("bacchar buke sai sai shobdo", "wheeze"),
    ("বুকের বাম দিকে চিনচিন করে", "chest pain"),
    ("সারাদিন মাথা ধরে থাকে", "headache"),
    ("meye blade diye hat kete feleche", "self-harm"),
    ("ভাই বলে কানের কাছে কেউ কথা বলে", "psychotic symptoms"),
    ("dadi uthane pore gelen", "fell down"),
    ("bam dike chest e chap lagche", "chest pain"),
    ("meyer pet e pain, khete chay na", "abdominal pain"),
    ("abbar breathing problem hocche kal theke", "shortness of breath"),
    ("babur mathar talu fule uthse", "bulging fontanelle"),
    ("মেয়ে বারবার কান টেনে কাঁদছে", "ear pain"),
    ("ছোট ছেলে টয়লেট ক্লিনার খেয়ে ফেলেছে", "poisoning or ingestion"),
    ("গায়ে গুটি বসন্তের মতো দানা", "chickenpox"),
    ("pete betha, pither dike jay", "pain through to the back"),
    ("গলা ফুলে গেছে, ঢোক গিলতে কষ্ট", "sore throat"),
    ("৩ সপ্তাহ ধরে গলা বসে গেছে", "hoarse voice"),
]


@pytest.mark.parametrize("text,finding", FINDINGS)
def test_the_words_read_as_the_finding(text, finding):
    result = assess(text)
    names = {row["name"] for row in result.findings or [] if not row["negated"]}
    assert finding in names, (text, sorted(names))


LEVELS = [
    ("হঠাৎ বুক থেকে পিঠে ছুরি মারার মতো ব্যথা, ছিঁড়ে যাচ্ছে মনে হয়", "emergency"),
    ("nanar hothat dan pa thanda, fyakashe, pa narate parchen na", "emergency"),
    ("আমার ৩ বছরের মেয়ের জ্বর, হঠাৎ চোখ উল্টে হাত পা ঝাঁকুনি দিল", "emergency"),
    ("chele 4 bochor, ghong ghong kashi, shash nile buk dhebe jay", "emergency"),
    ("২ বছরের বাচ্চা ঘড়ির ব্যাটারি গিলে ফেলেছে", "emergency"),
    ("ছোট ভাই পোকার ওষুধ খেয়ে ফেলেছে", "emergency"),
    ("ghumer oshudh jomiye rekhechi, aaj rate sob kheye felbo", "emergency"),
    ("ami 15, hothat bichi te bhishon betha r bomi", "emergency"),
    ("দাদু পিছলে পড়ে গেছেন, দাঁড়াতে পারছেন না, ডান পা খাটো আর বাইরের দিকে ঘোরানো", "emergency"),
    ("৩৬ সপ্তাহের গর্ভবতী, বাচ্চা আজ সারাদিন নড়ছে না", "emergency"),
    ("দুই মাসের বাবুর জ্বর ১০০.৪", "emergency"),
    ("amar chele 3 bochhor, teen din dhore jor, aj ghumiye ache beshi, hath pa thanda", "emergency"),
    ("রাস্তার কুকুর হাতে কামড়েছে, রক্ত বের হয়েছে", "urgent"),
    ("meye 6 bochor, jor, gola betha, gaye khoshkhoshe lal rash", "urgent"),
    ("স্বামী ৪০, কোমর থেকে তলপেটে ঢেউয়ের মতো ব্যথা আসে", "urgent"),
    ("ami purush, 40, prosrab e jala, bar bar jete hoy", "urgent"),
    ("মশা কামড়ে একটু লাল হয়ে চুলকাচ্ছে, আর কিছু না", "self_care"),
    ("payer angul er fake haja, chulkay, diabetes nai", "self_care"),
    # pre-eclampsia: headache that paracetamol does not ease, with blurred vision (NICE NG133)
    ("bou 35 soptaho pregnant, matha betha napa kheyeo komche na, chokhe jhapsa lage", "emergency"),
    ("৩৩ সপ্তাহের গর্ভবতী, মাথাব্যথা কমছে না, চোখের সামনে ঝিলমিল", "emergency"),
    # ectopic pregnancy: a missed period, one-sided pain and shoulder-tip pain (NICE NG126)
    ("masik 7 soptaho bondho, tolpete bam dike betha, kadher agay o betha", "emergency"),
    # a plan with the means gathered (NICE NG225)
    ("sob ghumer oshudh joma korechi, aj raate khabo", "emergency"),
    # DVT after a long flight (NICE NG158)
    ("৮ ঘণ্টার ফ্লাইটের পর বাম পায়ের গুল ফুলে গেছে, ব্যথা", "urgent"),
    # cellulitis spreading (NICE NG141), periorbital swelling in a child (NICE CKS)
    ("nanar paye lal, gorom, fule ache, lal ta barche", "urgent"),
    ("৩ বছরের মেয়ের চোখের পাতা ফুলে লাল, হালকা জ্বর", "urgent"),
    # self-care: teething, sunburn, a mouth ulcer after a bite
    ("৮ মাসের বাবু খুব লালা ফেলছে, মাড়ি ফোলা, খেলছে ঠিকমতো", "self_care"),
    ("rode pure kadh lal, foshka nai, jor nai", "self_care"),
    ("গাল কামড়ে ছোট সাদা ঘা হয়েছে, আর কিছু নেই", "self_care"),
    # acne that pharmacy creams have not helped, leaving scars (NICE NG198)
    ("kopale bron 5 mash, cream e kaj hocche na, dag pore jacche", "routine"),
    # bowel obstruction: no stool or wind, swollen belly, vomiting (NICE CKS)
    ("পুরুষ ৫৫, দুই দিন পায়খানা ও বাতাস বন্ধ, পেট ঢোলের মতো, বমি", "emergency"),
    # cholera-like watery diarrhoea with sunken eyes (WHO IMCI severe dehydration)
    ("sakal theke chal dhoya panir moto paikhana, chokh bose geche, khub durbol", "emergency"),
    # a head blow with repeated vomiting and drowsiness (NICE NG232)
    ("chele matha te bari kheyeche, 3 bar bomi korse, ekhon khub ghumacche", "emergency"),
    # prickly heat in the hot season is self-care, not a hot red patch (NHS Heat rash)
    ("গরমে বুকে পিঠে লাল লাল ঘামাচি, চুলকায়, জ্বর নেই", "self_care"),
    ("gorome gaye ghamachi, chulkay, onno kono somossa nai", "self_care"),
    # bleeding late in pregnancy, the weeks said without "pregnant" (NICE CKS Antepartum haemorrhage)
    ("আমার বউ ৩৪ সপ্তাহ, হঠাৎ অনেক রক্ত যাচ্ছে", "emergency"),
    # a low sugar in an elder who cannot be given anything by mouth (JBDS hypoglycaemia; NICE NG17)
    ("nanur sugar kome gese, ghamchen, kichu khawano jacche na", "emergency"),
    # a swallowed coin stuck, drooling and unable to swallow (NICE CKS; RCEM)
    ("ছেলে কয়েন গিলে ফেলেছে, গলায় আটকে আছে মনে হয়, গিলতে পারছে না", "emergency"),
    # self-harm by cutting, bleeding stopped: seen the same day (NICE NG225)
    ("মেয়ে আবার ব্লেড দিয়ে হাত কেটেছে, রক্ত থেমেছে", "urgent"),
]


@pytest.mark.parametrize("text,level", LEVELS)
def test_whole_messages_reach_their_level(text, level):
    assert assess(text).urgency == level, text
