"""Read a free-text complaint: tokens, facts (age, sex, temperature, duration,
onset) and the ConText modifiers (negated, uncertain, historical, someone
else's) that the knowledge base's findings are matched against.

Phrases from the knowledge files go through the same `tokens()` pipeline as
patient text, so a phrase is written once in plain words: case, British or
American spelling, word endings and shorthand are folded on both sides.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from . import bangla_reading

# ---------------------------------------------------------------------------
# Normalisation and tokens.
# ---------------------------------------------------------------------------

_BANGLA_DIGITS = {ord("০") + i: str(i) for i in range(10)}
_CHAR_FOLD = {
    **_BANGLA_DIGITS,
    0x200C: None, 0x200D: None,             # zero-width (non-)joiners inside Bangla words
    0x0964: ".", 0x0965: ".",               # danda, double danda
    0x2019: "", 0x2018: "", ord("'"): "", ord("`"): "",   # can't -> cant, baby's -> babys
    0x201C: " ", 0x201D: " ", ord('"'): " ",
    0x2013: " - ", 0x2014: " - ",
    0x00B0: " deg ",                        # 39°C -> 39 deg c
    0x00BA: " deg ",
    0x2109: " deg f", 0x2103: " deg c",
}

# Clinical shorthand that is only safe to read when written in capitals. "SI joint" is the
# sacroiliac joint; "OD" alone is the right eye or "once daily", so only "OD'd" and
# "took an OD" are an overdose; "PR"/"PV" are read (any case) only beside bleeding words below.
_CASED_SHORTHAND = [(re.compile(p), r) for p, r in (
    # observations written without a space: "RR28", "HR112", "BP88/50", "sats91%", "GCS14/15"
    (r"(?i)(?<![a-z])(HR|RR|BP|SpO2|sats|GCS|pulse)(?=\d)", r"\1 "),
    (r"\bSH\b(?=\s*:)", " social history "),
    (r"\bHA\b", " headache "), (r"\bLOC\b", " loss of consciousness "), (r"\bHR\b", " heart rate "),
    (r"\bSI\b(?!\s*joints?\b)", " suicidal ideation "), (r"\bOD(?:'|’)?d\b", " overdosed "),
    (r"\b(an|took|taken|taking|take)\s+OD\b", r"\1 overdose "), (r"\bST\b(?!\s*(?:-\s*)?(?:elevation|depression|segment|seg|changes?|wave|T\b))", " sore throat "),
    (r"\bRR\b", " respiratory rate "), (r"\bSOBOE\b", " shortness of breath on exertion "),
    (r"\bSOB\b", " shortness of breath "),
    (r"\bNAI\b", " non accidental injury "),
)]
# Fixed expressions whose words would otherwise be read one by one as something else.
_HALF_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12}
_DIABETES_CUE = re.compile(r"(?<![a-z])(?:type\s*(?:1|2|one|two)|t[12]dm|diabet\w*|metformin|gliclazide|insulin|"
                           r"sugars?)(?![a-z])")


def _sugar_readings(m: re.Match) -> str:
    # "type 2, on metformin, readings have been 22-27": a diabetic's own readings are blood sugars (a blood pressure
    # written "95/60" is not one)
    return f" sugar {m.group(0)} " if _DIABETES_CUE.search(m.string) else m.group(0)


_IDIOMS = [(re.compile(p), r) for p, r in (
    (r"(?<![a-z])(?<!sugar )readings?\s+(?:have\s+been|has\s+been|are|were|was|is|of|up\s+to)?\s*(?=\d{1,2}(?:\.\d)?(?!\d)(?!\.\d)"
     r"(?!\s*/))", _sugar_readings),
    # "lost a stone without trying": unintentionally, not a denial of what follows ("without trying, constantly
    # thirsty" had denied the thirst)
    (r"(?<![a-z])without\s+(?:even\s+)?trying(?![a-z])", " unintentionally "),
    # "I've had it since I was a kid", "ever since I was little": the writer's own childhood, not a child patient
    # (and not how long this episode has lasted)
    (r"(?<![a-z])since\s+(?:i\s+was|we\s+were)\s+(?:a\s+)?(?:little\s+)?(?:kid|child|baby|toddler|little|small)(?![a-z])",
     " from an early age "),
    # "given 15g fast-acting glucose", "20 g of dextrose": the grams of a hypo treatment (NHS Low blood sugar), not a
    # blood sugar reading of 15
    (r"(?<![\d.])\d{1,3}\s*(?:g|gm|grams?)\s+(?:of\s+)?(?:fast\s*acting\s+|quick\s*acting\s+|rapid\s*acting\s+)?"
     r"(?:glucose|dextrose|sugar|carbs?|carbohydrates?)(?![a-z])", " fast acting sugar "),
    # "3 and a half days", "two and a half weeks": one number, not a "half" on its own
    (r"(?<![\d.])(?<![a-z])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+and\s+a\s+half(?![a-z])",
     lambda m: f"{_HALF_NUMBERS.get(m.group(1), m.group(1))}.5"),
    # "my finger oximeter keeps saying 90-91%", "the pulse oximeter reads 89": a saturation reading
    (r"(?<![a-z])(?:(?:finger|pulse|home)\s+)?(?:oximeter|sats monitor|sats probe|pulse thing|finger thing|oxygen thing|"
     r"oxygen monitor|oxygen meter)\s+(?:keeps\s+|is\s+|was\s+|has\s+been\s+)?"
     r"(?:saying|says|said|reads|reading|read|shows|showing|showed|on)\s+(?:about\s+|around\s+)?(?=\d)", " oxygen saturation "),
    # "dark urine, pale stools": the colour of the stool (a blocked bile duct, NICE CG188), not a pale person
    (r"(?<![a-z])pale\s+(?=(?:stools?|poos?|poops?|faeces|feces|motions|bowel motions)(?![a-z]))", " clay coloured "),
    # "not waking with headache", "not woken by the pain": the pain does not wake the person at night, not a person
    # who cannot be woken
    (r"(?<![a-z])not\s+(?:waking|woken|woke)(?:\s+up)?\s+(?:with|by)\s+(?:a\s+|the\s+)?(?=headache|pain|it)",
     " no night waking from the "),
    # "it's nowhere near her eye": a denial, said the way people say it
    (r"(?<![a-z])nowhere\s+near(?![a-z])", " not near "),
    # "~2 months", "~24 x 500mg": a writer's "about"
    (r"~\s*(?=\d)", " about "),
    # "can't lie down without feeling like I'm drowning", "can't eat without being sick": the second is there (a
    # double negative), brought on by the first ("can't walk without help" keeps its meaning)
    (r"(?<![a-z])(?:can'?t|cannot|can\s+not|couldn'?t|unable\s+to)\s+((?:[a-z']+\s+){0,4}?[a-z']+)\s+without\s+"
     r"(?!(?:any\s+|some\s+|a\s+|my\s+|his\s+|her\s+)?(?:help|support|assistance|aid|a\s+stick|stick|frame|crutches|"
     r"holding|someone|somebody|glasses|lenses|painkillers|tablets|medication|meds|it|"
     # "can't finish a sentence without stopping", "can't walk without resting": the inability is the finding
     r"stopping|stop|pausing|a\s+pause|a\s+break|breaks|a\s+breath|taking\s+a\s+breath|resting|a\s+rest|sitting\s+down)(?![a-z]))"
     r"(?:(?:feeling|getting|becoming|going)\s+)?",
     r" \1 brings on "),
    # "just had what looked like a fit": a seizure a carer saw, not a doubt about one
    (r"(?<![a-z])what\s+(?:looked|looks|seemed|appeared)\s+like\s+(?:a\s+)?(?=(?:fit|seizure|convulsion)s?(?![a-z]))",
     " a "),
    # "does it need stitches?", "do I need stitches?": a question asked, not a wound told as needing them
    (r"(?<![a-z])(?:does|do|will|would|might|could|should)\s+(?:it|this|that|he|she|they|i|we|you|the\s+cut)\s+"
     r"(?:need|needs|want)\s+(?:stitches|stitching|stitched|glue|gluing|steri\s*strips?)\s*\?", " question about closing it ? "),
    # "how do I stop it getting infected?", "to prevent infection": keeping a wound clean, not an infection told
    (r"(?<![a-z])(?:stop|prevent|avoid|keep)\s+(?:it|this|that|the\s+(?:cut|graze|wound|scrape))\s+(?:from\s+)?"
     r"(?:getting|becoming|going)\s+infected(?![a-z])", " keep it clean "),
    (r"(?<![a-z])(?:to\s+)?(?:prevent|avoid)\s+(?:an\s+|any\s+)?infection(?![a-z])", " keep it clean "),
    # "I've been collecting my tablets", "collecting up pills": gathering them, read as hoarding (NICE NG225); a bare
    # "collecting his citalopram" at a pharmacy is a prescription picked up
    (r"(?<![a-z])(?:(?:been|started|start|keep|keeps|kept)\s+collecting|collecting\s+up)(?![a-z])", " hoarding "),
    # "had a cold drink and lay on my side": a chilled drink, not a cold (the illness)
    (r"(?<![a-z])cold\s+(?=(?:drinks?|glass|can|juice|milk|fizzy|sugary\s+drinks?)(?![a-z]))", " "),
    # "chest pain worse lying back", "worse when I lean back": the position (lying flat, reclining), not the back
    (r"(?<![a-z])(lying|lie|lay|laying|lies)\s+back(?=\s+(?:and|or|but|in|on|down)\b|\s*[.,;!?\n]|$)", r" \1 flat "),
    (r"(?<![a-z])(leaning|lean|leans|sitting|sit|sits)\s+back(?=\s+(?:and|or|but|in|on)\b|\s*[.,;!?\n]|$)",
     r" \1 reclined "),
    # "not working hard to breathe", "isn't working harder to breathe": no increased work of breathing (NICE NG9),
    # where "not working" would otherwise read as a treatment failing
    (r"(?<![a-z])(?:not|isnt|isn't|is\s+not|wasnt|wasn't)\s+working\s+(?:very\s+)?hard(?:er)?\s+to\s+breathe?(?![a-z])",
     " no laboured breathing "),
    # "coughed up what looked like a good few mouthfuls of blood": the hedge between the cough and what came up is
    # dropped, so the two are read together
    (r"(?<![a-z])(cough(?:ed|ing)?\s+up)\s+what\s+(?:looked|looks|look|seemed|seems|appeared)\s+like(?:\s+(?:a|an))?(?![a-z])",
     r"\1 "),
    # "one of those finger oxygen clips from covid and it's saying 87 percent": the reading of a clip oximeter told a
    # few words after the device
    (r"(?<![a-z])(?:finger\s+)?(?:oxygen|o2|sats?)\s+clips?(?![a-z])"
     r"[^.;!?\n]{0,40}?(?<![a-z])(?:saying|says|said|reads|reading|shows|showing|showed)\s+(?:about\s+|around\s+)?(?=\d)",
     " oxygen saturation "),
    # "breathless walking but fine at rest", "ok sitting still": comfortable at rest is the opposite of the
    # breathlessness at rest that NICE CG187 and BTS count as severe
    (r"(?<![a-z])(fine|ok|okay|alright|all right|comfortable|settled|good)\s+(?:when\s+|while\s+|if\s+)?"
     r"(?:(?:i|he|she|they)\s*(?:'?m|'?s|'?re|\s+am|\s+is|\s+are)?\s+)?(?:at rest|resting|sitting still|sat still)(?![a-z])",
     r" \1 when seated "),
    # a midwife's "D4 term male", "day 3 of life": a newborn's age in days
    (r"(?:^|(?<=[.,;:]))(\s*(?:[a-z]{1,8}(?:\s+[a-z]{1,8}){0,2}\s*:\s*)?)d\s?(\d{1,2})\s+(?=(?:term|prem|preterm|ex\s*prem|"
     r"male|female|m|f|baby|boy|girl|neonate|newborn|infant|bf|ff|breastfed)(?![a-z]))", r"\1 \2 days old "),
    (r"(?<![a-z])day\s+(\d{1,2})\s+of\s+life(?![a-z])", r" \1 days old "),
    # "pain low in his tummy and in his right testicle", "an ache in my jaw and in my left arm": the pain is in both
    # places, so it is said again before the second
    (r"(?<![a-z])(pain|pains|ache|aching|soreness|tenderness)(\s+(?:(?:low|high|deep|right|mainly)\s+)?(?:down\s+)?in\s+"
     r"(?:my|his|her|their|the|your)\s+(?:[a-z]+\s+)?[a-z]+\s+and\s+)(?=in\s+(?:my|his|her|their|the|your)\s)",
     r"\1\2\1 "),
    # "so less than a day old", "under 24 hours old": hours, not a day
    (r"(?<![a-z])(?:less than|under)\s+(?:(?:a|one|1)\s+day|24\s*(?:hours|hrs|h))\s+old(?![a-z])", " 12 hours old "),
    # "born this morning", "was born last night": a baby under a day old (NICE CG98 counts jaundice in the first
    # 24 hours)
    (r"(?<![a-z])born\s+(?:early\s+|late\s+)?(?:at\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\s+)?"
     r"(this morning|this afternoon|this evening|today|earlier today|last night|tonight|overnight|yesterday evening|"
     r"late yesterday|yesterday night)(?![a-z])(?!\s*,?\s*(?:about\s+|only\s+|just\s+|around\s+)?\d)",
     " born 12 hours ago "),
    # a midwife's "3/52 pp", "5/7 postnatal": the mother's weeks or days since the birth, not a baby's age
    (r"(?<![\d/])(\d{1,2})\s*/\s*(52|7)\s+(?=(?:pp|post\s*partum|postnatal|pn)(?![a-z]))",
     lambda m: f" {m.group(1)} {'weeks' if m.group(2) == '52' else 'days'} "),
    # "big bruises that he can't explain", "lumps we cannot account for": unexplained (NICE NG12), not a denial of
    # what comes before
    (r"(?<![a-z])(?:that\s+|which\s+)?(?:he|she|they|we|i|you)\s+(?:can'?t|cannot|can\s+not|couldn'?t)\s+"
     r"(?:explain|account\s+for)(?![a-z])", " unexplained "),
    # "jelly babies" are sweets taken for a hypo (NHS Low blood sugar), not a baby
    (r"(?<![a-z])jelly\s*bab(?:y|ies)(?![a-z])", " jelly sweets "),
    # "a faint blanching rash", "faint pink line", "faint wheeze": slight, not fainting
    (r"(?<![a-z])faint(?=\s+(?:blanching|rash|red|pink|purple|brown|white|yellow|spots?|dots?|lines?|marks?|bruis\w*|"
     r"smell|odou?r|taste|noise|sound|wheeze|murmur|crackles|creps|tinge|positive|scar|patch(?:es)?|blotch\w*|"
     r"outline|trace|ring|streaks?|flush)(?![a-z]))", "slight"),
    # "my shoulder has gone", "kneecap's popped out again": a joint out of place (NHS Dislocated shoulder), where
    # "gone" would otherwise read as a pain that has gone
    (r"(?<![a-z])(shoulder|kneecap|knee cap)(?:\s+has|\s+is|'s|’s|s)?\s+(?:gone|come out|popped(?:\s+out)?)"
     r"(?:\s+(?:again|out))?(?=\s*(?:[.,;!?\n]|and\b|$))", r" \1 dislocated "),
    # "the ball of my foot", "balls of both feet": the front of the sole (NHS Corns and calluses; Foot pain),
    # not a testicle
    (r"(?<![a-z])balls?\s+of\s+(?:(?:the|my|his|her|your|their|both|each|one)\s+)?(?:(?:left|right|l|r)\s+)?"
     r"(?:foot|feet)(?![a-z])", " forefoot foot "),
    (r"(?<![a-z])si\s+joints?(?![a-z])", " sacroiliac joint "),
    # "the same ache I had back then", "back when I had my stent", "back home": a time or a place, not the back
    (r"(?<![a-z])(?<!push )(?<!pushed )(?<!pull )(?<!pulled )(?<!put )(?<!came )(?<!come )(?<!went )(?<!go )"
     r"(?<!got )(?<!get )(?<!bring )(?<!brought )(?<!fell )(?<!lean )(?<!leant )(?<!leaned )(?<!bent )(?<!rolled )"
     r"(?<!moved )(?<!slid )(?<!drawn )(?<!retract )(?<!retracted )back\s+(?=(?:then|when|home|in\s+(?:the\s+day|19\d\d|20\d\d|january|february|march|april|may|june|july|"
     r"august|september|october|november|december|spring|summer|autumn|winter))(?![a-z]))", " "),
    # "he's not breathing fast", "isn't breathing hard": a normal breathing rate denied, not a baby not breathing
    (r"(?<![a-z])(not|isn't|isnt|is not|wasn't|wasnt|was not|aren't|arent)\s+breathing\s+"
     r"(fast|quickly|rapidly|too fast|hard|heavily|noisily)(?![a-z])", r" \1 \2 breathing "),
    # "responding to voice" (AVPU): rousable to speech, not "responding to voices" (hallucinations)
    (r"(?<![a-z])respond(?:s|ing|ed)?\s+to\s+(?:voice|verbal(?:\s+commands?)?|speech)(?![a-z])", " rousable to speech "),
    # "I think I hear her voice", "I still hear his voice": a dead person's voice in grief (NHS Grief after
    # bereavement), not hearing voices
    (r"(?<![a-z])(hear|hearing|heard)\s+(her|his|their|mum's|mums|dad's|dads)\s+voice(?![a-z])", r" \1 \2 speak "),
    # "low-speed rear-end RTC", "a minor car bump": a low-risk mechanism (Canadian C-spine rule), not a
    # dangerous one
    (r"(?<![a-z])(?:low[- ]speed|low velocity|minor|slow)\s+(?:rear[- ]end(?:ed)?\s+)?(?:rtc|rta|collision|crash|"
     r"shunt|car accident|road traffic (?:accident|collision)|car bump|prang)(?![a-z])", " minor shunt "),
    # "keeps falling asleep at the breast": a newborn dozing at feeds, not a baby too drowsy to wake
    (r"(?<![a-z])(?:keeps\s+|kept\s+)?(?:falling|falls|fell|dozing|dozes|dozed)\s+(?:off\s+)?asleep\s+"
     r"(?:at|on|during|while|when)\s+(?:the\s+|her\s+|his\s+|my\s+)?(?:breast|bottle|feeds?|feeding)(?![a-z])",
     " dozes at feeds "),
    # "my baby is limp", "she went all limp": floppy (NICE NG143), not walking with a limp
    (r"(?<![a-z])(is|was|gone|went|goes|seems|looks|feels|felt|all|so|very|really|completely)\s+limp(?![a-z])"
     r"(?!\s+(?:on|when|while|since|after|from|a bit|slightly|in\s+(?:his|her|my|the)\s+(?:leg|foot|walk)))", r" \1 floppy "),
    # "just boiled water", "freshly boiled kettle": hot liquid (a scald), not a boil on the skin
    (r"(?<![a-z])(?:just|freshly|newly|recently)\s+boiled(?![a-z])", " boiling hot "),
    # "running a temp" is a fever, not "the runs"; "temp since this afternoon", "a temp all day": a temperature
    (r"(?<![a-z])running\s+(?:a\s+)?(?:high\s+|slight\s+|bit of a\s+|low grade\s+)?(?:temp|temperature|fever)(?![a-z])",
     " has a fever "),
    (r"(?<![a-z])(?:a\s+)?(?:temp|temperature)(?=\s+(?:since|all day|all night|on and off|overnight|"
     r"this (?:morning|afternoon|evening)|last night)(?![a-z])(?![^.;!?\n]{0,25}\d))", r" fever \g<0>"),
    # a simile of how ill one feels is not an injury: "feel like I've been hit by a bus", "like my whole body's
    # been run over", "as if a truck hit me" (flu, fibromyalgia); only the comparison is dropped
    (r"(?<![a-z])(?:like|as if|as though)\s+(?:i\s*(?:'|’)?\s*(?:ve|d|m)\s+|i\s+(?:have|had|was|am|got)\s+|ive\s+|id\s+|"
     r"im\s+|my\s+(?:whole\s+|entire\s+)?body\s*(?:(?:'|’)?\s*s|has|had|was)?\s+|(?:ive|i have|i ve)\s+)?(?:just\s+)?"
     r"(?:been\s+|got\s+)?(?:hit|run\s+over|ran\s+over|knocked\s+down|trampled|steamrollered|kicked|beaten\s+up)"
     r"(?:\s+by\s+(?:a|an|the)\s+(?:bus|truck|lorry|train|car|tank|steamroller|tractor|herd of \w+|\w+))?(?![a-z])",
     " aching all over "),
    # "sounds muffled, like under water", "as if I'm underwater": how a blocked ear sounds, not a drowning
    (r"(?<![a-z])(?:like|as if|as though)\s+(?:i\s*(?:'|’)?\s*m\s+|im\s+|i am\s+|i was\s+|being\s+|its\s+|it is\s+|"
     r"my head is\s+|my ears? (?:is|are)\s+)?(?:under\s*water|in\s+(?:a\s+)?(?:tunnel|swimming pool|bubble|pool))(?![a-z])",
     " muffled "),
    (r"(?<![a-z])(?:like|as if|as though)\s+(?:a|an|the)\s+(?:bus|truck|lorry|train|steamroller|tractor)\s+"
     r"(?:hit|ran over|run over|went over)\s+(?:me|my body|him|her)(?![a-z])", " aching all over "),
    (r"(?<![a-z])(?:cva|costovertebral angle)\s+(?=tender)", " renal angle "),
    (r"(?<![a-z])fit (?:and|&) (well|healthy)(?![a-z])", r" \1 "),
    (r"(?<![a-z])((?:cough|sneez|laugh|giggl|cry)[a-z]*)\s+fits?(?![a-z])", r" \1 bouts "),
    (r"(?<![a-z])food\s+poisoning(?![a-z])", " foodpoisoning "),
    (r"(?<![a-z])hearing\s+aids?(?![a-z])", " hearing device "),
    # "home SpO2 98%", "home sats": the patient's own oximeter, not home oxygen
    (r"(?<![a-z])home\s+(?=(?:spo2|sp02|sats|o2 sats|oximeter|pulse ox))", " own "),
    # Snellen acuity "VA R 6/12, L 6/6" is a fraction of vision, not 12 months or 6 weeks
    (r"(?<![a-z])(?:va|visual acuity|acuity|vision|snellen)(?:\s*,?\s*(?:r|l|re|le|ra|la|right|left|both|ou|od|os)?"
     r"\s*:?\s*[36]\s*/\s*\d{1,2}(?:\.\d)?(?![\d/]))+", lambda m: m.group(0).replace("/", " over ")),
    # a medicine or blood test named "... acid" is not acid reflux: "mefenamic acid", "folic acid", "uric acid"
    (r"(?<![a-z])(mefenamic|tranexamic|folic|valproic|uric|fusidic|salicylic|ascorbic|acetylsalicylic|"
     r"hyaluronic|zoledronic|alendronic|ibandronic|risedronic|nicotinic|azelaic|amino|lactic|clavulanic|"
     r"ursodeoxycholic|obeticholic|alginic|fatty)\s+acids?(?![a-z])", r" \1acid "),
    # romanised "jor" is a fever, but "jor dile", "jor kore" is straining or force
    (r"(?<![a-z])jor\s+(?=(?:dile|diye|dite|deya|dei|kore|korle|kora|kore\s+kore)(?![a-z]))", " force "),
    # Bangla puts "after" last: "জ্বরের পর কাশি", "sordir pore" are "since the fever/cold" (the illness is over)
    (r"(?<![a-z])(jor|jwor|sordi|thanda|dengue|typhoid)\s*(?:er|r)?\s+(?:por|pore)(?![a-z])", r" since \1 "),
    (r"(জ্বর|সর্দি|ঠান্ডা|ডেঙ্গু|টাইফয়েড)(?:ের|এর|র)?\s+(?:পর|পরে)(?![\u0980-\u09ff])", r" since \1 "),
    # "her temperature is normal", "weight and temperature are normal", "temp normal": no fever (NICE NG143 reads a
    # temperature, "a temperature" alone is a fever)
    (r"(?<![a-z])(?:temperature|temp)s?(?:\s+(?:is|are|was|were|has been|have been|been|now|all|both|still|always))*"
     r"\s*(?:normal|fine|ok|okay|normal range|within normal limits)(?![a-z])", " no fever "),
    # "first episode in 12 months", "first time in years": not a first ever episode
    (r"(?<![a-z])first\s+(?:episode|time|attack|flare|one)\s+(?:in|for)\s+(?:the\s+)?(?:last\s+|past\s+|over\s+)?"
     r"(?:\d+|a|an|one|two|three|four|five|six|several|many|a few|a couple of)\s*(?:months?|years?|yrs?|/12|/52)",
     " first in a while "),
    (r"(?<![a-z])(pr|pv)\s+(?=(?:bleed|blood|loss|discharge|mucus|spotting|exam))",
     lambda m: " per rectum " if m.group(1) == "pr" else " per vagina "),
    (r"(?<![a-z])((?:bleed|bleeding|blood|bled|mucus|loss|discharge|spotting))\s+(pr|pv)(?![a-z])",
     lambda m: f" {m.group(1)} " + ("per rectum " if m.group(2) == "pr" else "per vagina ")),
    # "ectopics" (plural) are the heart's extra beats; "?ectopic" is a query of an ectopic pregnancy
    (r"(?<![a-z])ectopics(?![a-z])(?!\s+pregnanc)", " ectopic beats "),
    (r"\?\s*ectopic(?![a-z])(?!\s+(?:pregnanc|beat))", " ? ectopic pregnancy "),
    # "#" before a bone or "# of" is a fracture: "#radius", "# NOF", "#tib", "# L wrist", "# of the wrist"
    (r"#\s*(?=[a-z])", " fracture "),
    (r"(?<![a-z])fracture\s+(tib|fib|rad)(?![a-z])",
     lambda m: " fracture " + {"tib": "tibia", "fib": "fibula", "rad": "radius"}[m.group(1)] + " "),
    # "hasn't opened her bowels", "haven't slept", "has not eaten": "not" with the participle, so a phrase
    # written "not opened bowels" or "hasn't slept" reads every form
    (r"(?<![a-z])(?:hasnt|havent|hadnt|has not|have not|had not)\s+"
     r"(?=(?!stopped)(?:[a-z]+(?:ed|en|pt|wn)|felt|heard|had|got)(?![a-z]))",
     " not "),
    # "hasn't stopped crying", "can't stop shaking", "won't stop": one form, so "won't stop crying" reads them all
    (r"(?<![a-z])(?:hasnt|has not|havent|have not|cant|cannot|can not|wont|will not|doesnt|does not|couldnt|"
     r"could not|isnt|is not|arent|are not)\s+(?:stopped|stopping|stop)(?![a-z])|(?<![a-z])not\s+stopping(?![a-z])",
     " wont stop "),
)]
# Lower-case "sob" is romanised Bangla for "all" ("sob somoy": all the time); it is
# shortness of breath only beside breathing or clinical words (upper-case SOB always is).
_SOB = re.compile(r"(?<![a-z])sob(oe)?(?![a-z])")
_SOB_NEIGHBOURS = frozenset((
    "breath breathe breathing breathless exertion exertional exercise walking stairs rest lying flat night cough "
    "coughing wheeze wheezy wheezing chest cp pain fever palpitations doe pnd orthopnoea orthopnea dyspnoea dyspnea "
    "complains with worse worsening increasing acute sudden severe mild on at when getting feeling feel am im i and "
    "also days hours weeks since for x plus no denies nausea sweating sweaty dizzy oedema edema swelling "
    "tachycardia hypoxic sats oxygen c/o h/o w/ + pt patient o/e rr hr bp spo2").split())

# Shorthand read in any case; applied to patient text and knowledge phrases alike.
_SHORTHAND = [(re.compile(p), r) for p, r in (
    # a labourer is a manual worker, not a woman in labour
    (r"(?<![a-z])labou?rers?(?![a-z])", " manual worker "),
    # "husband's had", "my son's been" (the apostrophe is gone by now): "has", not a possessive
    (r"(?<![a-z])(husband|wife|partner|son|daughter|mum|mom|dad|mother|father|brother|sister|baby|child|boy|girl|"
     r"grandma|grandpa|granny|nan|friend|neighbour|neighbor)s\s+(had|been|got|not|never|still|just|always)(?![a-z])",
     r" \1 has \2 "),
    (r"(?<![a-z0-9])y\s*/\s*o(?![a-z])", " year old "),
    (r"(?<![a-z])y\.\s?o\.?(?![a-z])", " year old "),
    (r"(?<=\d)\s?yo\s?m(?![a-z])", " year old male "),
    (r"(?<=\d)\s?yo\s?f(?![a-z])", " year old female "),
    (r"(?<=\d)\s?yom(?![a-z])", " year old male "),
    (r"(?<=\d)\s?yof(?![a-z])", " year old female "),
    (r"(?<=\d)\s?(?:yo|yrs?\s?old|years?\s?old)(?![a-z])", " year old "),
    (r"(?<![a-z])h\s*/\s*o(?![a-z])", " history of "),
    (r"(?<![a-z])c\s*/\s*o(?![a-z])", " complains of "),
    (r"(?<![a-z])r\s*/\s*o(?![a-z])", " query "),
    (r"(?<![a-z])s\s*/\s*p(?![a-z])", " status post "),
    (r"(?<![a-z])w\s*/\s*o(?![a-z])", " without "),
    (r"(?<![a-z])w\s*/(?![a-z]{2})", " with "),
    (r"(?<![a-z])b\s*/\s*l(?![a-z])", " bilateral "),
    (r"(?<![a-z])n\s*[/+&]\s*v(?![a-z])", " nausea vomiting "),
    (r"(?<![a-z])d\s*[/+&]\s*v(?![a-z])", " diarrhoea and vomiting "),
    (r"(?<![a-z])d\s*/\s*o(?![a-z])", " diarrhoea "),
    (r"(?<![a-z])pmh(?:x)?(?![a-z])", " past medical history "),
    (r"(?<![a-z])(?:fhx|fh|fam hx|fam history)(?![a-z])", " family history "),
    (r"(?<![a-z])(?:hx)(?![a-z])", " history "),
    (r"(?<![a-z])(?:dhx|drug hx)(?![a-z])", " drug history "),
    # "sats 95% RA", "94% on RA": room air (not rheumatoid arthritis)
    (r"(?<=[\d%])\s*(?:on\s+)?ra(?![a-z])", " on room air "), (r"(?<![a-z])on\s+ra(?![a-z])", " on room air "),
    (r"(?<![a-z])(?:psh|pshx)(?![a-z])", " past surgical history "),
    (r"(?<![a-z])o\s*/\s*e(?![a-z])", " on examination "),
    (r"(?<![a-z])nad(?![a-z])", " no abnormality detected "),
    (r"(?<![a-z])(?:nkda|nka|nkfa)(?![a-z])", " no known drug allergies "),
    (r"(?<![a-z])ttp(?![a-z])", " tender "),
    (r"(?<![a-z])ruq(?![a-z])", " right upper quadrant "), (r"(?<![a-z])luq(?![a-z])", " left upper quadrant "),
    (r"(?<![a-z])rlq(?![a-z])", " right lower quadrant "), (r"(?<![a-z])llq(?![a-z])", " left lower quadrant "),
    (r"(?<![a-z])rif(?![a-z])", " right iliac fossa "), (r"(?<![a-z])lif(?![a-z])", " left iliac fossa "),
    (r"(?<![a-z])(?:yest|yday|yesterdy)(?![a-z])", " yesterday "),
    (r"(?<![a-z])biba(?![a-z])", " brought in by ambulance "),
    # "POD 3", "day 5 post op", "day 5 post lap chole": days after an operation
    (r"(?<![a-z])pod\s*(\d{1,2})(?![0-9])", r" post op day \1 "),
    # ("day 5 post partum", "day 3 post SVD", "day 2 post-natal" are days after a birth, not an operation)
    (r"(?<![a-z])day\s*(\d{1,2})\s+post(?:\s*op(?:erative)?)?(?![a-z])"
     r"(?!\s*(?:partum|natal|nvd|svd|delivery|birth|vaginal delivery)(?![a-z]))", r" post op day \1 "),
    # lower-case "hr 112" is a heart rate (a number after it); "2 hr" stays hours; "rr 24", "p 120" likewise
    (r"(?<![a-z0-9])hr\s*[:=]?\s*(?=\d{2,3}(?![\d.:])(?!\s*(?:hours?|hrs?|mins?|minutes?)(?![a-z])))", " heart rate "),
    (r"(?<![a-z0-9])rr\s*[:=]?\s*(?=\d{1,2}(?![\d.:]))", " respiratory rate "),
    (r"(?<![a-z0-9/+.])p\s*[:=]?\s*(?=\d{2,3}(?![\d.%/:])(?!\s*(?:mg|ml|kg|mins?|hours?)))", " pulse "),
    (r"(?<![a-z])(?:resp rate|resps|breathing rate)(?=\s*[:=]?\s*\d)", " respiratory rate "),
    (r"(?<![a-z])doe(?![a-z])", " shortness of breath on exertion "),
    (r"(?<![a-z])(?:urti|uri)(?![a-z])", " upper respiratory tract infection "),
    (r"(?<![a-z])uti(?![a-z])", " urinary tract infection "),
    (r"(?<![a-z])cp(?![a-z])", " chest pain "),
    (r"(?<![a-z])(?:abd|abdo)(?![a-z])", " abdominal "),
    (r"(?<![a-z])bp(?![a-z])", " blood pressure "),
    (r"(?<![a-z])(?:spo2|sp02|sats|o2 sats)(?![a-z0-9])", " oxygen saturation "),
    # A home oximeter in everyday words: "his oxygen is 85%", "oxygen level 88", "the oximeter says 86",
    # "o2 reading was 89%". Plain "oxygen" needs the percent sign ("on 2 litres oxygen", "oxygen 15l" are
    # treatment); a named level or meter does not. A range ("88-92%") is a target, not a reading.
    (r"(?<![a-z])(?:(?:blood\s+)?oxygen|o2)(?:\s+(?:is|was|were|of|at|now|only|just|reads?|reading|says|said|"
     r"shows?|showing|showed|dropped to|went down to|down to|came down to|around|about|like|nearly))*\s*[:=-]?\s*"
     r"(?=\d{2}(?:\.\d)?\s*%)(?!\d{2}\s*%?\s*(?:-|to)\s*\d)", " oxygen saturation "),
    (r"(?<![a-z])(?:(?:blood\s+)?oxygen\s+(?:level|levels|reading|readings)|o2\s+(?:level|levels|reading)|"
     r"(?:pulse\s*)?oximeter(?:\s+(?:reading|number))?|pulse\s*ox)(?:\s+(?:is|was|were|of|at|now|only|just|"
     r"reads?|reading|says|said|shows?|showing|showed|dropped to|went down to|down to|came down to|around|about|"
     r"like|nearly|on|it|the|his|her|their))*\s*[:=-]?\s*(?=\d{2}(?![\d.])(?!\s*%?\s*(?:-|to)\s*\d))",
     " oxygen saturation "),
    (r"(?<![a-z])(?:pt|pts)(?![a-z])", " patient "),
    # "eye movements are full and pain-free": without pain
    (r"(?<![a-z])pain\s*-?\s*free(?![a-z])", " painless "),
    (r"(?<![a-z])sx(?![a-z])", " symptoms "),
    # "took ?30 x sertraline", "?2 days": a question mark before a number is a note's "about" (a guess at the
    # number), not a query that makes the whole clause uncertain
    (r"(?<![a-z0-9])\?(?=\d)", " about "),
    # "LOV R eye": loss of vision
    (r"(?<![a-z])lov(?![a-z])", " loss of vision "),
    # "IDA on bloods", "bloods normal": a note's "bloods" are blood tests (one word, so not blood passed: "blood ~ stool*")
    (r"(?<![a-z])bloods(?![a-z])", " bloodwork "),
    (r"(?<![a-z])(?:hrs|hr)(?![a-z])", " hours "),
    (r"(?<![a-z])(?:wks|wk)(?![a-z])", " weeks "),
    (r"(?<![a-z])(?:mins)(?![a-z])", " minutes "),
    (r"(?<![a-z])(?:yrs|yr)(?![a-z])", " years "),
    (r"(?<![a-z])(?:mths|mos)(?![a-z])", " months "),
    (r"(?<![a-z])(?:cva)(?![a-z])", " stroke "),
    (r"(?<![a-z])(?:sz)(?![a-z])", " seizure "),
    (r"(?<![a-z])(?:ams)(?![a-z])", " altered mental status "),
    (r"(?<![a-z])(?:loc)(?![a-z])", " loss of consciousness "),
    (r"(?<![a-z])(?:etoh)(?![a-z])", " alcohol "),
    (r"(?<![a-z])(?:dx)(?![a-z])", " diagnosed "),
    # Obstetric shorthand: "9/40" is nine weeks of pregnancy (not an age, not a blood pressure "120/40")
    (r"(?<![a-z0-9/.])([1-9]|[1-3][0-9]|4[0-2])\s*(?:\+\s*[0-6]\s*)?/\s*40(?![0-9])", r" \1 weeks pregnant "),
)]
_SPACES = re.compile(r"\s+")
_WORD_HYPHEN = re.compile(r"(?<=[a-z0-9\u0980-\u09ff])-(?=[a-z0-9\u0980-\u09ff])")
# Words (Latin letters, digits, Bangla letters with their combining signs),
# decimals, a few symbols that carry meaning, and clause punctuation.
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z\u0980-\u09ff]+(?:[0-9][a-z0-9]*)?|[.,;:!?()/\-+]|\n")

# Determiners skipped when matching phrases, so "pain in chest" also reads
# "pain in my chest"; kept in the stream for ConText and experiencer.
SKIP = frozenset({"a", "an", "the", "my", "his", "her", "their", "your", "our", "its", "some"})
CLAUSE_PUNCT = frozenset({".", ",", ";", ":", "!", "?", "(", ")", "\n", "-"})
SENTENCE_PUNCT = frozenset({".", ";", "!", "?", "\n"})

# A snowball stemmer keeps state while it works: two threads sharing one crash
# (IndexError) under gunicorn's threads. One stemmer per thread; the cache of
# finished stems below is a plain dict, safe to share.
_STEMMERS = threading.local()
# Endings snowball would conflate with an unrelated word.
_STEM_EXCEPTIONS = {"fitness": "fitness", "positive": "positive", "position": "position", "news": "news",
                    "general": "general", "generally": "general", "organ": "organ", "organs": "organ",
                    # a burning pain is not a burn, a stabbing pain not a stab wound, spotting not spots,
                    # being poisoned not the same word as "poisoning" in blood/food poisoning
                    "burning": "burning", "burned": "burned", "burnt": "burned",
                    "stabbing": "stabbing", "stabbed": "stabbed",
                    # a severed finger is a cut right through, not "severe"
                    "severed": "severed", "severing": "severed", "sever": "severed",
                    "poisoned": "poisoned", "poisoning": "poisoning", "poisonings": "poisoning",
                    "spotting": "spotting", "spotted": "spotted",
                    # a baby teething is not any mention of teeth ("my teeth chattered", "grinding his teeth")
                    "teething": "teething",
                    # "my waters have gone" (labour) is not "rinsed it with water and the pain has gone"
                    "waters": "waters",
                    # breastfeeding ("lactating", "lactation") is not a blood lactate ("lactate 4.2")
                    "lactating": "lactating", "lactation": "lactation",
                    # AIDS is not "first aid", "hearing aids" keep their own word ("aid")
                    "aids": "aids",
                    # an alcoholic (someone dependent on alcohol) is not any mention of alcohol ("minimal alcohol")
                    "alcoholic": "alcoholic", "alcoholics": "alcoholic", "alcoholism": "alcoholism"}
_STEM_CACHE: dict[str, str] = {}

_SPELLING = [(re.compile(p), r) for p, r in (
    (r"^oe", "e"), (r"oea", "ea"), (r"foet", "fet"), (r"coel", "cel"),
    (r"(?<=.)ae", "e"),
    (r"^(tum|col|behavi|hum|lab|od|fav|vap)our", r"\1or"),
    (r"tre$", "ter"), (r"ogue$", "og"), (r"yse$", "yze"),
)]
_ASCII_WORD = re.compile(r"[a-z]+")


_ISE = re.compile(r"is(e|ed|es|ing|ation|ations)$")
# Words spelled -ise in every English: only the -ise/-ize verbs (organise, immunise) are folded.
_ISE_WORDS = frozenset((
    "bruise raise noise wise rise arise advise exercise promise surprise disguise paradise concise precise revise "
    "supervise televise compromise despise enterprise expertise premise praise cruise poise porpoise tortoise anise "
    "franchise otherwise likewise clockwise chemise demise devise excise incise circumcise comprise apprise "
    "merchandise improvise reprise treatise mortise practise uprise sunrise appraise chastise").split())


# Bangla script is spelled several ways: long and short vowel signs, the nasal mark, ণ/ন and ড়/র
# ("খিঁচুনি"/"খিচুনি", "নীল"/"নিল", "প্রচণ্ড"/"প্রচন্ড", "পড়ে"/"পরে"); and its case and classifier
# endings follow the word ("বুকে", "বুকের", "মাথায়", "ব্যথাটা", "দাগগুলো"). Both are folded on both sides.
_BANGLA_LETTER = re.compile(r"[\u0980-\u09ff]")
_BANGLA_SPELLING = {0x09C0: 0x09BF, 0x09C2: 0x09C1, 0x0988: 0x0987, 0x098A: 0x0989, 0x0981: None, 0x09A3: 0x09A8}
_BANGLA_SUFFIXES = tuple(unicodedata.normalize("NFC", s) for s in (
    "গুলো", "গুলি", "গুলা", "দের", "টার", "টির", "টা", "টি", "কে", "ের", "য়", "ে"))
_BANGLA_VOWEL_R = re.compile(r"(?<=[\u09be\u09bf\u09c1\u09cb])\u09b0$")   # বাবার, বাবুর, মাথার
_BANGLA_KEEP = frozenset({"আমার", "তোমার", "তার", "আপনার", "ওর", "এর", "যার", "কার"})


def _bangla_fold(word: str) -> str:
    return word.translate(_BANGLA_SPELLING).replace("\u09a1\u09bc", "\u09b0")


def _bangla_stem(form: str) -> str:
    for _ in range(2):  # "ছেলেকে" -> "ছেলে" -> "ছেল", as "ছেলে" itself
        if form in _BANGLA_KEEP:
            return form
        for suffix in _BANGLA_SUFFIXES:
            # a short word keeps its ending ("হয়", "থেকে"), and so does a two-letter one before -টা/-টি ("মাটি")
            if form.endswith(suffix) and len(form) - len(suffix) >= (3 if suffix[0] in "টক" else 2):
                form = form[:-len(suffix)]
                break
        else:
            if len(form) >= 4 and _BANGLA_VOWEL_R.search(form):
                form = form[:-1]
            else:
                return form
    return form


def fold(word: str) -> str:
    """British/American spelling folded to one form (haem/hem, oedema, -ise/-ize for -ize verbs)."""
    if not word.isascii() and _BANGLA_LETTER.search(word):
        return _bangla_fold(word)
    if not word.isascii() or len(word) < 4:
        return word
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    match = _ISE.search(word)
    if match and word[:match.start()] + "ise" not in _ISE_WORDS:
        word = word[:match.start()] + "iz" + match.group(1)
    return word


def _thread_stemmer():
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = snowballstemmer.stemmer("english")
    return stemmer


def stem(form: str) -> str:
    cached = _STEM_CACHE.get(form)
    if cached is None:
        if form in _STEM_EXCEPTIONS:
            cached = _STEM_EXCEPTIONS[form]
        elif len(form) > 3 and _ASCII_WORD.fullmatch(form):
            cached = _thread_stemmer().stemWord(form)
        elif _BANGLA_LETTER.search(form):
            cached = _bangla_stem(form)
        else:
            cached = form
        if len(_STEM_CACHE) < 200_000:
            _STEM_CACHE[form] = cached
    return cached


def _sob(text: str, phrase: bool) -> str:
    def replace(match: re.Match) -> str:
        if match.group(1):
            return " shortness of breath on exertion "
        if phrase:
            return " shortness of breath "
        before = re.findall(r"[a-z/+]+|\d+", text[max(0, match.start() - 40):match.start()])[-3:]
        after = re.findall(r"[a-z/+]+|\d+", text[match.end():match.end() + 40])[:3]
        if any(word in _SOB_NEIGHBOURS or word.isdigit() for word in before + after):
            return " shortness of breath "
        return match.group(0)
    return _SOB.sub(replace, text)


# Observations written as numbers are findings where NEWS2 (RCP 2017) and NICE NG51 (sepsis) make them
# red flags: the words added here are ordinary findings ("hypotension", "tachycardic", "bradycardic"...).
_NUMBER_AFTER = r"\s*(?:of|is|was|at|:|=)?\s*(\d{2,3})(?!\d)(?!\.\d)"
_VITALS = [(re.compile(p), words) for p, words in (
    (r"(?<![a-z])blood pressure" + _NUMBER_AFTER + r"\s*/\s*\d{2,3}", "bp"),
    (r"(?<![a-z])(?:heart rate|pulse(?: rate)?)" + _NUMBER_AFTER + r"(?!\s*(?:years?|months?|kg|%))", "hr"),
    (r"(?<![a-z])respiratory rate" + _NUMBER_AFTER, "rr"),
    (r"(?<![a-z])oxygen saturation" + _NUMBER_AFTER + r"\s*%?", "spo2"),
    (r"(?<![a-z])gcs\s*(?:of|is|was|now|:|=)?\s*(\d{1,2})(?!\d)(?!\.\d)(?:\s*/\s*15)?", "gcs"),
    # A blood ketone reading in mmol/L ("ketones 3.4", "ketone meter says 4"); urine "3+" is not one.
    (r"(?<![a-z])ketones?(?:\s+(?:level|levels|reading|readings|meter|monitor))?"
     r"(?:\s+(?:of|is|are|was|were|at|reading|reads|says|said|shows|showing|now|up to|came back)|\s*[:=])*"
     r"\s*(\d{1,2}(?:\.\d)?)(?!\d)(?!\.\d)(?!\s*(?:\+|plus|days?|hours?|times|weeks?|x\b))", "ketones"),
)]


def _child_rr_words(value: float, age: float) -> str:
    """A child's respiratory rate by age. Under 5, NICE NG143 (traffic light): over 60 is red at any age under 5
    ("very fast breathing"); tachypnoea (amber) is over 50 at 6-12 months and over 40 over 12 months. From 5 to
    11, APLS gives 20-25 as normal (over 25 is tachypnoea) and BTS/SIGN 158 counts over 30 as acute severe
    asthma. From 12 the adult limits apply (APLS 15-20; NEWS2 itself is scored from 16)."""
    if age < 5:
        if value > 60:
            return " very fast breathing "
        if (age >= 1 and value > 40) or (age >= 0.5 and value > 50):
            return " tachypnoea "
        return ""
    return " very fast breathing " if value > 30 else " tachypnoea " if value > 25 else ""


def _child_hr_words(value: float, age: float) -> str:
    """A child's heart rate by age: NICE NG143's amber tachycardia is over 160 under 12 months, over 150 at
    12-24 months and over 140 at 2-5 years; from 5 to 11 APLS gives 80-120 as normal. Under 60 at any age in
    childhood is the resuscitation threshold (Resuscitation Council UK)."""
    if value < 60:
        return " bradycardic very slow heart rate "
    limit = 160 if age < 1 else 150 if age < 2 else 140 if age < 5 else 120
    return " tachycardic " if value > limit else ""


def _vital_words(kind: str, value: float, age: float | None = None) -> str:
    if kind == "bp":
        return " hypotension " if value <= 90 else ""
    if kind == "hr":
        if age is not None and age < 12:
            return _child_hr_words(value, age)
        return (" tachycardic " if value > 100 else " bradycardic very slow heart rate " if value <= 40
                else " bradycardic " if value < 50 else "")
    if kind == "rr":
        if age is not None and age < 12:
            return _child_rr_words(value, age)
        return " very fast breathing " if value >= 25 else " tachypnoea " if value >= 21 else ""
    if kind == "spo2":
        return " low oxygen level " if 50 <= value <= 91 else ""
    if kind == "ketones":  # blood ketones: under 0.6 mmol/L is normal, 3 or more is ketoacidosis (JBDS)
        return " high ketone reading " if 3 <= value <= 30 else " negative " if value < 0.6 else ""
    if kind == "gcs":
        return " unresponsive " if 3 <= value <= 8 else " reduced consciousness " if 8 < value < 15 else ""
    return ""


# A count of tablets taken at once that no dose instruction reaches is an overdose (NICE CKS Poisoning or
# overdose): "took about 20 paracetamol", "swallowed 30 of her tablets".
# "took 12 of my sertraline", "had about 30 of mum's pills": a count of someone's own supply is tablets too
# ("had" only with a tablet word: "had 12 of my friends round").
_TABLET_WORD = re.compile(r"(?<![a-z])(?:tablets?|pills?|paracetamols?|ibuprofens?|aspirins?|co ?codamols?|"
                          r"antidepressants?|capsules?|caps)(?![a-z])")
_TABLET_COUNT = re.compile(
    r"(?<![a-z])(took|taken|swallowed|overdosed on|had|necked|downed)\s+"
    r"(?:about|around|over|nearly|maybe|like|roughly|at least|all|almost)?\s*"
    r"(\d{1,3})\s+(?:(?:of\s+)?(?:[a-z]+\s+)?(?:tablets?|pills?|paracetamols?|ibuprofens?|aspirins?|co ?codamols?|"
    r"sleeping pills?|antidepressants?|capsules?|caps)(?![a-z])|"
    # "took 12 of my sertraline": a count of the person's own supply ("had 12 of my friends round" is not one)
    r"of\s+(?:my|his|her|their|your|the|mums|dads|nans|grans|mothers|fathers)\s+(?!(?:days?|weeks?|hours?|times?|"
    r"friends?|kids?|children|family|mates?|episodes?|attacks?|teeth|stitches|staples)(?![a-z]))[a-z]+)")

def _overdose_count(count: str) -> bool:
    """Ten to 500 tablets taken at once is an overdose count (NICE CKS Poisoning or overdose); more is not a count."""
    return 10 <= int(count) <= 500


# A count written as tablets times their strength: "admits taking ~24 x 500mg over the last 24h" (a staggered
# paracetamol overdose, TOXBASE; NHS Paracetamol for adults: more than 8 tablets in 24 hours is A&E)
_DOSE_COUNT = re.compile(r"(?<![a-z])(?:took|taken|taking|swallowed|had)\s+(?:about\s+|around\s+|approx\.?\s+|"
                         r"approximately\s+|roughly\s+|maybe\s+)?~?\s*(\d{1,3})\s*x\s*\d{2,4}\s*mg(?![a-z])")


# ---------------------------------------------------------------------------
# NEWS2 (Royal College of Physicians, National Early Warning Score 2, 2017): the observations a text gives.
# ---------------------------------------------------------------------------

_OBS_VERB = r"\s*(?:of|is|was|were|at|:|=|now|down to|up to|dropped to|reading)?\s*"
_NEWS2_OBSERVATIONS = [(re.compile(p), kind) for p, kind in (
    (r"(?<![a-z])respiratory rate" + _OBS_VERB + r"(\d{1,2})(?!\d)(?!\.\d)", "rr"),
    (r"(?<![a-z])(?:heart rate|pulse(?: rate)?)" + _OBS_VERB + r"(\d{2,3})(?!\d)(?!\.\d)(?!\s*(?:years?|months?|kg|%))", "hr"),
    (r"(?<![\d./])(\d{2,3})\s*bpm(?![a-z])", "hr"),
    (r"(?<![a-z])(?:blood pressure|sbp|systolic(?: blood pressure| bp)?|hypotensive|hypertensive)" + _OBS_VERB
     + r"(\d{2,3})(?!\d)(?!\.\d)", "sbp"),
    (r"(?<![a-z])(?:oxygen saturation|saturations?|saturating|sat|sao2|o2 sat)" + _OBS_VERB
     + r"(\d{2,3})(?!\d)(?!\.\d)(?!\s*(?:years?|days?|hours?))", "spo2"),
    (r"(?<![a-z])gcs" + _OBS_VERB + r"(\d{1,2})(?!\d)(?!\.\d)", "gcs"),
)]
# Consciousness on the ACVPU scale: alert, or new confusion / responds to voice / to pain / unresponsive.
_AVPU = re.compile(r"(?<![a-z])avpu\s*(?:score)?\s*(?:of|is|was|:|=|-)?\s*([avpu])(?![a-z])")
_ALERT = re.compile(r"(?<![a-z])(?<!not )(?<!less )(?<!not fully )(?:alert|a\s*(?:&|and)\s*o(?:x\s*[1-4])?|"
                    r"orientated|oriented)(?![a-z])")
_RESPONDS = re.compile(r"(?<![a-z])(?:respon(?:ds|sive|ding)\s+(?:only\s+)?to\s+(?:voice|pain|painful stimul\w*)|"
                       # the idioms' "rousable to speech" (AVPU V, from "responds to voice only")
                       r"rousable to speech|unresponsive|unrousable)(?![a-z])")
_ON_OXYGEN = re.compile(
    r"(?<![a-z])(?:(?<!home )(?:on|with|needing|needs|requiring)\s+(?:\d{1,2}(?:\.\d)?\s*(?:l|lpm|litres?|liters?)"
    r"(?:\s*/\s*min|\s*per\s*min\w*)?(?:\s+(?:of\s+)?(?:o2|oxygen))?|o2|oxygen|supplemental oxygen)|"
    r"(?:\d{1,2}(?:\.\d)?)\s*(?:l|lpm|litres?|liters?)\s*(?:/\s*min\s*)?(?:of\s+)?(?:o2|oxygen)|"
    r"nasal (?:cannula|cannulae|specs|prongs)|non rebreath\w*|nrb mask|venturi|fio2|high flow)(?![a-z])")
_HYPERCAPNIC = re.compile(r"(?<![a-z])(?:hypercapni\w*|type (?:2|ii) respiratory failure|t2rf|co2 retainer|"
                          r"retains co2|target (?:sats |saturations? |oxygen saturation )?(?:of )?88\s*(?:-|to)\s*92)")
_NEWS_STATED = re.compile(r"(?<![a-z])news\s?2?\s*(?:score)?\s*(?:of|is|was|:|=)?\s*(\d{1,2})(?![\d./])")


def read_observations(text: str) -> dict:
    """The NEWS2 observations an expanded text gives: respiratory rate, heart rate, systolic blood pressure,
    SpO2, GCS, an AVPU letter, "alert", supplemental oxygen, the hypercapnic target, a stated NEWS score."""
    found: dict = {}
    for pattern, kind in _NEWS2_OBSERVATIONS:
        match = pattern.search(text)
        if match and kind not in found:
            found[kind] = int(match.group(1))
    match = _AVPU.search(text)
    if match:
        found["avpu"] = match.group(1)
    elif _RESPONDS.search(text):
        found["avpu"] = "v"
    elif _ALERT.search(text):
        found["avpu"] = "a"
    if _ON_OXYGEN.search(text):
        found["oxygen"] = True
    if _HYPERCAPNIC.search(text):
        found["scale2"] = True
    match = _NEWS_STATED.search(text)
    if match and int(match.group(1)) <= 20:
        found["stated"] = int(match.group(1))
    return found


def _band(value: float, bands: tuple) -> int:
    for upper, points in bands:
        if value <= upper:
            return points
    return bands[-1][1]


# (upper bound inclusive, points), from the RCP NEWS2 chart.
_RR_BANDS = ((8, 3), (11, 1), (20, 0), (24, 2), (999, 3))
_HR_BANDS = ((40, 3), (50, 1), (90, 0), (110, 1), (130, 2), (999, 3))
_SBP_BANDS = ((90, 3), (100, 2), (110, 1), (219, 0), (999, 3))
_TEMP_BANDS = ((35.0, 3), (36.0, 1), (38.0, 0), (39.0, 1), (99, 2))
_SPO2_SCALE1 = ((91, 3), (93, 2), (95, 1), (100, 0))


def _spo2_scale2(value: int, oxygen: bool) -> int:
    if value <= 83:
        return 3
    if value <= 85:
        return 2
    if value <= 87:
        return 1
    if value <= 92 or not oxygen:
        return 0
    return 1 if value <= 94 else 2 if value <= 96 else 3


@dataclass
class News2:
    score: int
    parts: dict       # parameter -> points
    observations: int

    @property
    def red(self) -> bool:
        """A single parameter scoring 3."""
        return any(points == 3 for points in self.parts.values())


def news2(observations: dict, temp_c: float | None = None, confused: bool = False) -> News2 | None:
    """The NEWS2 aggregate (RCP 2017) from two or more observations, or from a stated NEWS score; None
    when the text gives fewer than two. SpO2 uses scale 1 unless the text names a hypercapnic target."""
    parts: dict[str, int] = {}
    if "rr" in observations and 3 <= observations["rr"] <= 80:
        parts["respiratory rate"] = _band(observations["rr"], _RR_BANDS)
    if "hr" in observations and 20 <= observations["hr"] <= 250:
        parts["pulse"] = _band(observations["hr"], _HR_BANDS)
    if "sbp" in observations and 40 <= observations["sbp"] <= 300:
        parts["systolic blood pressure"] = _band(observations["sbp"], _SBP_BANDS)
    oxygen = bool(observations.get("oxygen"))
    if "spo2" in observations and 50 <= observations["spo2"] <= 100:
        value = observations["spo2"]
        parts["SpO2"] = (_spo2_scale2(value, oxygen) if observations.get("scale2")
                         else _band(value, _SPO2_SCALE1))
    if oxygen:
        parts["supplemental oxygen"] = 2
    if temp_c is not None:
        parts["temperature"] = _band(temp_c, _TEMP_BANDS)
    gcs = observations.get("gcs")
    if confused or observations.get("avpu") in {"v", "p", "u"} or (gcs is not None and 3 <= gcs < 15):
        parts["consciousness"] = 3
    elif observations.get("avpu") == "a" or gcs == 15:
        parts["consciousness"] = 0
    stated = observations.get("stated")
    if len(parts) < 2 and stated is None:
        return None
    score = sum(parts.values())
    if stated is not None and (len(parts) < 2 or stated > score):
        score = stated
    return News2(score, parts, len(parts))


def _patient_age_guess(text: str) -> float | None:
    """The age a text gives for reading its observations (a child's respiratory rate has its own limits); a word
    such as "baby" counts unless the text is about a pregnancy or a birth (the baby is not the patient)."""
    age = read_age_years(text, guess=False)
    if age is None and not _PREGNANCY_WORDS.search(text) and not _BIRTH_WORDS.search(text):
        age = read_age_years(text)
    return age


# "SpO2 91% (baseline 91-92)", "sats 88% which is her usual": a reading at the patient's own baseline is not new.
_AT_BASELINE = re.compile(r"\s*%?\s*[,;]?\s*(?:which is\s+|is\s+|=\s*)?(?:(?:his|her|their|my|the)\s+)?"
                          r"(?:baseline|usual|normal for (?:him|her|them|me))\s*(?:is\s+|of\s+|:\s*)?"
                          r"(?:(\d{2,3})(?:\s*(?:-|to)\s*(\d{2,3}))?)?")


def _vital_words_at(match: re.Match, kind: str, age: float | None, text: str) -> str:
    value = float(match.group(1))
    if kind == "spo2":
        baseline = _AT_BASELINE.match(text, match.end())
        if baseline and (baseline.group(1) is None or value >= float(baseline.group(1)) - 1):
            return match.group(0)
    return match.group(0) + _vital_words(kind, value, age)


# Results and scores a clinical note gives, read as the finding their guideline gives them.
_LAB_VERB = r"\s*(?:level\s*)?(?:of|is|was|were|at|:|=|now|today|only|just|back at|came back at|reading)?\s*~?\s*"
# Serum potassium (UK Kidney Association 2020; NICE CKS Hyperkalaemia): 6.5 or more is severe (emergency),
# 6.0-6.4 moderate; 2.5 or less is severe hypokalaemia (NICE CKS Hypokalaemia). "k 6.7" needs the decimal.
_POTASSIUM_END = (r"(?!\d)(?!\.\d)"
                  r"(?!\s*(?:mg|kg|ml|km|k\b|years?|days?|hours?|hrs?|h\b|mins?|minutes?|miles?|x\b|times))")
_POTASSIUM = re.compile(r"(?<![a-z])(?:serum\s+)?(?:potassium|k\s*\+)" + _LAB_VERB + r"(\d(?:\.\d{1,2})?)"
                        + _POTASSIUM_END)
_POTASSIUM_K = re.compile(r"(?<![a-z])(?<!\d)(?<!\d\s)k" + _LAB_VERB + r"(\d\.\d{1,2})" + _POTASSIUM_END)
# Serum sodium (NICE CKS Hyponatraemia): under 125 mmol/L is severe; 160 or more severe hypernatraemia.
_SODIUM = re.compile(r"(?<![a-z])(?:(?:serum\s+)?sodium|na\s*\+)" + _LAB_VERB + r"(\d{3})(?!\d)(?!\.\d)")
# a bare "Na 118" only in a note that gives other blood results ("na" is also Bangla "not")
_SODIUM_BARE = re.compile(r"(?<![a-z])na\s*[:=]?\s*(\d{3})(?!\d)(?!\.\d)")
_BLOODS = re.compile(r"(?<![a-z])(?:bloods?|bloodwork|u\s*&\s*e|u\s*\+\s*e|ues|urea|creat\w*|cr|k\s*\+|potassium|mmol|egfr|fbc|"
                     r"lfts?|results?)(?![a-z])")
# Capillary blood glucose under 4 mmol/L is hypoglycaemia (NICE NG17/NG28; JBDS).
_GLUCOSE = re.compile(r"(?<![a-z])(?:bm|cbg|blood glucose|glucose|blood sugar|sugar|sugars|bsl)" + _LAB_VERB
                      + r"(\d{1,2}(?:\.\d)?)(?!\d)(?!\.\d)(?!\s*(?:days?|hours?|hrs?|min|mins|minutes?|years?|%|times|x\b|mg|g\b|units?|"
                      r"tablets?))")
# Haemoglobin under 70 g/L (7 g/dL) is the transfusion threshold (NICE NG24): severe anaemia.
_HAEMOGLOBIN = re.compile(r"(?<![a-z])(?:hb|haemoglobin|hemoglobin)" + _LAB_VERB
                          + r"(\d{2,3}|\d{1,2}\.\d)(?!\d)(?!\.\d)(?!\s*(?:%|days?|years?))")
# A creatinine rise to 1.5 times the baseline or more is acute kidney injury (NICE NG148, KDIGO stage 1-3).
_CREATININE = re.compile(r"(?<![a-z])(?:creatinine|creat|cr)" + _LAB_VERB + r"(\d{2,4})(?!\d)(?!\.\d)\s*(?:umol\s*/?\s*l?\s*)?"
                         r"[,;]?\s*(?:his\s+|her\s+|the\s+|usual\s+|previous\s+)?(?:baseline|usually|previously|was|"
                         r"from|up from|normally)\s*(?:of|is|was|:|=|~|about|around)?\s*(\d{2,4})(?!\d)(?!\.\d)")
_CREATININE_FROM = re.compile(r"(?<![a-z])(?:creatinine|creat|cr)\s*(?:has\s+)?(?:rose|risen|rising|up|gone up|increased)"
                              r"\s*from\s*(\d{2,4})\s*to\s*(\d{2,4})(?!\d)(?!\.\d)")
# Peak flow as a share of best or predicted (BTS/SIGN 158): under 33% life-threatening, 33-50% acute severe asthma.
_PEAK_FLOW = re.compile(r"(?<![a-z])(?:pefr?|peak flow|peak expiratory flow)" + _LAB_VERB + r"(\d{2,3})(?!\d)(?!\.\d)"
                        r"(?:\s*(%|percent)|[^.;\d]{0,30}?(?:best|predicted|usual|normal)[^.;\d]{0,12}?(\d{2,3})(?!\d)(?!\.\d))")
_PEAK_FLOW_BEST_FIRST = re.compile(r"(?<![a-z])(?:best|predicted|usual)\s*(?:peak flow|pefr?)" + _LAB_VERB
                                   + r"(\d{2,3})(?!\d)(?!\.\d)[^.;\d]{0,30}?(?:now|today|only|down to)\s*(\d{2,3})(?!\d)(?!\.\d)")
# CRB-65 / CURB-65 (NICE NG138 Pneumonia): 0 low severity, 1-2 intermediate, 3 or more high (urgent admission).
_CRB65 = re.compile(r"(?<![a-z])(crb|curb)\s*-?\s*65\s*(?:score\s*)?(?:of|is|was|:|=)?\s*([0-5])(?!\d)(?!\.\d)")
# Sore throat scores (NICE NG84): FeverPAIN 0-1 or Centor 0-2 need no antibiotic; FeverPAIN 4-5, Centor 3-4 higher.
_THROAT_SCORE = re.compile(r"(?<![a-z])(feverpain|centor)\s*(?:score\s*)?(?:of|is|was|:|=)?\s*([0-5])(?!\d)(?!\.\d)")
# The Ottawa ankle/foot/knee rules: negative needs no X-ray; positive (bone tenderness, can't bear weight) needs one.
_OTTAWA = re.compile(r"(?<![a-z])ottawa\s*(?:ankle|foot|knee)?\s*(?:rules?\s*)?(?:are\s+|is\s+|were\s+|:\s*)?"
                     r"(neg|negative|nve|ve|pos|positive|met|not met)(?![a-z])")
# Ankle brachial pressure index (NICE CG147): under 0.9 is peripheral arterial disease, under 0.5 severe.
_ABPI = re.compile(r"(?<![a-z])abpi\s*(?:r|l|right|left)?\s*(?:of|is|was|:|=)?\s*(0?\.\d{1,2}|1\.\d{1,2})(?!\d)")
# BMI bands (NICE CG189): under 18.5 underweight, 25 overweight, 30 obese, 40 severely obese.
_BMI = re.compile(r"(?<![a-z])bmi" + _LAB_VERB + r"(\d{2}(?:\.\d)?)(?!\d)(?!\.\d)")
# Menstrual cycles longer than 35 days ("cycles 40-60 days", "cycle every 45 days") are infrequent periods
# (oligomenorrhoea: NICE CKS Polycystic ovary syndrome; 2023 international PCOS guideline).
_CYCLE_DAYS = re.compile(r"(?<![a-z])cycles?\s*(?:of|are|is|every|lasting|length)?\s*(\d{2})(?:\s*(?:-|to)?\s*\d{2,3})?"
                         r"\s*(?:days?|d)(?![a-z])")
# Alcohol units a week (UK CMO low-risk guidance): more than 14 is above the low-risk limit.
_ALCOHOL_UNITS = re.compile(r"(?<![a-z])(?:about\s+|around\s+|~\s*)?(\d{1,3})\s*units?\s*(?:of alcohol\s*)?"
                            r"(?:a|per|/|each|every)\s*(?:week|wk|w)(?![a-z])")
_LIGHT_DRINKING = re.compile(
    r"(?<![a-z])(?:(?:minimal|occasional|social|light|little|rare|moderate)\s+(?:alcohol|drinking|drinker|etoh)|"
    r"(?:alcohol|etoh)\s+(?:socially|occasionally|rarely|(?:at\s+)?weekends?\s+only|only\s+at\s+weekends?|"
    r"within\s+(?:recommended\s+)?limits)|(?:drinks|drinker)\s+(?:socially|occasionally|rarely))(?![a-z])")
# Capillary refill: 2 seconds or under is normal; 3 or more is prolonged (NICE NG143, NG51).
_CRT = re.compile(r"(?<![a-z])(?:crt|cap(?:illary)?\s+refill(?:\s+time)?)\s*(?:of|is|was|:|=)?\s*(<|>|under|less than|over|"
                  r"more than|less than or equal to)?\s*(\d(?:\.\d)?)\s*(?:s|sec|secs|seconds?)?(?![a-z0-9])")
# One scan finds which readings a text can hold; only their patterns run (most texts hold none).
_LAB_TRIGGER = re.compile(
    r"(?<![a-z])(potassium|k(?=\s*(?:\+|[:=]?\s*\d))|sodium|na(?=\s*(?:\+|[:=]?\s*\d))|bm|cbg|glucose|sugars?|bsl|hb|"
    r"haemoglobin|hemoglobin|creat|creatinine|cr|pef|pefr|peak|crb|curb|feverpain|centor|ottawa|bmi|units?|"
    r"minimal|occasional|social|light|little|rare|moderate|alcohol|etoh|drinks|drinker|crt|cap|capillary|abpi)(?![a-z])")
_TRIGGER_KIND = {"potassium": "k", "k": "k", "sodium": "na", "na": "na", "bm": "glucose", "cbg": "glucose",
                 "glucose": "glucose", "sugar": "glucose", "sugars": "glucose", "bsl": "glucose", "hb": "hb",
                 "haemoglobin": "hb", "hemoglobin": "hb", "creat": "cr", "creatinine": "cr", "cr": "cr", "pef": "pef",
                 "pefr": "pef", "peak": "pef", "crb": "crb", "curb": "crb", "feverpain": "throat", "centor": "throat",
                 "ottawa": "ottawa", "bmi": "bmi", "unit": "units", "units": "units", "crt": "crt", "cap": "crt",
                 "capillary": "crt", "abpi": "abpi"}


# The results read from one number, with the words their guideline gives each value (exported to the
# browser's offline check with the values they hold for: `offline._numbers`).
LAB_READINGS = [(_POTASSIUM, "k"), (_POTASSIUM_K, "k"), (_SODIUM, "na"), (_GLUCOSE, "glucose"),
                (_HAEMOGLOBIN, "hb")]


def _lab_value_words(kind: str, value: float) -> str:
    if kind == "k":
        return (" severe hyperkalaemia " if 6.5 <= value <= 10 else " raised potassium " if 6.0 <= value < 6.5
                else " severe hypokalaemia " if 1 <= value <= 2.5 else "")
    if kind == "na":
        return (" severe hyponatraemia " if 100 <= value < 125 else " severe hypernatraemia "
                if 160 <= value <= 200 else "")
    if kind == "glucose":
        return " hypoglycaemia " if 0.5 <= value < 4 else ""
    if kind == "hb":
        grams_per_litre = value * 10 if value < 25 else value
        return " severe anaemia low haemoglobin " if 20 <= grams_per_litre < 70 else ""
    return ""


def _lab_words(text: str) -> str:
    """Results, scores and measures written in a note, each with the words of the finding its guideline gives it."""
    if "cycle" in text:
        text = _CYCLE_DAYS.sub(lambda m: m.group(0) + (" infrequent periods " if int(m.group(1)) > 35 else ""), text)
    kinds = {_TRIGGER_KIND.get(m.group(1), "alcohol") for m in _LAB_TRIGGER.finditer(text)}
    if not kinds:
        return text

    def reading(m: re.Match, kind: str) -> str:
        return m.group(0) + _lab_value_words(kind, float(m.group(1)))

    def creatinine(m: re.Match, now: int, before: int) -> str:
        if not (20 <= before <= 1500 and 20 <= now <= 2000):
            return m.group(0)
        ratio = now / before
        return m.group(0) + (" acute kidney injury stage 3 " if ratio >= 3 else " acute kidney injury "
                             if ratio >= 1.5 else "")

    def peak_flow(m: re.Match, value: float, best: float | None, percent: bool) -> str:
        share = value if percent else (100 * value / best if best and 100 <= best <= 900 else None)
        if share is None or not 5 <= share <= 150:
            return m.group(0)
        return m.group(0) + (" peak flow under a third of best peak flow less than half " if share < 33 else
                             " peak flow less than half " if share <= 50 else "")

    def crb65(m: re.Match) -> str:
        score, curb = int(m.group(2)), m.group(1) == "curb"
        # (words without "pneumonia": the score does not say the illness is one)
        return m.group(0) + (" crb65 high " if score >= 3 else " crb65 low " if score == 0 or (curb and score == 1)
                             else " crb65 moderate ")

    def throat(m: re.Match) -> str:
        score, low, high = int(m.group(2)), (1, 2)[m.group(1) == "centor"], (3, 2)[m.group(1) == "centor"]
        return m.group(0) + (" feverpain low " if score <= low else " feverpain high " if score > high else "")

    def ottawa(m: re.Match) -> str:
        word = m.group(1)
        return " ottawa rules negative " if word in {"neg", "negative", "nve", "not met"} else \
            " ottawa rules positive " if word in {"pos", "positive", "met"} else m.group(0)

    def bmi(m: re.Match) -> str:
        value = float(m.group(1))
        if not 10 <= value <= 90:
            return m.group(0)
        # a raised BMI in a note is a measurement beside the complaint ("heel pain, BMI 31"), not a request
        # for help with weight: only the words "overweight", "obese" or "want to lose weight" make it one
        return " underweight " if value < 18.5 else " healthy weight " if value < 25 else m.group(0)

    def units(m: re.Match) -> str:
        return " alcohol excess " if int(m.group(1)) > 14 else " light drinker "

    def crt(m: re.Match) -> str:
        sign, value = m.group(1) or "", float(m.group(2))
        if sign in {"<", "under", "less than", "less than or equal to"} and value <= 3 or not sign and value <= 2:
            return " capillary refill normal "
        if value >= 3 or sign in {">", "over", "more than"} and value >= 2:
            return " prolonged crt "
        return m.group(0)

    for pattern, kind in LAB_READINGS:
        if kind in kinds:
            text = pattern.sub(lambda m, kind=kind: reading(m, kind), text)
    if "na" in kinds and _BLOODS.search(text):
        text = _SODIUM_BARE.sub(lambda m: reading(m, "na"), text)
    if "cr" in kinds:
        text = _CREATININE.sub(lambda m: creatinine(m, int(m.group(1)), int(m.group(2))), text)
        text = _CREATININE_FROM.sub(lambda m: creatinine(m, int(m.group(2)), int(m.group(1))), text)
    if "pef" in kinds:
        text = _PEAK_FLOW.sub(lambda m: peak_flow(m, float(m.group(1)), float(m.group(3)) if m.group(3) else None,
                                                  bool(m.group(2))), text)
        text = _PEAK_FLOW_BEST_FIRST.sub(lambda m: peak_flow(m, float(m.group(2)), float(m.group(1)), False), text)
    if "crb" in kinds:
        text = _CRB65.sub(crb65, text)
    if "throat" in kinds:
        text = _THROAT_SCORE.sub(throat, text)
    if "ottawa" in kinds:
        text = _OTTAWA.sub(ottawa, text)
    if "abpi" in kinds:
        text = _ABPI.sub(lambda m: m.group(0) + (" very low abpi " if float(m.group(1)) < 0.5 else " low abpi "
                                                 if float(m.group(1)) < 0.9 else ""), text)
    if "bmi" in kinds:
        text = _BMI.sub(bmi, text)
    if "units" in kinds:
        text = _ALCOHOL_UNITS.sub(units, text)
    if "alcohol" in kinds:
        text = _LIGHT_DRINKING.sub(" light drinker ", text)
    return _CRT.sub(crt, text) if "crt" in kinds else text


# A blood pressure reading however it is written ("185/115", "bp 152/100", "readings all about 160/95"): a systolic
# of 100 or more over a diastolic is a reading on its own (no date or dose is written so); a two-digit systolic
# ("88/50") only where the text speaks of blood pressure. NICE NG136: 140/90 or more is raised, 180/120 or more
# very high; 90 or less systolic is low.
_BARE_BP = re.compile(r"(?<![\d/.])(\d{2,3})\s*/\s*(\d{2,3})(?![\d/])(?!\.\d)(?!\s*(?:mg|ml|mcg|kg|units?|days?|weeks?|"
                      r"months?|years?|hours?|hrs?|mins?|minutes?|times|x\b))")
_BP_CUE = re.compile(r"(?<![a-z])(?:bp|blood pressure|pressure|mmhg|systolic|hypotensive|hypertensive|"
                     r"প্রেশার|presar|pressar|preshar)(?![a-z])")


def _bare_bp_words(match: re.Match, cue: bool) -> str:
    systolic, diastolic = int(match.group(1)), int(match.group(2))
    if not (60 <= systolic <= 300 and 30 <= diastolic <= 200 and systolic > diastolic + 10):
        return match.group(0)
    if systolic < 100 and not cue:
        return match.group(0)
    if systolic >= 180 or diastolic >= 120:
        words = " raised blood pressure very high blood pressure "
    elif systolic >= 140 or diastolic >= 90:
        words = " raised blood pressure "
    elif systolic <= 90:
        # a reading the text itself calls a blood pressure ("the machine's reading 70/40"): a systolic of 90 or less
        # scores 3 on its own in NEWS2, whatever the words between
        words = " hypotension systolic below 90 "
    else:
        words = ""
    return match.group(0) + words


def _vitals(text: str) -> str:
    age = _patient_age_guess(text) if ("respiratory rate" in text or "heart rate" in text or "pulse" in text) else None
    if "/" in text:
        cue = bool(_BP_CUE.search(text))
        text = _BARE_BP.sub(lambda m: _bare_bp_words(m, cue), text)
    for pattern, kind in _VITALS:
        text = pattern.sub(lambda m, kind=kind, text=text: _vital_words_at(m, kind, age, text), text)
    text = _lab_words(text)
    text = _DOSE_COUNT.sub(lambda m: m.group(0) + (" overdosed " if _overdose_count(m.group(1)) else ""), text)
    return _TABLET_COUNT.sub(lambda m: m.group(0) + (" overdosed " if _overdose_count(m.group(2)) and (
        m.group(1) != "had" or _TABLET_WORD.search(m.group(0))) else ""), text)


# "PND" beside breathing words is paroxysmal nocturnal dyspnoea, beside a birth or mood postnatal depression;
# alone it stays "pnd" (both findings may read it).
_PND = re.compile(r"(?<![a-z])pnd(?![a-z])")
_PND_BREATHING = frozenset((
    "breath breathless breathlessness shortness sob doe soboe orthopnoea orthopnea dyspnoea dyspnea oedema edema "
    "ankle ankles swelling swollen pillows cough wheeze crackles heart failure chf ccf lvf jvp exertion exertional "
    "chest cp palpitations").split())
_PND_MOOD = frozenset((
    "postnatal baby birth delivered delivery mood low depressed depression anxious anxiety crying tearful "
    "bonding partum postpartum mum mother weeks months thoughts").split())


def _by_neighbours(pattern: re.Pattern, text: str, senses: tuple[tuple[frozenset, str | None], ...]) -> str:
    """An ambiguous abbreviation read by the words within 60 characters: the one sense whose words are near
    (and no other's) gives its reading; None, or no single sense, keeps the abbreviation as written."""
    def replace(match: re.Match) -> str:
        near = set(re.findall(r"[a-z]+", text[max(0, match.start() - 60):match.end() + 60]))
        found = [reading for words, reading in senses if near & words]
        return found[0] if len(found) == 1 and found[0] is not None else match.group(0)
    return pattern.sub(replace, text)


def _pnd(text: str) -> str:
    return _by_neighbours(_PND, text, ((_PND_BREATHING, " paroxysmal nocturnal dyspnoea "),
                                       (_PND_MOOD, " postnatal depression ")))


# Brackets hold an aside that belongs to the clause around it: "chest pain (central, crushing)",
# "headache (worst ever, sudden onset)", "fever (39.5)", "no fever (or rash)". They are read as spaces;
# an age and sex in brackets ("(45M)") starts a clause of its own.
_BRACKETED_AGE = re.compile(r"[(\[]\s*(\d{1,3}\s?(?:m|f|male|female|yo|y/o|y\.o\.?|years?\s*old)[^)\]]{0,20})[)\]]")
_BRACKET = re.compile(r"[()\[\]]")


# A bare number in brackets after a person is their age: "our daughter (2 and a half)", "baby girl (9 months)".
_BRACKETED_PERSON_AGE = re.compile(
    r"(?<![a-z])(daughter|son|baby|boy|girl|child|kid|toddler|grandson|granddaughter|nephew|niece|brother|sister|"
    r"husband|wife|partner|mum|mom|mother|dad|father|grandma|grandad|grandpa|nan|neighbour|friend)\s*[(\[]\s*"
    r"(\d{1,3})(\s+and\s+a\s+half)?\s*(years?|yrs?|y|months?|mths?|weeks?|wks?|days?)?\s*(?:old)?\s*[)\]]")


def _bracketed_person_age(match: re.Match) -> str:
    number = match.group(2) + (".5" if match.group(3) else "")
    unit = (match.group(4) or "year").rstrip("s")
    unit = {"yr": "year", "y": "year", "mth": "month", "wk": "week"}.get(unit, unit)
    return f"{match.group(1)} , {number} {unit}s old ,"


def _unbracket(text: str) -> str:
    if "(" not in text and "[" not in text and ")" not in text and "]" not in text:
        return text
    text = _BRACKETED_PERSON_AGE.sub(_bracketed_person_age, text)
    return _BRACKET.sub(" ", _BRACKETED_AGE.sub(r", \1 ,", text))


# Obstetric "G2P1": more pregnancies than births (and losses, "G3P1+1") is, most likely, a pregnancy now.
_GRAVIDA = re.compile(r"(?<![a-z0-9])g\s?(\d{1,2})\s?p\s?(\d{1,2})(?:\s?\+\s?(\d{1,2}))?(?![0-9])")


# A midwife's "31+2 primip", "36+1, BP 148/94": weeks and days of a pregnancy, read as one only in an obstetric note
# (a pregnancy word, "primip", "FM", "G2P1" or "PET" elsewhere in it).
_WEEKS_PLUS_DAYS = re.compile(r"(?<![a-z0-9/.+])([4-9]|[1-3][0-9]|4[0-2])\s?\+\s?([0-6])(?![0-9/.%+])")
_OBSTETRIC_NOTE = re.compile(r"(?<![a-z])(?:primip\w*|multip\w*|primigravida|multigravida|midwife|midwifery|antenatal|"
                             r"pregnan\w*|gestation\w*|fm|fms|fetal|foetal|pet|g\d{1,2}\s?p\d{1,2}|edd|fundal|sfh|ctg|"
                             r"liquor|cephalic|breech)(?![a-z])")


def _weeks_plus_days(text: str) -> str:
    if "+" not in text or not _OBSTETRIC_NOTE.search(text):
        return text
    return _WEEKS_PLUS_DAYS.sub(r" \1 weeks pregnant ", text)


def _gravida(text: str) -> str:
    def replace(match: re.Match) -> str:
        gravida, para, lost = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
        return match.group(0) + (" pregnant now " if gravida > para + lost else " ")
    return _GRAVIDA.sub(replace, text)


# "PVD" beside vaginal words is PV (per vaginam) discharge; otherwise it stays "pvd" (peripheral vascular disease).
_PVD = re.compile(r"(?<![a-z])pvd(?![a-z])")
_PVD_VAGINAL = frozenset((
    "itch itchy itching smell smelly smells offensive odour odor fishy thrush vaginal vagina vulval vulva vulvar "
    "sti std stis sexual sexually partner pregnant pregnancy period periods lmp pelvic cottage cheese coil iucd "
    "bv trichomonas chlamydia gonorrhoea smear postcoital intercourse").split())
_PVD_VASCULAR = frozenset((
    "leg legs calf calves claudication walking walk ulcer ulcers foot feet toe toes pulses pulse smoker smoking "
    "diabetes diabetic dm ihd stent stents bypass amputation arterial cold peripheral vascular pad aaa").split())


def _pvd(text: str) -> str:
    return _by_neighbours(_PVD, text, ((_PVD_VAGINAL, " per vagina discharge "), (_PVD_VASCULAR, None)))


# Clinical ages written as fractions: "6/12" is 6 months, "2/52" 2 weeks, "3/7" 3 days. A fraction is an age
# when "old" follows it ("4/12 old"), when an age cue comes before it ("aged 6/12", "baby 4/12", "boy 2/52"),
# or when it opens a note about a child ("6/12 baby, fever", "3/7 neonate"); otherwise ("x6/12", "for 6/12",
# "cough 6/12", "3/7 hx of cough") it is how long something has gone on.
_FRACTION_UNIT = {"12": "months", "52": "weeks", "7": "days"}
_FRACTION = r"(\d{1,2})\s*/\s*(12|52|7)(?![\d/])"
_NOT_AGE_AFTER = r"(?!\s*(?:ago|hx|history|of|duration|ongoing)(?![a-z]))"
_FRACTION_OLD = re.compile(r"(?<![\d/.])(?<![a-z])" + _FRACTION + r"(?=\s*-?\s*olds?(?![a-z]))")
_FRACTION_AFTER_CUE = re.compile(
    r"(?<![a-z])(aged?|baby|infant|neonate|newborn|boy|girl|son|daughter|child|toddler|twins?)\s*:?\s*"
    + _FRACTION + _NOT_AGE_AFTER)
# A note may open with its writer's label ("HV: 7/12 ...", "Paeds tel: 4/12 ...", "HV phone advice: 10/12 ..."): the
# fraction still opens it.
_FRACTION_OPENING = re.compile(r"^(\s*(?:[a-z]{1,8}(?:\s+[a-z]{1,8}){0,2}\s*:\s*)?)" + _FRACTION + _NOT_AGE_AFTER)
_CHILD_NOTE = re.compile(r"(?<![a-z])(?:baby|babies|infant|neonate|neonatal|newborn|child|boy|girl|son|daughter|"
                         r"toddler|feeds?|feeding|nappies|nappy|breastfed|bottle fed|formula fed|born|hv|"
                         r"health visitor|teething|gnawing)(?![a-z])")


# "9/52 baby", "6/12 boy": a fraction before the child it belongs to; "HV visit. 5/52, term, BF": a fraction opening
# a sentence of a baby's note, followed by how the baby was born or is fed.
# "4/12 ex-term girl", "3/12 ex 32/40 boy", "5/12 M", "2/12 F, fever": the fraction names the person (a birth
# history, M or F may stand between), unless a duration word ("x", "for", "since") comes before it.
_FRACTION_BEFORE_CHILD = re.compile(r"(?<![\d/.])(?<![a-z])(?<!for )(?<!since )(?<!x )" + _FRACTION
                                    + r"(?=\s*(?:(?:ex\s*)?(?:term|prem|premature|preterm|\d{2}\s*/\s*40|"
                                    r"\d{2}\s*weeks?|\d{2}\s*wk)\s*,?\s*)?(?:baby|babies|infant|neonate|"
                                    r"newborn|boy|girl|son|daughter|child|toddler|twins?|m|f|male|female)(?![a-z/]))")
_FRACTION_BABY_SENTENCE = re.compile(r"(?:^|(?<=[.;:]))\s*" + _FRACTION + r"(?=\s*,?\s*(?:term|prem|preterm|ex prem|"
                                     r"bf|ff|ebf|breastfed|breast fed|bottle fed|formula fed|born)(?![a-z]))")


def _fraction_ages(text: str) -> str:
    if "/" not in text:
        return text
    text = _FRACTION_OLD.sub(lambda m: f" {m.group(1)} {_FRACTION_UNIT[m.group(2)]} ", text)
    text = _FRACTION_AFTER_CUE.sub(
        lambda m: f" {m.group(1)} {m.group(2)} {_FRACTION_UNIT[m.group(3)]} old ", text)
    text = _FRACTION_BEFORE_CHILD.sub(lambda m: f" {m.group(1)} {_FRACTION_UNIT[m.group(2)]} old ", text)
    if _CHILD_NOTE.search(text):
        text = _FRACTION_OPENING.sub(lambda m: f"{m.group(1)} {m.group(2)} {_FRACTION_UNIT[m.group(3)]} old ", text)
    if "/" in text:
        text = _FRACTION_BABY_SENTENCE.sub(lambda m: f" {m.group(1)} {_FRACTION_UNIT[m.group(2)]} old ", text)
    return text


# "I'm 36 weeks", "my wife is 30 weeks": a pregnancy's gestation, not an age (the writer is not 36 weeks old).
_GESTATION = re.compile(
    r"(?<![a-z])(i am|im|i m|(?:wife|partner|girlfriend|fiancee)\s+is|(?:wifes|partners|girlfriends))\s+"
    r"(?:now\s+|nearly\s+|almost\s+|about\s+|only\s+|just\s+)?([4-9]|[1-3][0-9]|4[0-2])\s*"
    r"(?:\+\s*[0-6]\s*)?weeks?(?![a-z])"
    r"(?!\s*(?:old|ago|pregnant|gestation|post|postpartum|after|since|into|out|from|late|overdue|behind|off|"
    r"clean|sober|in|on|of|without|smoke)(?![a-z]))")


# A run of more digits than any reading, date or phone number has tells the reader nothing; it goes before the
# number patterns see it (each would otherwise try it from every position: seconds for a 2,000-digit text).
_LONG_DIGITS = re.compile(r"\d{16,}")


def _expand(text: str, phrase: bool = False) -> str:
    if phrase and text.strip().lower() == "hr":
        return " heart rate "  # a knowledge phrase's lone "hr" side ("hr ~ 4*") is a heart rate, not hours
    text = _LONG_DIGITS.sub(" ", unicodedata.normalize("NFC", text).translate(_CHAR_FOLD))
    for pattern, replacement in _CASED_SHORTHAND:
        text = pattern.sub(replacement, text)
    text = _WORD_HYPHEN.sub(" ", text.lower())
    text = bangla_reading.rewrite(text)   # Bangla numbers, ages, negation; "T 99.8F"; sugar in mg/dL
    text = _unbracket(text)
    for pattern, replacement in _IDIOMS:
        text = pattern.sub(replacement, text)
    text = _sob(text, phrase)
    if not phrase:
        text = _fraction_ages(_gravida(_weeks_plus_days(_pvd(_pnd(text)))))
    if phrase and text.strip() == "nai":  # the shorthand "nai" (non-accidental injury) as a knowledge phrase;
        text = " non accidental injury "    # in patient text lower-case "nai" is Bangla "not" ("jor nai")
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    if phrase:
        return text
    return _vitals(_GESTATION.sub(r"\1 \2 weeks pregnant ", text))


@dataclass(frozen=True, slots=True)
class Token:
    raw: str      # as written, lowercased and with shorthand expanded
    form: str     # spelling folded, not stemmed (prefix terms match this)
    stem: str     # what phrases match


@lru_cache(maxsize=4096)
def _word_token(raw: str) -> Token:
    form = fold(raw)
    return Token(raw, form, stem(form))


@lru_cache(maxsize=32)
def _expanded_patient_text(text: str) -> str:
    """A patient text's expansion (about a hundred substitutions): the token stream and the facts both
    read it in one assessment, so it is made once."""
    return _expand(text)


def tokens(text: str, *, phrase: bool = False) -> list[Token]:
    """The token stream for patient text or (phrase=True) for a knowledge phrase."""
    expanded = _expand(text, True) if phrase else _expanded_patient_text(text)
    return [_word_token(raw) for raw in _TOKEN.findall(expanded)]


def expanded_text(text: str) -> str:
    return _SPACES.sub(" ", _expanded_patient_text(text)).strip()


# ---------------------------------------------------------------------------
# Facts: age, sex, temperature, duration, onset.
# ---------------------------------------------------------------------------

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "twenty": 20,
                 "a couple of": 2, "couple of": 2, "a few": 3, "few": 3, "several": 3, "half a": 0.5,
                 "a half": 0.5,
                 # Bangla, in script and romanised: "এক সপ্তাহ ধরে", "dui din", "koyek mash", "onek din"
                 "এক": 1, "দুই": 2, "তিন": 3, "চার": 4, "পাঁচ": 5, "কয়েক": 3, "অনেক": 7,
                 "ek": 1, "dui": 2, "tin": 3, "char": 4, "pach": 5, "panch": 5, "koyek": 3, "koek": 3,
                 "kotok": 3, "onek": 7}
_NUM = r"(\d+(?:\.\d+)?|" + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)) + ")"
_UNIT_DAYS = {
    "min": 1 / 1440, "minute": 1 / 1440, "minutes": 1 / 1440, "m": 1 / 1440, "মিনিট": 1 / 1440,
    "h": 1 / 24, "hour": 1 / 24, "hours": 1 / 24, "ghonta": 1 / 24, "ghanta": 1 / 24, "ঘন্টা": 1 / 24,
    "ঘণ্টা": 1 / 24, "soptaho": 7, "shoptaho": 7, "bosor": 365, "bochhor": 365,
    "d": 1, "day": 1, "days": 1, "night": 1, "nights": 1, "din": 1, "দিন": 1,
    "w": 7, "week": 7, "weeks": 7, "saptah": 7, "সপ্তাহ": 7,
    "mo": 30, "month": 30, "months": 30, "mash": 30, "mas": 30, "মাস": 30,
    "y": 365, "year": 365, "years": 365, "bochor": 365, "বছর": 365,
}
_UNIT = (r"(minutes?|min|hours?|h|days?|d|nights?|weeks?|w|months?|mo|years?|y|din|saptah|soptaho|shoptaho|mash|"
         r"mas|bochor|bochhor|bosor|ghonta|ghanta|দিন|সপ্তাহ|মাস|বছর|ঘন্টা|ঘণ্টা|মিনিট)")
_BARE_DURATION_NOT_AFTER = "".join(
    rf"(?<!\b{w} )" for w in sorted(set((
        "baby babies son daughter boy girl child kid kids twin twins he she hes shes is am im m s was were are aged "
        "age only just nearly almost about around now pregnant gestation post postpartum postnatal partum term prem "
        "old every each per in within after before next than nephew niece grandson granddaughter brother sister "
        "infant newborn toddler the a an of at by to our my his her their up weeks months").split())))
_DURATION_PATTERNS = [re.compile(p) for p in (
    r"(?:for|since|past|last|over|x|about|almost|nearly|around|already|been)\s*(?:the\s+)?(?:past\s+|last\s+)?" + _NUM
    + r"\s*(?:-\s*)?" + _UNIT + r"(?![a-z])",
    r"(?<![a-z0-9])" + _NUM + r"\s*" + _UNIT + r"\s*(?:ago|now|ongoing|history|duration|of\s)",  # not "ray of"
    # (a number word starts a word: "rickshaw theke" is not "a w(eek) theke")
    r"(?<![a-z0-9])" + _NUM + r"\s*" + _UNIT + r"\s*(?:ধরে|dhore|dhorei|dhre|theke|থেকে|hoy|holo|hoilo|হলো|হল|যাবত|jabot)",
    # a bare "2 din", "1 soptaho", "৩ দিন" in Bangla is how long (a baby's "6 soptaher" is an age)
    r"(?<![a-z0-9])" + _NUM + r"\s*(din|soptaho|shoptaho|ghonta|ghanta|দিন|ঘন্টা|ঘণ্টা)(?![a-z])",
    r"(?<!বয়স )(?<![a-z0-9])" + _NUM + r"\s*(সপ্তাহ)(?!ের)",
    r"(?<![a-z0-9])x\s*" + _NUM + r"\s*" + _UNIT + r"(?![a-z])",
    # a bare "bloating 3 months", "back pain 6 weeks," after the complaint's word (not after a person, "is",
    # "aged", "pregnant", "in", "every": an age, a gestation, a time to come or a frequency)
    r"(?<=[a-z] )" + _BARE_DURATION_NOT_AFTER + r"(\d{1,3})\s*(hours?|hrs?|h|days?|nights?|weeks?|wks?|months?|years?|yrs?)"
    r"(?=\s*(?:[.,;:)!?\n]|$|(?:and|now|with|but|ongoing|duration|hx|history)(?![a-z])))",
    # "this is day 5", "it's day 3 now", "now on day 4" of the illness (not "day 5 of my period", "post op day 3")
    r"(?<![a-z])(?:this is|it is|its|it s|now on|on|today is|now)\s+(day)\s+(\d{1,2})(?!\d)(?!\.\d)"
    r"(?!\s*(?:of (?:my|her|the) (?:period|cycle|pill|course|antibiotics)|post))",
)]
_FRACTION_DURATION = re.compile(r"(?<![\d/.])(\d{1,2}(?:\.\d)?)\s*/\s*(7|52|12)(?![\d/])")  # "2.5/52": 2.5 weeks
_DURATION_PHRASES = [(re.compile(p), days) for p, days in (
    (r"since (?:this morning|today|earlier today|this afternoon|this evening|tonight|an hour ago)", 0.3),
    (r"(?:this morning|earlier today|since lunch|for an hour|for a few hours|for hours)", 0.3),
    (r"since (?:yesterday|last night)|overnight|from yesterday|গতকাল থেকে|kal theke|gotokal theke", 1),
    (r"since (?:the )?weekend", 3),
    # a weekday: a few days (the day of writing is not known)
    (r"since (?:last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", 3),
    (r"since last week|for a week|for about a week|over a week|more than a week|one week", 7),
    (r"for weeks|for several weeks|for a few weeks|for many weeks", 21),
    (r"(?<![a-z])(?:since |from |over )?(?:last|the past|the last) month|for a month|over a month|more than a month", 30),
    (r"for months|over months|for many months|for several months", 90),
    (r"for years|over years|for many years|since childhood|lifelong|for ages", 730),
)]
_LONGER_THAN_BN = (r"(?!\s*(?:বেশি|বেশী|উপর|ওপর|মতো|মত|ধরে|থেকে|যাবত|beshi|besi|beshir|upor|opor|moto|mto|dhore|"
                   r"theke|jabot)(?![a-z\u0980-\u09ff]))")
_AGE_PATTERNS = [re.compile(p) for p in (
    _NUM + r"\s*(?:-\s*)?(year|month|week|day|yr|mo|mth|wk|w|d|m|y)s?\s*(?:-\s*)?olds?(?![a-z])",
    # a newborn's age in hours or days since birth: "36 hours old", "born 10 hours ago", "born 3 days ago"
    _NUM + r"\s*(?:-\s*)?(hour|hr|h)s?\s*(?:-\s*)?olds?(?![a-z])",
    r"(?<![a-z])born\s+(?:about\s+|only\s+|just\s+)?" + _NUM + r"\s*(hour|hr|day|week)s?\s+ago(?![a-z])",
    # "born this morning, about 18 hours ago": the hours since birth a few words after "born"
    r"(?<![a-z])born\s+(?:[a-z]+\s*,?\s+){1,3}(?:about\s+|only\s+|just\s+|around\s+)?" + _NUM
    + r"\s*(hour|hr)s?\s+ago(?![a-z])",
    r"(?<![a-z])(?:aged|age|ages|বয়স|boyos|boyosh|boyosh|bayas|boyes)\s*:?\s*(\d{1,3}(?:\.\d+)?)\s*"
    r"(years?|months?|weeks?|days?|বছর|মাস|সপ্তাহ|দিন|bochor|bosor|mash|mas|soptaho|din)?(?!\d)(?!\.\d)",
    # ("৩ সপ্তাহের বেশি কাশি", "2 mash er moto": more than, about so long, is how long, not an age)
    r"(\d{1,3}(?:\.\d+)?)\s*(বছর|মাস|সপ্তাহ|দিন)\s*(?:ের|এর|বয়স|বয়সী|বয়সের|বয়সী)" + _LONGER_THAN_BN,
    # romanised: "2 bochorer", "8 maser", "6 soptaher", "4 mash er"; a bare "58 bochor"; "baby 4 mash" (a bare
    # "kashi 3 mash" or "1 soptaho" is how long, not an age)
    r"(\d{1,3}(?:\.\d+)?)\s*(bochor|bochhor|bosor|boshor|mash|mas|soptaho|soptah|din)"
    r"(?:er|\s+er|\s+boyo[sh]+i?)(?![a-z])" + _LONGER_THAN_BN,
    # a bare "58 bochor" after a person ("nanar 68 bochor", "ammu 55 bochor") or opening a clause ("sugar 15 bochor"
    # is how long)
    r"(?:^|[.,;:(]\s*|(?<![a-z])(?:ami|amar|ammu|ammur|ammar|amma|abbu|abbur|abba|abbar|baba|babar|ma|mayer|nana|"
    r"nanar|nani|nanir|nanu|dada|dadar|dadi|dadir|dadu|husband|wife|bou|bhai|bon|chele|meye|baccha|babu|shami|stri|"
    r"patient|rogi)(?:er|r)?\s+(?:boyosh?\s+)?)(\d{1,3})\s*(bochor|bochhor|bosor|boshor)"
    r"(?![a-z])(?!\s*(?:dhore|dhorei|dhre|theke|hoy|holo|hoilo|jabot|age|ago|aage|por|pore)(?![a-z]))"
    # "amar 10 bochor sugar", "abbur 15 bochor pressure": how long a known illness has lasted, not an age
    r"(?!\s*(?:er\s+)?(?:sugar|diabetes|daibetis|pressure|presar|preshar|hapani|asthma|gastric|bp|thyroid)(?![a-z]))",
    r"(?<![a-z])(?:baby|baccha|bacca|bachcha|babu|babur|bacchar|shishu|chele|meye|nati|natni)\s+(?:r\s+|er\s+)?"
    r"(?:boyosh?\s+)?(\d{1,2})\s*(mash|mas|soptaho|din)(?![a-z])(?!\s*(?:dhore|theke|age|ago|aage)(?![a-z]))",
    # "baby is 6 weeks", "she's only 5 months": an infant's age without "old" (not "5 months pregnant")
    r"(?<![a-z])(?:baby|son|daughter|nephew|niece|grandson|granddaughter|brother|sister|boy|girl|child|kid|twins?|"
    r"he|she|hes|shes|he s|she s)\s+(?:is\s+)?(?:only\s+|just\s+)?(\d{1,2})\s*"
    r"(months?|weeks?|days?)(?![a-z])(?!\s*(?:pregnant|ago|gestation))",
)]
# "in her late 80s", "in his seventies", "early 70s": an age by decade (early +2, mid +5, late +8).
_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
            "nineties": 9}
_DECADE_AGE = re.compile(
    r"(?<![a-z])(?:(?:in\s+(?:his|her|their|my|the|your)\s+)(early|mid|late)?\s*|(early|mid|late)\s*-?\s*)"
    r"(?:([2-9])0\s*s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![a-z0-9])")


def _decade_age(match: re.Match) -> float:
    decade = int(match.group(3)) if match.group(3) else _DECADES[match.group(4)]
    part = match.group(1) or match.group(2)
    return decade * 10 + {"early": 2, "mid": 5, "late": 8}.get(part, 5)


_CLINICAL_AGE_SEX = re.compile(r"(?:^|[.,;:(]\s*|patient\s|pt\s|(?<![a-z])(?:a|an|is|aged?)\s)(\d{1,3})\s?"
                               # "45M", "2y M", "70 yrs F"
                               r"(?:(?:y|yr|yrs|years?)\s?)?(m|f|male|female)(?![a-z0-9])")
# "Paeds tel. 22mo.", "18 m/o F", "7 wk F": a child's age opening a clinical note's clause ("cough 2mo" is how long)
_CLINICAL_MONTHS = re.compile(r"(?:^|[.,;:(]\s*|patient\s|(?<![a-z])(?:a|an|is|aged?)\s)(\d{1,2})\s?"
                              r"(mo|m\s*/\s*o|mths?|weeks?|wks?|w\s*/\s*o|days?|d\s*/\s*o)"
                              r"(?:\s*old)?(?=\s*(?:[.,;:)]|$|(?:m|f|male|female|boy|girl|baby|infant|child|toddler)"
                              r"(?![a-z])))")
_CHILD_AFTER = re.compile(r"\s*(?:old\s+)?(?:m|f|male|female|boy|girl|baby|infant|neonate|newborn)(?![a-z])")
_AGED_SEX = re.compile(r"(?:year|month|week|day)s?\s*old\s*(m|f|male|female|man|woman|boy|girl|lady|gentleman)(?![a-z])")
_AGE_UNIT_YEARS = {"year": 1, "yr": 1, "y": 1, "years": 1, "বছর": 1, "bochor": 1, "bochorer": 1,
                   "month": 1 / 12, "months": 1 / 12, "mo": 1 / 12, "mth": 1 / 12, "m": 1 / 12, "মাস": 1 / 12,
                   "mash": 1 / 12, "masher": 1 / 12, "mas": 1 / 12, "maser": 1 / 12, "bochhor": 1, "bosor": 1,
                   "bosorer": 1, "boshor": 1, "soptaho": 7 / 365, "soptaher": 7 / 365, "soptah": 7 / 365,
                   "din": 1 / 365,
                   "week": 7 / 365, "weeks": 7 / 365, "wk": 7 / 365, "w": 7 / 365, "সপ্তাহ": 7 / 365,
                   "day": 1 / 365, "days": 1 / 365, "d": 1 / 365, "দিন": 1 / 365,
                   "hour": 1 / 8760, "hr": 1 / 8760, "h": 1 / 8760}
_AGE_WORDS = [(re.compile(p), years) for p, years in (
    (r"(?<![a-z])(?:newborn|new born|neonate|নবজাতক|nobojatok)(?![a-z])", 0.02),
    (r"(?<![a-z])(?:infant|baby|babies|শিশু বাচ্চা)(?![a-z])", 0.5),
    (r"(?<![a-z])(?:toddler)(?![a-z])", 2),
)]
# The ages a word alone allows (years, from and below): a newborn is under 4 weeks, a baby under 1, a toddler 1 to 3.
AGE_WORD_RANGES = {0.02: (0.0, 28 / 365), 0.5: (0.0, 0.999), 2: (1.0, 3.0)}
_TEMP_PATTERNS = [re.compile(p) for p in (
    r"(\d{2,3}(?:\.\d+)?)\s*(?:deg(?:rees?)?\s*)?(c|f|celsius|fahrenheit|centigrade)(?![a-z])",
    r"(\d{2,3}(?:\.\d+)?)\s*(?:deg(?:rees?)?|digri|degri|ডিগ্রি|ডিগ্রী)(?![a-z])",
    r"(?<![a-z])(?:temperature|temp|t|tmax|fever|pyrexia|pyrexial|febrile|jor|jwor|জ্বর|spiked|spiking)\s*[,:]?\s*(?:of|is|was|at|to|reached|reading|:|=|up to|of about|around|ache|hoyeche)?\s*(\d{2,3}(?:\.\d+)?)(?![\d/])",
    # "a temperature between 38.5 and 39.4", "temp as high as 39", "fever of up to 40": the highest is kept
    r"(?:temperature|temp|fever)s?\s+(?:of\s+)?(?:between|as high as|over|above|hitting|peaking at|going up to)\s+"
    r"(?:\d{2,3}(?:\.\d+)?\s*(?:and|to|-)\s*)?(\d{2,3}(?:\.\d+)?)(?![\d/])",
    # a reading a few words on: "took her temp under the arm, 38.2", "temp just read 38.4", "thermometer said
    # 38.9" (a decimal, no other number between, not a weight or a dose)
    r"(?<![a-z])(?:temperature|temp|temps|thermometer)(?![a-z])[^.;!?\d\n]{1,40}?(\d{2,3}\.\d)(?![\d/])"
    r"(?!\s*(?:kg|kilo|g\b|mg|ml|mmol|cm|%|lb))",
    # "fever 4 days up to 39.6", "temps for 3 days peaking at 39": the peak
    r"(?<![a-z])(?:temperature|temp|temps|fever|fevers|pyrexia)(?![a-z])[^.;!?\n]{0,30}?(?:up to|peak(?:ed|ing)? (?:at|of)|"
    r"max(?:imum)?(?: of)?|reach(?:ed|ing)|as high as|hitting)\s*(\d{2,3}(?:\.\d+)?)(?![\d/])",
    # Bangla: "jwr 103", "জ্বর মাপলাম ১০১", "১০৩ জ্বর", "thermometer e 38.5"
    r"(?:jwr|jbor|jorr|zor|জর|তাপমাত্রা|tapmatra|thermometer\s*e)\s*(?:\S+\s+)?(\d{2,3}(?:\.\d+)?)(?![\d/])",
    r"(?:জ্বর|jor|jwor)\s*(?:মাপলাম|মেপে দেখি|উঠেছে|উঠছে|উঠে|mapsi|maplam|uthse|uthche|uthe)\s*"
    r"(\d{2,3}(?:\.\d+)?)(?![\d/])",
    r"(\d{2,3}(?:\.\d+)?)\s*(?:জ্বর|জর|jor|jwor|jwr)(?![a-z])",
    # a reading with where it was taken: "it's 38.1 under her arm", "37.9 in his ear", "38.4 axillary"
    r"(?<![\d.])(\d{2,3}\.\d)\s*(?:deg\w*\s*)?(?:under\s+(?:the\s+|her\s+|his\s+|my\s+|their\s+)?arm(?:pit)?|"
    r"in\s+(?:the\s+|her\s+|his\s+|my\s+|their\s+)?(?:ear|armpit|mouth|bottom)|axill\w*|orally|oral|rectal\w*|tympanic|"
    r"on\s+(?:the\s+|her\s+|his\s+|my\s+|their\s+)?forehead)(?![a-z])",
    # a reading after checking: "felt warm so I checked and it's 38.1", "measured it, 38.6"
    r"(?<![a-z])(?:checked|measured|took)(?![a-z])[^.;!?\d\n]{0,25}?(\d{2,3}\.\d)(?![\d/])"
    r"(?!\s*(?:kg|kilo|g\b|mg|ml|mmol|cm|%|lb|mm|inch))",
)]
_CHECKED_READING = len(_TEMP_PATTERNS) - 1
_OTHER_MEASURES = re.compile(r"(?<![a-z])(?:sugars?|glucose|bms?|cbg|ketones?|inr|hb|weight|weighed|sats|oxygen|"
                             r"bp|pressure|pulse|heart|rate|peak flow|height|length|head)(?![a-z])")
_MALE = re.compile(r"(?<![a-z])(?:male|man|boy|son|husband|father|dad|brother|gentleman|grandfather|grandpa|bloke|lad|he|him|his|"
                   r"chele|চেলে|ছেলে|বাবা|স্বামী|abbu|baba)(?![a-z])")
_FEMALE = re.compile(r"(?<![a-z])(?:female|woman|lady|girl|daughter|wife|mother|mum|mom|sister|grandmother|grandma|she|her|"
                     r"meye|মেয়ে|মা|স্ত্রী|ammu|amma|pregnant|গর্ভবতী)(?![a-z])")


def _number(raw: str) -> float:
    return _NUMBER_WORDS[raw] if raw in _NUMBER_WORDS else float(raw)


_RELATIVE_WORDS = ("mother|mum|mom|mam|father|dad|daddy|papa|brother|sister|son|daughter|baby|child|kid|husband|"
                   "wife|grandmother|grandfather|granny|grandma|grandpa|nan|nana|aunt|uncle|cousin|sibling|partner|boy|girl|"
                   "toddler|infant|niece|nephew|grandson|granddaughter|friend|patient")
# "I'm 70", "my husband is 68", "she is 4": an age stated with its owner (not "temp is 39").
_OWNED_AGE = re.compile(
    r"(?<![a-z])(i am|im|i m|(?:he|she)\s+is|hes|shes|(?:" + _RELATIVE_WORDS + r")s?(?:\s+in\s+law)?\s+is|turned|turning)\s+"
    r"(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+|about\s+)?(\d{1,3})(?!\d)(?!\.\d)"
    r"(?!\s*(?:kg|kilo|lb|pound|st(?:one)?\b|cm|%|percent|weeks?|days?|hours?|minutes?|months?|deg|c\b|f\b|"
    r"times|mg|ml|am\b|pm\b|bpm|over|/|x\b|and a half|mm))")
# ("is" is not "I" with an s: "my baby is 6 weeks old" is the baby's age)
_OWNER_WORDS = re.compile(r"(?<![a-z])(?:(i|im|me|my)|(" + _RELATIVE_WORDS + r")s?)(?![a-z])")


def _age_owner(text: str, start: int) -> str | None:
    """Whose age the number at `start` is: "writer", a relative's stem, or None (not said)."""
    window = text[max(0, start - 30):start]
    found = list(_OWNER_WORDS.finditer(window))
    if not found:
        return None
    last = found[-1].group(1) or found[-1].group(2)
    if (len(found) > 1 and found[-1].group(2) and found[-2].group(2)
            and not window[found[-2].end():found[-1].start()].strip()):
        last = found[-2].group(2)  # "baby girl (9 months)", "little baby boy": one person, named by the first word
    if last in {"i", "im", "me"}:
        return "writer"
    if last == "my":
        # "my 4 year old", "my little 3 week old": the age names the one the text is about (not the writer's
        # own age); further on ("my neighbour who's in her late 80s") it is not said whose
        return "my" if len(window[found[-1].end():].split()) <= 1 else None
    return stem(last) if last != "patient" else None


def _age_value(match: re.Match) -> float:
    unit = (match.group(2) or "year").rstrip("s") if match.lastindex and match.lastindex >= 2 else "year"
    unit = unit if unit in _AGE_UNIT_YEARS else unit + "s" if unit + "s" in _AGE_UNIT_YEARS else "year"
    return round(_number(match.group(1)) * _AGE_UNIT_YEARS.get(unit, 1), 3)


def read_age_years(text: str, subject: str | None = None, guess: bool = True) -> float | None:
    """The patient's age. With `subject` (who the text is about: "writer" or a relative's stem),
    an age stated for someone else ("I have chest pain, my husband is 68") is not the patient's."""
    candidates: list[tuple[int, float, str | None]] = []
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(text):
            candidates.append((match.start(), _age_value(match), _age_owner(text, match.start())))
        if candidates:
            break
    for match in _OWNED_AGE.finditer(text):
        who = match.group(1)
        owner = ("writer" if who in {"i am", "im", "i m"} else
                 None if who.split()[0] in {"he", "she", "hes", "shes", "turned", "turning"} else stem(who.split()[0]))
        if 0 < int(match.group(2)) <= 110:
            candidates.append((match.start(), float(match.group(2)), owner))
    match = _CLINICAL_AGE_SEX.search(text)
    if match and int(match.group(1)) <= 110:
        candidates.append((match.start(), float(match.group(1)), None))
    match = _CLINICAL_MONTHS.search(text) if not candidates else None
    unit = match.group(2)[:1] if match else ""
    if unit in ("w", "d") and not _CHILD_AFTER.match(text, match.end()):
        match = None  # "cough. 3 weeks, no fever" is how long; "7 wk F" is an age
    if match and 0 < int(match.group(1)) <= 36:
        # "7 wk F", "10 d/o M": weeks and days too
        per_year = {"w": 52, "d": 365}.get(unit, 12)
        candidates.append((match.start(), round(int(match.group(1)) / per_year, 3), None))
    if not candidates:
        for match in _DECADE_AGE.finditer(text):
            candidates.append((match.start(), float(_decade_age(match)), _age_owner(text, match.start())))
    if candidates:
        if subject is not None:
            own = [c for c in candidates if c[2] == subject]
            candidates = own or [c for c in candidates if (c[2] is None or c[2] == "my") and not (
                subject == "writer" and c[2] == "my") or (subject == "writer" and c[2] == "writer")]
        if candidates:
            return min(candidates)[1]
        if subject == "writer":
            return None  # "breastfeeding my 3 week old, ... my left breast": the child's age is not the writer's
    if not guess:
        return None
    for pattern, years in _AGE_WORDS:
        if pattern.search(text):
            return years
    return None


# Words that name the writer's own sex ("I'm a 25 year old woman"), not a relative's or another's pronoun.
_SELF_MALE = re.compile(r"(?<![a-z])(?:male|man|boy|gentleman|guy|bloke)(?![a-z])")
_SELF_FEMALE = re.compile(r"(?<![a-z])(?:female|woman|lady|girl|pregnant|গর্ভবতী|মহিলা|mohila|মাসিক|masik|"
                          r"প্রেগন্যান্ট)(?![a-z])")
_WRITER_WORDS = re.compile(r"(?<![a-z\u0980-\u09ff])(?:i|im|i m|ive|my|me|myself|আমি|আমার|আমাকে|ami|amar|amake)"
                           r"(?![a-z\u0980-\u09ff])")


def read_sex(text: str, subject: str | None = None) -> str | None:
    """The patient's sex. When the writer speaks of themselves ("I", "my"), a relative ("my mum") or another
    person's pronoun says nothing of the writer's own sex."""
    text = bangla_reading.sex_text(text)   # Bangla kinship words ("মা" is not inside "আমার")
    match = _CLINICAL_AGE_SEX.search(text)
    if match:
        return "male" if match.group(2).startswith("m") else "female"
    match = _AGED_SEX.search(text)
    if match:
        return "male" if match.group(1) in {"m", "male", "man", "boy", "gentleman"} else "female"
    if subject == "writer" and _WRITER_WORDS.search(text):
        male, female = _SELF_MALE.search(text), _SELF_FEMALE.search(text)
    else:
        male, female = _MALE.search(text), _FEMALE.search(text)
    if male and female:
        return "male" if male.start() < female.start() else "female"
    return "male" if male else "female" if female else None


# An angle in degrees is not a temperature: "SLR +ve at 40 deg", "flexion to 90 degrees".
_ANGLE_BEFORE = re.compile(r"(?<![a-z])(?:slr|straight leg|leg raise|angle|flexion|extension|abduction|adduction|"
                           r"rotation|range of movement|rom|tilt|head up|elevated to|elevation)(?![a-z])")


# A bare reading with no word before it ("worse - 39.6 this morning", "38.4 and shivery"): only a number with a
# decimal in the range of a fever (37.5-42.9 °C, 99.5-107.9 °F), in a text that speaks of a fever or a hot body,
# and not a weight, a dose, weeks of pregnancy or another measurement (NICE NG143 reads the number as measured).
_BARE_READING = re.compile(
    r"(?<![\d.])(3[7-9]\.\d|4[0-2]\.\d|99\.[5-9]|10[0-7]\.\d)(?![\d/])(?!\.\d)"
    r"(?!\s*(?:kg|kilo|g\b|mg|mcg|ml|mmol|cm|mm|%|lb|inch|weeks?|wks?|w\b|/40|days?|years?|yrs?|months?|hours?|hrs?))")
_FEVER_CONTEXT = re.compile(r"(?<![a-z])(?:fevers?|feverish|temperature|temps?|hot|burning up|shiver\w*|shaking|"
                            r"rigors?|pyrexi\w*|febrile|thermometer|jor|jwor|জ্বর)(?![a-z])")
_BARE_NOT_BEFORE = re.compile(r"(?<![a-z])(?:sugars?|glucose|bms?|cbg|ketones?|inr|hb|weight|weighs?|weighed|sats|"
                              r"oxygen|bp|pressure|pulse|heart|rate|peak flow|height|length|head|bmi|dose|gestation|"
                              r"crp|wcc|egfr|creat\w*|potassium|sodium|lactate|ph|hba1c)(?![a-z])[^.;!?\n]{0,12}$")


def read_temperature_c(text: str) -> float | None:
    best = _temperature_with_words(text)
    # the highest reading counts, a bare one too: "temperature was 37.9 an hour ago and now it's 38.3"
    if _FEVER_CONTEXT.search(text):
        for match in _BARE_READING.finditer(text):
            if _BARE_NOT_BEFORE.search(text, max(0, match.start() - 30), match.start()):
                continue
            value = float(match.group(1))
            celsius = (value - 32) * 5 / 9 if value >= 90 else value
            best = celsius if best is None else max(best, celsius)
    return None if best is None else round(best, 1)


def _temperature_with_words(text: str) -> float | None:
    best = None
    for index, pattern in enumerate(_TEMP_PATTERNS):
        for match in pattern.finditer(text):
            if index == 1 and _ANGLE_BEFORE.search(text, max(0, match.start() - 30), match.start()):
                continue
            if index == _CHECKED_READING and _OTHER_MEASURES.search(match.group(0)):
                continue  # "checked her sugar, 38.2" is not a temperature
            value = float(match.group(1))
            unit = match.group(2)[0] if match.lastindex and match.lastindex >= 2 and match.group(2) else None
            if unit == "f" or (unit is None and 95 <= value <= 110):
                celsius = (value - 32) * 5 / 9
            elif unit == "c" or (unit is None and 34 <= value <= 43):
                celsius = value
            else:
                continue
            if 30 <= celsius <= 45:
                best = celsius if best is None else max(best, celsius)
    return best


# A past episode is not the current one: "had the same thing 2 years ago", "last time was 3 years ago",
# "I've had this before, about a year ago" give when the last episode was, not how long this one has gone on.
_PAST_EPISODE_CUE = re.compile(
    r"(?<![a-z])(?:(?:the\s+)?same\s+(?:thing|problem|issue|pain|symptoms?|again)|similar\s+(?:thing|episodes?|"
    r"problems?|pain|symptoms?|attacks?)|(?:had|got|happened|suffered|experienced)\s+(?:\w+\s+){0,2}?"
    r"(?:this|it|one|that|these|them)\s+(?:\w+\s+)?(?:before|once|previously)|(?:last|previous|first|other)\s+time|"
    r"(?:previous|last|prior|earlier)\s+(?:episodes?|attacks?|bouts?|flares?)|(?:once|twice)\s+before|"
    # "brother had the same last month": someone's earlier bout, with its own time
    r"(?:had|got|caught)\s+the\s+same)(?![a-z])")
_PAST_TIME = re.compile(r"(?<![a-z])(?:ago|back)(?![a-z])|(?<![a-z])last\s+(?:year|month|summer|winter|spring|autumn)"
                        r"(?![a-z])|(?<![a-z])in\s+(?:19|20)\d\d(?!\d)")
_TIME_BEFORE_AGO = re.compile(_NUM + r"\s*" + _UNIT + r"\s*$")
# A vaccine's date: "had all my jabs incl tetanus in the last few years", "tetanus booster within the last 2 years"
# (only "in/within the last" right after the vaccine: "after her jabs she's had a fever for 6 days" is the fever's time).
_VACCINE_TIME = re.compile(r"(?<![a-z])(?:tetanus|td|jabs?|boosters?|vaccin\w*|immunis\w*|immuniz\w*)(?![a-z])"
                           r"(?:\s+(?:jabs?|boosters?|shots?|done|given|was|were|had|up\s+to\s+date))*\s*"
                           r"(?:(?:in|within|over)\s+(?:the\s+)?(?:(?:last|past)\s+)?)?$")
_LASTED = re.compile(r"(?<![a-z])(?:lasted|lasting|went on|took|cleared|settled|got better)(?![a-z])")
_SENTENCE_BREAK = re.compile(r"[.;!?\n]|(?<![a-z])(?:but|this time|now|currently|since then)(?![a-z])")


def _past_episode_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the text that tell of an earlier episode: from the cue to the time it names, in one sentence."""
    spans = []
    for cue in _PAST_EPISODE_CUE.finditer(text):
        start = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, cue.start())), default=0)
        stop = _SENTENCE_BREAK.search(text, cue.end())
        end = stop.start() if stop else len(text)
        times = list(_PAST_TIME.finditer(text, start, end))
        if not times:
            continue
        after = [m for m in times if m.start() >= cue.end()]
        if after:  # "had the same thing 2 years ago": from the cue to its time, and on through "which lasted 3 weeks"
            stop = after[0].end()
            comma = text.find(",", stop, end)
            clause_end = comma if comma >= 0 else end
            if _LASTED.search(text, stop, clause_end):
                stop = clause_end
            spans.append((cue.start(), stop))
        else:  # "2 years ago I had the same thing": from its time to the cue
            marker = times[-1].start()
            before = _TIME_BEFORE_AGO.search(text, start, marker)
            spans.append((before.start() if before else marker, cue.end()))
    return spans


# A past check's time is not the symptom's duration: "BP at GP last month 128/80", "bloods last month normal",
# "smear 2 years ago", "ECG last week NAD". A check or result named before "last ..." or "... ago" in the same clause
# dates that check; "for", "since", "over" still give how long the complaint has gone on.
_CHECK_BEFORE = re.compile(
    r"(?<![a-z])(?:bp|blood pressure|bloods?|bloodwork|blood tests?|blood work|tests?|tested|checked|check|check up|checkup|"
    r"review|reviewed|scan|scanned|x ray|xray|cxr|ecg|ekg|echo|smear|screening|results?|hba1c|fbc|u&e|lfts?|tfts?|"
    r"psa|urine dip|dipstick|mot|appointment|appt|vaccine|vaccinated|jab|booster|saw (?:the |a |my )?gp|seen by|"
    r"seen at|visit|visited|optician|optometrist|dentist|"
    # "period was 2 weeks ago", "LMP 3 weeks ago": the last period's date, not how long the complaint has lasted
    r"(?:last\s+)?period\s+(?:was|started|came|finished|ended)|lmp)(?![a-z])[^.;,!?\n]{0,30}$")
_CHECK_TIME = re.compile(r"\s*(?:last|past|the last|the past|(?:\d+|a|an|one|two|three|four|five|six|a few|a couple of)"
                        r"\s*(?:days?|weeks?|months?|years?|wks?|yrs?)\s*(?:ago|back))(?![a-z])")


def _past_check_time(text: str, start: int) -> bool:
    return bool(_CHECK_TIME.match(text, start)) and bool(_CHECK_BEFORE.search(text[max(0, start - 60):start]))


# Someone else's event in the same clause dates that event, not the complaint: "my mum had shingles last month",
# "cousin treated for TB last year", "moved from Pakistan 2 yrs ago"; "4/52 postpartum" is the time since a birth.
_OTHERS_EVENT = re.compile(
    r"(?<![a-z])(?P<who>mum|mom|mother|dad|father|sister|brother|cousin|grandma|grandmother|gran|nan|nana|nanny|"
    r"grandad|granddad|grandpa|grandfather|aunt|auntie|uncle|friend|neighbour|neighbor|colleague|flatmate|"
    r"roommate|classmate)s?\s+(?:also\s+|too\s+)?(?:had|has had|was|got|caught|died|passed|treated|diagnosed|"
    r"went|came down)(?![a-z])"
    r"|(?<![a-z])(?:moved|came|arrived|migrated|emigrated|immigrated|relocated)\s+(?:here|to|from|over)(?![a-z])")
_TIME_POINT = re.compile(r"(?<![a-z])(?:ago|last|back)(?![a-z])")
_CLAUSE_EDGE = re.compile(r"[.,;!?\n]|(?<![a-z])but(?![a-z])")
_SINCE_A_BIRTH = re.compile(r"\s*(?:post\s*partum|postnatal|pp|post\s*op|postop|after (?:the )?(?:delivery|birth|"
                            r"baby|section|c section|operation|surgery))(?![a-z])")


def _others_time(text: str, start: int, end: int, subject: str | None) -> bool:
    """The time at [start, end) dates someone else's event or a birth, not the complaint."""
    if _SINCE_A_BIRTH.match(text, end):
        return True
    if not _TIME_POINT.search(text, start, min(len(text), end + 5)):
        return False  # "mum had chest pain for 2 days": how long, of whoever the text is about
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(text, 0, start)), default=0)
    stop = _CLAUSE_EDGE.search(text, end)
    right = stop.start() if stop else len(text)
    for event in _OTHERS_EVENT.finditer(text, left, right):
        who = event.group("who")
        if who is None or subject is None or stem(who) != subject:
            return True
    return False


_TIME_WITHOUT = re.compile(r"(?:(?<![a-z])(?:not|never|hasnt|hadnt|havent|hasn t|hadn t|haven t)|n't)\s+(?:had|got|"
                           r"suffered)\s+(?:one|any|it|them|an? (?:\w+ )?(?:attack|episode|migraine|fit|seizure|flare|"
                           r"flare up|bout|headache|relapse|one)s?|one of (?:these|those|them|her|his|my) \w+)\s*"
                           r"(?:(?:for|in)\s+(?:about\s+|over\s+|almost\s+|nearly\s+|the last\s+|the past\s+)?"
                           r"(?:a\s+|an\s+)?)?$")


# How long someone has lived with a long-term condition or taken a medicine is not how long this complaint has
# gone on: "type 1 for 12 yrs, went low at the gym", "diabetic for 20 years", "had asthma for 10 years, wheezy
# today", "t2dm x 10 years", "on warfarin for 5 years". (A symptom's own words, "depressed for 2 years", are not
# in this list; a few days after a condition's name, "asthma for 2 days", are the flare's.)
_LONG_TERM_BEFORE = re.compile(
    r"(?<![a-z])(?:diabetes|diabetic|type\s*(?:1|2|one|two)|t[12]\s*dm|iddm|niddm|dm|asthma|asthmatic|copd|emphysema|"
    r"epilepsy|epileptic|hypertension|hypertensive|high blood pressure|thyroid|hypothyroid\w*|hyperthyroid\w*|ckd|"
    r"kidney disease|renal failure|dialysis|hiv|crohn'?s|colitis|ibd|ms|multiple sclerosis|parkinson'?s|"
    r"(?:rheumatoid\s+)?arthritis|heart failure|atrial fibrillation|af|psoriasis|sickle cell|lupus|migraines|"
    r"cancer|angina|stent|pacemaker|migraines?\s+with(?:out)?\s+aura|"
    # "exactly like my normal ones for 10 yrs": how long the usual attacks have come, not this one's length
    r"(?:normal|usual|typical|regular)\s+(?:ones|attacks|migraines|episodes|headaches)|"
    # "the one-sided headache, same as I've had for 10 years": the attacks' history, not this one's length
    r"(?:same as|like)\s+(?:i'?ve|i have|she'?s|he'?s|she has|he has)\s+had|"
    r"on\s+(?:insulin|warfarin|apixaban|rivaroxaban|edoxaban|dabigatran|metformin|gliclazide|steroids?|prednisolone|"
    r"methotrexate|lithium|levothyroxine|thyroxine|the pill|the implant|dialysis|chemo(?:therapy)?|blood thinners|"
    r"inhalers?|tablets|medication|meds))"
    r"\s+(?:(?:now|already|about|over|nearly|almost|the\s+(?:last|past))\s+)*(?:(?:for|x)\s*)?"
    r"(?:(?:about|over|nearly|almost|around|the\s+(?:last|past))\s+)*$")


def _long_term_time(text: str, start: int) -> bool:
    return bool(_LONG_TERM_BEFORE.search(text, max(0, start - 60), start))


# When a condition was diagnosed is not how long this complaint has gone on: "diagnosed with IBS 3 years ago, my
# usual bloating is back", "dx with migraine 5 yrs ago" (months or years before, ending in "ago")
_DIAGNOSED_BEFORE = re.compile(r"(?<![a-z])(?:diagnosed|dx|dxd|dx'd)(?:\s+(?:with|as)\s+[^.,;!?\n]{1,30}?)?\s*"
                               r"(?:about\s+|around\s+|over\s+|nearly\s+|almost\s+)?$")
_ENDS_IN_AGO = re.compile(r"(?<![a-z])(?:ago|back)\s*$")


def _diagnosis_date(text: str, start: int, end: int) -> bool:
    return bool(_ENDS_IN_AGO.search(text, start, end)) and bool(_DIAGNOSED_BEFORE.search(text, max(0, start - 60), start))


def read_duration_days(text: str, subject: str | None = None) -> float | None:
    found: list[float] = []
    past = _past_episode_spans(text) if _PAST_EPISODE_CUE.search(text) else ()
    for pattern in _DURATION_PATTERNS:
        for match in pattern.finditer(text):
            if past and any(a <= match.start() < b for a, b in past):
                continue
            if _past_check_time(text, match.start()):
                continue
            if _others_time(text, match.start(), match.end(), subject):
                continue
            if _TIME_WITHOUT.search(text, max(0, match.start() - 40), match.start()):
                continue  # "has not had one for a year": the time since the last episode, not this one's length
            if _VACCINE_TIME.search(text, max(0, match.start() - 45), match.start()):
                continue  # "tetanus jab in the last few years": when a vaccine was given, not how long this has gone on
            if match.group(1) == "day":  # "this is day 5"
                found.append(float(match.group(2)))
                continue
            unit = match.group(2)
            days = _number(match.group(1)) * _UNIT_DAYS.get(unit, _UNIT_DAYS.get(unit.rstrip("s"), 1))
            if days >= 60 and _long_term_time(text, match.start()):
                continue  # years with a condition, not this complaint's length ("asthma for 2 days" is the flare)
            if days >= 60 and _diagnosis_date(text, match.start(), match.end()):
                continue  # "diagnosed with IBS 3 years ago": when it was diagnosed, not this flare's length
            found.append(days)
    for match in _FRACTION_DURATION.finditer(text):
        if _others_time(text, match.start(), match.end(), subject):
            continue
        count, base = float(match.group(1)), match.group(2)
        if base == "7" and count <= 7:
            found.append(count)
        elif base == "52" and count <= 52:
            found.append(count * 7)
        elif base == "12" and count <= 12:
            found.append(count * 30)
    for pattern, days in _DURATION_PHRASES:
        for match in pattern.finditer(text):
            if not (past and any(a <= match.start() < b for a, b in past)) \
                    and not _past_check_time(text, match.start()) \
                    and not _others_time(text, match.start(), match.end(), subject) \
                    and not (days >= 60 and _long_term_time(text, match.start())):
                found.append(days)
                break
    return round(max(found), 3) if found else None


# ---------------------------------------------------------------------------
# ConText: negation, uncertainty, history, experiencer.
# ---------------------------------------------------------------------------

def _phrases(*items: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(t.stem for t in tokens(item)) for item in items)


NEGATION_PRE = _phrases(
    "no", "not", "denies", "denied", "deny", "denying", "without", "negative for", "free of", "never had",
    "never", "doesnt have", "does not have", "dont have", "do not have", "hasnt got", "hasnt had", "havent got",
    "havent had", "has not had", "have not had", "didnt have", "did not have", "absence of", "absent",
    "ruled out", "rules out", "nor", "neither", "no sign of", "no signs of", "no evidence of", "no history of",
    "isnt", "wasnt", "not had", "no complaints of", "no c/o", "nil", "none", "didnt", "did not", "doesnt",
    "wouldnt say", "would not say", "wouldnt call", "wouldnt describe",
    "hasnt", "havent", "dont", "nothing", "nobody", "no one", "noone", "none of")
# "not eating and vomiting": a negated activity joined by "and" to a symptom denies the activity only; the symptom
# after "and" is a second finding of its own (ConText: the conjunction ends the scope when it joins unlike things).
# "not eating and drinking", "not eating or drinking" (two activities, or "or") stay one denial.
_ACTIVITIES = frozenset(t.stem for t in tokens(
    "eating eat drinking drink feeding feed sleeping sleep walking walk talking talk playing play moving move "
    "weeing wee peeing pee pooing poo settling settle smiling smile responding respond waking wake"))
_ACTIVITY_FILLERS = frozenset(t.stem for t in tokens(
    "well much properly normally anything any at all enough as usual very really"))


def _activity_and_symptom_end(stems: list[str], start: int, stop: int) -> int:
    k = start
    if k >= stop or stems[k] not in _ACTIVITIES:
        return stop
    k += 1
    while k < stop and stems[k] in _ACTIVITY_FILLERS:
        k += 1
    if k < stop and k + 1 < len(stems) and stems[k] == "and" \
            and stems[k + 1] not in _ACTIVITIES and stems[k + 1] not in _ACTIVITY_FILLERS \
            and stems[k + 1] not in CLAUSE_PUNCT and not _starts(stems, k + 1, NEGATION_PRE):
        return k
    return stop


# Nobody is the subject: what follows is denied of everyone it names, however many verbs it runs over.
_NOBODY = _phrases("nobody", "no one", "noone", "no body", "none of us", "none of them", "no other", "no others",
                   "no contact with", "not in contact with", "no known contact with", "not been near", "hasnt been near",
                   "not been around", "no exposure to")
# Within "nobody ..." the verbs ("has", "is", "with", "got") are nobody's; only ConText's contrast and
# new-subject terms end it ("nobody else is ill but she is pregnant").
_NOBODY_TERMINATORS = _phrases(
    "but", "however", "although", "though", "except", "apart from", "aside from", "which", "whereas", "while",
    "so", "because", "kintu", "কিন্তু", "tobe", "i", "im", "she", "he", "shes", "hes", "they", "we", "my", "her",
    "his", "our", "the patient", "pt", "patient")
_NOBODY_GROUP_OWNERS = frozenset(t.stem for t in tokens("my her his our their"))
# ConText pseudo-triggers (Chapman et al.; medspaCy defaults): they contain a negation word and negate nothing
# after them ("no change in chest pain", "not only", "gram negative"); the words after "no" in the trigger
# itself are negated ("no increase" is not a worsening).
PSEUDO_NEGATION = _phrases(
    "no change", "no significant change", "no interval change", "no definite change", "no increase",
    "no significant increase", "not only", "not just", "gram negative", "not necessarily", "not cause", "not drain",
    # (not "not extend": in a triage note "swelling not extending to the neck" denies the spread)
    "no suspicious change", "no further change",
    # "probably nothing but I've had indigestion": "nothing but" is "only", and what follows is there
    "nothing but",
    # "I feel nothing for him and everyone would be better off without me": a feeling told, not a denial of what follows
    "feel nothing", "felt nothing", "feeling nothing", "feels nothing",
    # "collapsed without warning during a match": the missing warning is the finding; the words after it are not denied
    "without warning", "without any warning", "without a warning",
    # "he didn't even notice a sore on his foot until I saw blood": what went unnoticed is there
    "didn't even notice", "didnt even notice", "did not even notice", "never even noticed", "hadn't even noticed",
    # Bangla "can't find it": "battery ta khuje pacchi na" (a missing button battery) denies nothing
    "খুঁজে পাচ্ছি না", "খুঁজে পাই না", "খুঁজে পাইতেছি না", "খুঁজে পাইতেছিনা", "খুঁজে পাচ্ছিনা", "খুঁজে পাইনা",
    "khuje pacchi na", "khuje pachchi na", "khuje pachi na", "khuje pai na", "khuje paitesi na", "khuje paitechi na",
    "khuje pacchina", "khuje paina", "khuje pacchi nah", "khuje pawa jacche na", "khuje paowa jacche na")
# "not stopped", "hasn't settled", "didn't help": the symptom goes on, the trigger is not a negation of it.
_INJURY_WORDS = frozenset(t.stem for t in tokens("injury injuries trauma wound wounds"))
_PSEUDO_NEGATED = frozenset(t.stem for t in tokens(
    "stop stopped stopping settle settled ease eased improve improved improving help helped work worked go gone "
    "respond responded let clear cleared better"
    # "pain not touched by co-codamol", "not relieved by", "not controlled with": the pain goes on
    " touch touched relieve relieved control controlled shift shifted budge budged"
    # "not herself", "isn't himself": the carer's way of saying the person is not acting normally
    " herself himself themselves myself yourself"))
# "Never had a headache like this", "never had pain this bad": a comparison with every earlier pain, the worst
# ever (a thunderclap headache is an emergency, NICE CKS Headache; NICE NG232), not a denial of the pain.
_NEVER_TRIGGERS = frozenset(t.stem for t in tokens("never had not havent hasnt"))
_LIKE_THIS = _phrases("like this", "like that", "like it", "this bad", "so bad", "as bad", "this severe", "so severe",
                      "this painful", "so painful", "this intense", "anything like", "such a", "such")
# Bangla: a comparison ("এমন", "এত", "emon", "erokom") with "in my life" or "ever" ("জীবনে", "কখনো", "jibone",
# "kokhono") before the "নাই"/"হয়নি" that ends the clause ("আগে এমন হয়নি", not like this before, is left a denial).
_BN_LIKE_THIS = frozenset(t.stem for t in tokens("এমন এরকম এতো এত emon erokom eirokom emun eto etto"))
_BN_EVER = frozenset(t.stem for t in tokens("জীবনে কখনো কখনও কোনোদিন jibone jibone kokhono kokhuno konodin"))


def _never_like_this(stems: list[str], i: int, scope_start: int, stop: int) -> bool:
    if not any(stems[k] in _NEVER_TRIGGERS for k in range(i, scope_start)):
        return False
    return any(_starts(stems, k, _LIKE_THIS) for k in range(scope_start, min(stop + 3, len(stems))))


def _never_like_this_bn(stems: list[str], start: int, i: int) -> bool:
    words = stems[start:i]
    return any(w in _BN_LIKE_THIS for w in words) and any(w in _BN_EVER for w in words)


# "his hearing didn't go suddenly": the manner is denied, not a symptom kept going.
_MANNER = frozenset(t.stem for t in tokens("suddenly sudden quickly abruptly overnight instantly"))
NEGATION_POST = _phrases(
    "none", "denied", "absent", "negative", "neg", "nil", "not present", "not there", "resolved", "gone", "ruled out",
    "settled", "stopped",
    # a clinician's judgement that a diagnosis is improbable ("torsion felt unlikely", "PE thought unlikely"): the
    # ConText trigger for probable absence
    "unlikely", "felt unlikely", "thought unlikely", "considered unlikely", "felt to be unlikely",
    "nai", "nei", "nay", "nei ekhon", "নেই", "নাই", "হয়নি", "hoyni", "na",
    # Bangla "healed", "left", "got better": "জ্বর সেরে গেছে", "jor chere geche", "kashi bhalo hoye gese"
    "সেরে গেছে", "সেরে গেসে", "সাইরা গেছে", "ছেড়ে গেছে", "ছাইড়া গেছে", "ভালো হয়ে গেছে", "ভাল হয়ে গেছে",
    "ভালো হইয়া গেছে", "sere gese", "sere geche", "sere gechhe", "sere gache", "saira gese", "saira geche",
    "chere gese", "chere geche", "chere gechhe", "chaira gese", "chaira geche", "bhalo hoye gese",
    "bhalo hoye geche", "bhalo hoye gechhe", "valo hoye gese", "valo hoye geche", "bhalo hoe gese",
    "valo hoe gese")
# "জ্বর চলে গেছে", "jor chole gese": gone, said only of a symptom that comes and goes. After other words "চলে
# গেছে" is a loss ("হুঁশ চলে গেছে", consciousness went; "hater bol chole gese", the arm's strength went).
_GONE_AWAY = _phrases("চলে গেছে", "চইলা গেছে", "chole gese", "chole geche", "chole gechhe", "chole gache",
                      "choila gese", "choila geche")
_GONE_AWAY_SYMPTOMS = frozenset(t.stem for t in tokens(
    "জ্বর জর jor jwor jwar fever ব্যথা ব্যাথা বেদনা betha batha byatha bytha pain কাশি kashi kasi cough "
    "বমি bomi vomiting চুলকানি chulkani itching মাথাব্যথা"))
UNCERTAIN_PRE = _phrases(
    "not certain if", "not certain whether", "uncertain if", "uncertain whether", "unclear if", "unclear whether",
    "cannot rule out", "cant rule out", "cannot exclude", "cant exclude", "not ruled out", "not excluded",
    "might", "may", "maybe", "possibly", "possible", "perhaps", "probably", "not sure if", "not sure whether",
    "could be", "could have", "query", "suspected", "suspect", "wonder if", "wondering if", "worried about",
    "concerned about", "afraid of", "rule out", "likely", "?", "ki", "মনে হয়", "mone hoy")
UNCERTAIN_POST = _phrases("?", "maybe", "possibly", "not sure", "i think")
# A feared diagnosis is not a finding: "worried it might be a heart attack".
FEAR_PRE = _phrases(
    "worried it", "worried that it", "worried its", "worried this", "worried that this", "scared it", "scared its",
    "scared that it", "afraid it", "afraid its", "afraid that it", "frightened it", "concerned it",
    "concerned that it", "worry it", "worried thats", "scared thats", "in case it", "in case its", "fear it",
    "fears it", "fearing it", "terrified it", "terrified its",
    # a diagnosis read up on: "googled and now convinced it's cancer", "paranoid it's my heart"
    "convinced it", "convinced its", "convinced that it", "convinced i have", "convinced ive got",
    "paranoid it", "paranoid its", "paranoid that it", "what if it", "what if its", "googled",
    # someone else's guess: "my mum keeps saying I have TB"
    "keeps saying i have", "keeps saying ive got", "keeps saying its", "keeps telling me i have",
    "keeps telling me its", "insists i have", "insists its",
    # a fear of what might happen: "I panic that I'm going to choke", "scared I'll stop breathing"
    "panic that im going to", "panic im going to", "panic that i will", "panic that ill", "panic ill",
    "scared im going to", "scared that im going to", "scared ill", "afraid im going to", "afraid ill",
    "terrified im going to", "terrified ill", "worried im going to", "worried ill",
    # a fear of a diagnosis now: "frightened that he is having a heart attack", "scared I'm having a stroke"
    *(f"{feeling}{that} {who} {verb}having" for feeling in ("frightened", "scared", "worried", "afraid", "terrified",
                                                           "panicking", "convinced")
      for that in ("", " that") for who, verbs in (("he", ("is ", "")), ("she", ("is ", "")), ("hes", ("",)),
                                                   ("shes", ("",)), ("im", ("",)), ("i", ("am ",)),
                                                   ("they", ("are ", "")))
      for verb in verbs))
# A question that names a diagnosis asks about it, it does not report it: "could it be a tumour?", "is this
# shingles?", "have I got a chest infection?". The symptoms told carry the answer. "Could it be", "might it be"
# and "could I have" are questions in any sentence; "is it", "is this", "do I have" only in one ending in "?".
# A clinician's "?PE" or "query SAH" is a differential still to be excluded and stays a concern (uncertain).
QUESTION_PRE = _phrases(
    "could it be", "could this be", "could that be", "could it just be", "could this just be", "might it be",
    "might this be", "can it be", "can this be", "could i have", "might i have", "could he have", "could she have",
    "could they have", "could he be", "could she be", "could i be", "is it possible its", "is it possible it is")
QUESTION_ONLY_PRE = _phrases(
    "is it", "is this", "is that", "or is it", "do i have", "have i got", "is it just", "is this just", "are these",
)
# Words between the question and the diagnosis it names.
_QUESTION_FILLERS = frozenset(t.stem for t in tokens(
    "just a an the my his her their some sort kind of something like maybe possibly really actually perhaps "
    "probably had got been be having getting"))
# Words that end the diagnosis asked about ("is it normal to have chest pain?" asks about nothing).
_QUESTION_STOPS = frozenset(t.stem for t in tokens(
    "normal ok okay safe fine alright worth usual common serious bad possible likely to because after when if "
    "with and that which who from due caused causing making playing coming going get getting or should can will "
    "would need me him her them"
    # a food asked about is the writer's own link to a trigger, not a diagnosis: "could it be gluten?"
    " gluten wheat bread dairy milk lactose food"))
_QUESTION_STOPS_LATER = _QUESTION_STOPS - {stem("or")}


_AFTER_WORDS = frozenset(t.stem for t in tokens("after following for"))
_LONG_AGO_UNITS = frozenset(t.stem for t in tokens("year years yr yrs month months mo"))


def _earlier_occasion(stems: list[str], start: int, end: int, historical: list[bool]) -> None:
    """ "had a tetanus booster 2 yrs ago after a dog scratch": what an earlier time names is over."""
    for i in range(start, end - 1):
        if (stems[i] == _AGO and stems[i + 1] in _AFTER_WORDS and i >= 2 and stems[i - 1] in _LONG_AGO_UNITS
                and (stems[i - 2][:1].isdigit() or stems[i - 2] in {"a", "an", "one", "two", "few", "sever"})):
            k = i + 2
            while k < end and stems[k] not in CLAUSE_PUNCT:
                historical[k] = True
                k += 1


_QUESTION_OPENERS = frozenset(t.stem for t in tokens("is could do does can should am are will would might"))


def _question_scope(stems: list[str], start: int, end: int, feared: list[bool]) -> None:
    """Marks the diagnosis a question names as feared (not a finding): "could it be a tumour?", "is this
    shingles?". `end` is the sentence's end (exclusive)."""
    # A last sentence typed without its "?" is still a question when it opens like one: "... is this bowel cancer"
    asks = (end < len(stems) and stems[end] == "?") or (end == len(stems) and start < end
                                                         and stems[start] in _QUESTION_OPENERS)
    i = start
    while i < end:
        length = _starts(stems, i, QUESTION_PRE)
        if not length and asks:
            length = _starts(stems, i, QUESTION_ONLY_PRE)
        if not length:
            i += 1
            continue
        k = i + length
        while k < end and stems[k] in _QUESTION_FILLERS:
            k += 1
        if k < end and stems[k] in _QUESTION_STOPS:
            i = k
            continue
        while k < end and stems[k] not in CLAUSE_PUNCT and (stems[k] not in _QUESTION_STOPS_LATER):
            feared[k] = True
            k += 1
        i = k


HISTORICAL_PRE = _phrases(
    "history of", "past medical history", "past history", "previous", "previously",
    "prior", "background of", "a history", "status post", "recovered from",
    "used to have", "used to get")
# A known or diagnosed condition is context and still the patient's current condition.
ONGOING_PRE = _phrases(
    "known", "known case of", "a known", "diagnosed with", "diagnosed as", "diagnosed", "recently diagnosed with",
    "was diagnosed with", "been diagnosed with", "living with", "went through", "gone through", "being treated for",
    "on treatment for", "under treatment for")
HISTORICAL_POST = _phrases("last year", "as a child", "years ago", "in the past", "when i was young",
                           "when i was a child", "in childhood", "long ago", "previously", "as a kid",
                           "as a teenager", "when i was a kid", "when i was little")
# "had chickenpox as a child": the person's own childhood, even where a finding's words ("child ~ chickenpox")
# took in the trigger
_CHILDHOOD_POST = _phrases("as a child", "as a kid", "as a teenager")
# "over the last year", "for the past year": how long it has been going on, not when it stopped.
_SPAN_WORDS = frozenset(t.stem for t in tokens("over for in during within throughout since past the this")) | {"the"}
# An illness the text dates from is over: "cough since the flu two weeks ago".
_PAST_ILLNESS_CUE = frozenset({stem("since"), stem("post")})
_PAST_ILLNESS_FILLERS = frozenset(t.stem for t in tokens("having had i a bad the my"))
_PAST_ILLNESSES = frozenset(t.stem for t in tokens(
    "flu cold covid virus infection bug tonsillitis gastro chickenpox measles pneumonia bronchitis stroke cva mi"
    " জ্বর সর্দি ঠান্ডা ডেঙ্গু টাইফয়েড jor jwor jorer sordi thanda dengue typhoid"))
# A finite verb or a subject after "and"/"or" opens a new clause: "lost weight without trying AND MY clothes...".
_CLAUSE_OPENERS = frozenset(t.stem for t in tokens(
    "i im ive id me he she it its they we you hes shes theyre were my his her their our "
    "is was are has have had keeps keep thinks think says said seems looks feels felt cant cannot wont will "
    "started starts gets got being been becomes became now then also there theres something suddenly"))
FAMILY_PRE = _phrases("family history", "family history of", "runs in the family", "runs in my family", "genetic")
FAMILY_POST = _phrases("runs in the family", "runs in my family", "in the family", "in my family")
TERMINATORS = _phrases(
    "but", "however", "although", "though", "except", "apart from", "aside from", "which", "who", "presents with",
    "presenting with", "presented with", "complains", "complains of", "complaining", "reports", "reporting", "now",
    "has", "have", "with", "today", "currently", "still", "yet", "kintu", "কিন্তু", "tobe", "ache",
    "আছে", "since", "whereas", "while", "then", "so", "because", "as", "presents", "feels", "feel", "got",
    "developed", "started", "complaint")
# Words that open a new list item with its own verb: "denies chest pain, HAS productive cough".
_LIST_VERBS = frozenset(t for phrase in _phrases(
    "has", "have", "had", "with", "reports", "complains", "presents", "is", "was", "are", "got", "feels",
    "now", "new", "also", "developed", "started", "having", "productive", "getting", "ongoing", "persistent",
    "ache", "আছে", "hoyeche", "hocche",
    # a change opens the present ("h/o COPD, increased SOB and purulent sputum x3d"): not one more past item
    "increased", "increasing", "worsening", "worsened", "acute", "sudden", "recurrent") for t in phrase)
_CONJUNCTIONS = frozenset({"or", "nor", "and", "ba", "ebong", "ও", "বা", "এবং"})
_LIST_MODIFIERS = frozenset(t.stem for t in tokens(
    "persistent ongoing productive new increased increasing worsening worsened acute sudden recurrent"))
_OR_WORDS = frozenset({"or", "nor", "ba", "বা"})

# A finding followed by "settled", "stopped", "gone" is over ("vomiting settled", "the pain has gone") only when the
# word ends the statement: "gone blue", "gone numb", "stopped eating", "settled in my back" say something else.
_RESOLUTION_WORDS = {"settled": "settled", "stopped": "stopped", "gone": "gone", "resolved": "resolved"}
_RESOLUTION_FOLLOWERS = frozenset(t.stem for t in tokens(
    "and but now yesterday today tonight since after with by completely fully totally away overnight itself "
    "spontaneously on its own last this about around within over mostly already thankfully"))
# Auxiliaries between a finding and its resolution word: "the pain HAS gone", "vomiting IS NOW settled".
_RESOLUTION_AUX = frozenset(t.stem for t in tokens(
    "has have had is was are were now all completely fully totally mostly finally just already since seems "
    "seemed to be been thankfully"))
# "hasn't gone", "not settled", "never resolved": the finding goes on.
_RESOLUTION_DENIED = frozenset(t.stem for t in tokens(
    "not hasnt havent hadnt isnt wasnt never no nt didnt doesnt arent werent yet cant cannot couldnt wont wouldnt "
    "unable"))


def _resolution_at(stream: list[Token], stems: list[str], i: int) -> bool | None:
    """For a resolution word at i ("settled", "stopped", "gone", "resolved"): whether it is one that ends the
    finding before it (True), or says something else ("hasn't gone", "gone blue", "stopped eating": False).
    None when the token is no resolution word."""
    word = _RESOLUTION_WORDS.get(stream[i].raw)
    if word is None:
        return None
    k = i - 1
    while k >= 0 and stems[k] in _RESOLUTION_AUX and stems[k] not in _RESOLUTION_DENIED:
        k -= 1
    if k >= 0 and stems[k] in _RESOLUTION_DENIED:
        return False
    if word == "resolved":
        return True
    nxt = i + 1
    while nxt < len(stems) and stream[nxt].raw in SKIP:
        nxt += 1
    return nxt >= len(stems) or stems[nxt] in CLAUSE_PUNCT or stems[nxt] in _RESOLUTION_FOLLOWERS \
        or stems[nxt][:1].isdigit()


_RELATIVES = frozenset(t.stem for t in tokens(
    "mother mum mom mam mummy mommy father dad daddy papa brother sister son daughter baby child kid kids husband "
    "wife grandmother grandfather granny grandma grandpa nan nana aunt uncle cousin sibling siblings parents parent partner boy girl "
    "toddler infant newborn niece nephew grandson granddaughter friend ammu abbu amma abba bhai bon chele meye "
    "স্বামী স্ত্রী ছেলে মেয়ে মা বাবা ভাই বোন বাচ্চা দাদা দাদি নানা নানি baccha"))
_POSSESSIVES = frozenset({"my", "our", "his", "her", "their", "আমার", "amar", "amader"})
_FIRST_PERSON = frozenset({"i", "im", "ive", "id", "me", "myself", "আমি", "ami", "amr"})
# "mother had", "dad died of": a relative's past illness is family history even in a carer's text.
_DIED = frozenset({"die", "pass", "died", "passed"})
_FAMILY_PAST_VERBS = frozenset(t.stem for t in tokens("had died passed suffered")) | {"die", "pass", "suffer"}
_FAMILY_PRESENT_VERBS = frozenset(t.stem for t in tokens("has suffers gets"))


_BY_FIRST: dict[int, dict[str, tuple[tuple[str, ...], ...]]] = {}


def _starts(stems: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase starting at i, or 0."""
    index = _BY_FIRST.get(id(phrases))
    if index is None:
        grouped: dict[str, list] = {}
        for phrase in phrases:
            grouped.setdefault(phrase[0], []).append(phrase)
        index = _BY_FIRST[id(phrases)] = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in grouped.items()}
    candidates = index.get(stems[i])
    if not candidates:
        return 0
    for phrase in candidates:  # longest first
        n = len(phrase)
        if n == 1 or tuple(stems[i:i + n]) == phrase:
            return n
    return 0


@dataclass(slots=True)
class Modifiers:
    negated: list[bool]
    uncertain: list[bool]
    historical: list[bool]
    other: list[bool]   # someone else's (family history)
    subject: str        # "writer" or the relative's stem the text is about
    ongoing: list[bool] = field(default_factory=list)   # a known/diagnosed condition: context and current
    feared: list[bool] = field(default_factory=list)    # a diagnosis the writer fears, not a finding


def _sentences(stems: list[str]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, s in enumerate(stems):
        if s in SENTENCE_PUNCT:
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(stems):
        spans.append((start, len(stems)))
    return spans


# A clinician's plan that opens its clause is not a finding: "Advised strengthening, wt loss, topical NSAID",
# "Advised fluids, return if drooling or difficulty breathing", "Safety netted re stridor". Its scope runs to the end
# of the sentence and stops at a terminator or at the reason for it ("advised to attend FOR chest pain", "DUE TO the
# breathlessness"). A plan of doing ("advised to see GP") ends at its comma unless an "if" has made what follows
# hypothetical: "Advised to see GP, chest pain since this morning" keeps the chest pain.
PLAN_PRE = _phrases("advised", "advice given", "safety netted", "safetynetted", "safety netting", "counselled")
_PLAN_REASONS = frozenset({"for", "due", "given", "after"})


def _plan_scope(stems: list[str], start: int, end: int, feared: list[bool]) -> None:
    i = start
    while i < end:
        length = _starts(stems, i, PLAN_PRE) if i == start or stems[i - 1] in CLAUSE_PUNCT else 0
        if not length:
            i += 1  # "I was advised", "the advice leaflet": not a note's plan
            continue
        k = i + length
        doing, hypothetical = k < end and stems[k] == "to", False
        while k < end and stems[k] not in _PLAN_REASONS and not _terminator_at(stems, k):
            if stems[k] in CLAUSE_PUNCT and stems[k] not in (",", ":") or stems[k] == "," and doing and not hypothetical:
                break
            hypothetical = hypothetical or stems[k] == "if"
            feared[k] = True
            k += 1
        i = k


# A note's list of tests sent ends its sentence with the verb: "FBC, U&E, LFT, TFT, HbA1c requested", "ECG and
# trop sent". The tests are a plan, not findings. Only a list of short items: "chest pain, review requested" keeps the
# pain.
_TESTS_SENT = frozenset(stem(w) for w in ("requested", "ordered", "sent", "pending", "awaited", "booked"))


def _tests_ordered(stems: list[str], start: int, end: int, feared: list[bool]) -> None:
    last = end - 1
    while last > start and stems[last] in CLAUSE_PUNCT:
        last -= 1
    if last - start < 2 or stems[last] not in _TESTS_SENT:
        return
    items, size = 0, 0
    for k in range(start, last):
        if stems[k] in (",", "and", "+", "&", "/"):
            if size:
                items += 1
            size = 0
        elif stems[k] in CLAUSE_PUNCT:
            return
        else:
            size += 1
            if size > 2:
                return
    if items + (size > 0) < 2:
        return
    for k in range(start, last + 1):
        feared[k] = True


_HAD_ILLNESS = frozenset(stem(w) for w in ("had", "got", "caught"))
_NEVER = frozenset(stem(w) for w in ("never", "not", "no"))


def _childhood_illness(stems: list[str], start: int, i: int, historical: list[bool], ongoing: list[bool]) -> None:
    """ "had chickenpox as a kid": the illness after "had" is the person's past; what the clause said before it ("is 20
    weeks pregnant and had ...") stays current, and "never had chickenpox as a child" (not immune) is not marked."""
    k = i - 1
    while k >= start and stems[k] not in CLAUSE_PUNCT and stems[k] not in _HAD_ILLNESS:
        k -= 1
    if k < start or stems[k] not in _HAD_ILLNESS:
        k = start - 1  # no "had": the whole clause, as for any other past trigger
    elif k > start and stems[k - 1] in _NEVER:
        return
    for m in range(max(k, start), i):
        if stems[m] not in CLAUSE_PUNCT and not ongoing[m]:
            historical[m] = True


def _terminator_at(stems: list[str], i: int) -> bool:
    return _starts(stems, i, TERMINATORS) > 0


def _new_clause_after(stems: list[str], j: int, end: int) -> bool:
    """Whether the conjunction at j opens a new clause ("and I'm being sick", "and thinks ...")."""
    return j + 1 < end and stems[j + 1] in _CLAUSE_OPENERS


def comma_continues(stems: list[str], i: int, end: int | None = None) -> bool:
    """Whether the comma at i continues a closed list of single words ("swollen, red and hot",
    "red, hot, swollen or tender") rather than opening a new clause ("swollen, she has a fever",
    "killing me, eyes itchy and streaming")."""
    end = len(stems) if end is None else end
    if 0 < i < end - 1 and stems[i - 1] in _DESCRIBING and stems[i + 1] in _DESCRIBING:
        return True  # "a hot, swollen, painful calf": describing words of one thing
    if _single_word_list(stems, i, end):
        return True
    return _short_item_list(stems, i, end)


# Words that describe a swelling, a joint or a patch of skin, listed with commas before what they describe.
_DESCRIBING = frozenset(t.stem for t in tokens(
    "hot warm red swollen painful tender sore puffy inflamed angry hard firm shiny tight itchy bruised lumpy "
    "blistered weepy throbbing burning cold pale numb heavy stiff"))


def _single_word_list(stems: list[str], i: int, end: int) -> bool:
    j = i
    while j < end and stems[j] == ",":
        item = j + 1
        if (item >= end or stems[item] in _LIST_VERBS or stems[item] in _CLAUSE_OPENERS
                or stems[item] in CLAUSE_PUNCT or _terminator_at(stems, item)):
            return False
        j = item + 1
    if j >= end or stems[j] not in _CONJUNCTIONS:
        return False
    last = j + 1
    if last >= end or stems[last] in _LIST_VERBS or stems[last] in _CLAUSE_OPENERS or stems[last] in CLAUSE_PUNCT:
        return False
    return last + 1 >= end or stems[last + 1] in CLAUSE_PUNCT or _terminator_at(stems, last + 1) \
        or stems[last + 1] in _CONJUNCTIONS


_LIST_ITEM_WORDS = 3


def _list_word(stems: list[str], k: int, end: int) -> bool:
    return k < end and not (stems[k] in _LIST_VERBS or stems[k] in _CLAUSE_OPENERS or stems[k] in CLAUSE_PUNCT
                            or stems[k] in _CONJUNCTIONS or stems[k][:1].isdigit() or _terminator_at(stems, k))


def _short_item_list(stems: list[str], i: int, end: int) -> bool:
    """One episode's symptoms told as a list of short items, three or more, closed by "and"/"or": "sudden
    fear, racing heart, tingling fingers and lips": the items go together ("fear ~ tingling")."""
    j, items = i, 1
    back = i - 1  # the items before this comma: "sudden fear, racing heart, [here] tingling fingers and lips"
    while True:
        k = back
        while k >= 0 and back - k < _LIST_ITEM_WORDS and _list_word(stems, k, end):
            k -= 1
        if k == back or k < 0 or stems[k] != "," or items > 6:
            break
        items += 1
        back = k - 1
    while j < end and stems[j] == ",":
        k = j + 1
        while k < end and k - (j + 1) < _LIST_ITEM_WORDS and _list_word(stems, k, end):
            k += 1
        if k == j + 1:
            return False
        items += 1
        j = k
    if j >= end or stems[j] not in _CONJUNCTIONS or items < 3:
        return False
    k = j + 1
    while k < end and k - (j + 1) < _LIST_ITEM_WORDS and _list_word(stems, k, end):
        k += 1
    if k == j + 1:
        return False
    return k >= end or stems[k] in CLAUSE_PUNCT or _terminator_at(stems, k) or stems[k] in _CONJUNCTIONS


def _forward_scope(stems: list[str], start: int, end: int, *, across_commas: bool) -> int:
    """Where a pre-trigger's scope ends (exclusive), from `start` within a sentence ending at `end`.

    Commas continue a negation only across a closed list: "no fever, chills, or weight loss"
    (closed by or/nor/and before any terminator) but not "denies chest pain, productive cough".
    """
    i = start
    while i < end:
        s = stems[i]
        if s in CLAUSE_PUNCT and s != ",":
            return i
        if s == ",":
            if not across_commas:
                return i
            nxt = i + 1
            if nxt < end and stems[nxt] in _LIST_VERBS:
                return i
            closed = False
            j = nxt
            while j < end:
                if stems[j] in _CONJUNCTIONS:
                    # "no dysphagia, weight loss or persistent vomiting": after "or" a describing word is one
                    # more denied item ("and persistent cough" after a denial is a symptom that is there)
                    closed = ((stems[j + 1] not in _LIST_VERBS
                               or (stems[j] in _OR_WORDS and stems[j + 1] in _LIST_MODIFIERS))
                              and not _new_clause_after(stems, j, end)
                              if j + 1 < end else True)
                    break
                if stems[j] in CLAUSE_PUNCT and stems[j] != ",":
                    break
                if _terminator_at(stems, j):
                    break
                if stems[j] in _CLAUSE_OPENERS and stems[j - 1] == ",":
                    break  # "hasn't had a wet nappy, her eyes look sunken, she's sleepy and ...": clauses, not a list
                j += 1
            if not closed:
                return i
        elif i > start and _terminator_at(stems, i):
            return i
        elif s in _CONJUNCTIONS and _new_clause_after(stems, i, end):
            return i
        i += 1
    return end


_LIST_ITEM_MAX = 6

# "don't", "didn't", "can't", "won't" before a verb deny a doing ("didn't sleep"); before "have", "get", "feel",
# "notice" they deny the things that follow, which can be a list ("doesn't have fever, cough or rash").
_DO_NEGATIONS = frozenset(t.stem for t in tokens("dont doesnt didnt cant cannot wont couldnt wouldnt"))
_OBJECT_VERBS = frozenset(t.stem for t in tokens(
    "have has had having get got gets feel felt feels notice noticed see saw seen complain complained report "
    "reported mention mentioned think any seem seems look looks"))


def _denies_a_doing(stems: list[str], i: int, after: int, end: int) -> bool:
    return (stems[i] in _DO_NEGATIONS and after == i + 1 and after < end and stems[after] not in _OBJECT_VERBS
            and stems[after].isalpha() and stems[after] not in CLAUSE_PUNCT)


_PAST_PARTICIPLE = re.compile(r"[a-z]+(?:ed|en|pt|wn|lt)|had|got|heard|drunk|fed")
_NOW_OPENERS = frozenset(("tonight", "today", "now", "then", "yesterday", "this"))
_PAST_CLAUSE_VERBS = frozenset(("spent", "went", "took", "gave", "told", "said", "ran", "left", "rang", "threw",
                                "broke", "bought", "sold", "drove", "came", "kept", "sent"))


def _done_list_end(stream: list, stems: list[str], start: int, stop: int) -> int:
    """ "hasn't slept for 5 nights, spent all his savings, and climbed onto the roof": a denied past doing (the
    reader's "not slept") ends at a comma after which another past doing starts a clause of its own; "hasn't eaten,
    drunk or weed" goes on denying the doings of the same kind (eating, drinking, passing urine)."""
    if not _PAST_PARTICIPLE.fullmatch(stream[start].raw):
        return stop
    for k in range(start, stop - 1):
        if stems[k] == "and" and stream[k + 1].raw in _NOW_OPENERS:
            return k  # "hasn't slept for days and tonight grabbed the car keys"
        if stems[k] != ",":
            continue
        raw, nxt = stream[k + 1].raw, stems[k + 1]
        if nxt in _ACTIVITIES or raw in ("drunk", "fed", "slept", "eaten", "weed", "pooed"):
            continue
        if raw in _PAST_CLAUSE_VERBS or (raw.endswith("ed") and len(raw) > 4):
            return k
    return stop


def _doing_list_end(stems: list[str], start: int, stop: int) -> int:
    """The scope of a denied doing: to the first comma whose next word is not another doing."""
    for k in range(start, stop):
        if stems[k] == "," and not (k + 1 < len(stems) and stems[k + 1] in _ACTIVITIES):
            return k
    return stop


_DENIAL = frozenset(t.stem for t in tokens("denies denied deny denying"))


def _open_list_end(stems: list[str], start: int, comma: int, end: int, *, denial: bool = False) -> int:
    """A negation's scope over a list of three or more short items without "and"/"or" ("denies wt loss, night
    sweats, lumps, SOB, PR bleeding"): ConText's scope runs on to a terminator, so every item is negated. Only a
    list of plain items: an item with a verb, a number or a clause opener ("no fever, cough for 3 days") ends
    the scope at the first comma, as before. Returns where the scope ends."""
    items, i, item_start = [], start, start
    while i <= end:
        if i == end or stems[i] in CLAUSE_PUNCT or (i > item_start and _terminator_at(stems, i)) \
                or stems[i] in _CONJUNCTIONS:
            items.append((item_start, i))
            if i == end or stems[i] != ",":
                break
            item_start = i + 1
        i += 1
    # A note's "Denies dizziness, SOB." denies both: after "denies", two plain items that end the sentence are a list.
    ends_sentence = items[-1][1] >= end or (stems[items[-1][1]] in CLAUSE_PUNCT and stems[items[-1][1]] != ",")
    if len(items) < (2 if denial and ends_sentence else 3):
        return comma
    for a, b in items:
        words = stems[a:b]
        if not words or len(words) > _LIST_ITEM_MAX or any(
                w[:1].isdigit() or w in _LIST_VERBS or w in _CLAUSE_OPENERS for w in words):
            return comma
    last = items[-1][1]
    if last < end and stems[last] in _OR_WORDS:
        # "no fever, loin pain, vaginal discharge or visible blood in the urine": the item after the list's "or"
        # is denied too, when it is as plain as the others
        k = last + 1
        while k < end and stems[k] not in CLAUSE_PUNCT and not _terminator_at(stems, k) \
                and stems[k] not in _CONJUNCTIONS:
            k += 1
        words = stems[last + 1:k]
        if words and len(words) <= _LIST_ITEM_MAX and not any(
                w[:1].isdigit() or w in _LIST_VERBS or w in _CLAUSE_OPENERS for w in words):
            return k
    return last


# "worse with coffee", "worse on first steps", "worse when I press": what brings a symptom on, not a progression.
_AGGRAVATING_AFTER = frozenset(t.stem for t in tokens(
    "with on when whenever if after during by at in lying bending twisting moving walking eating coughing "
    "breathing standing sitting pressing pressure exercise exertion movement "
    # a time of day is a pattern, not a course: "worse late in the day", "worse towards evening", "worse mornings"
    "late later towards toward morning mornings evening evenings night nights afternoon afternoons first"))


# Illness names that contain a symptom's word without the symptom: "hay fever" is not a fever.
_NOT_THE_SYMPTOM_AFTER = {"fever": frozenset({"hay"}),
                          # "thinking about not waking up" is a wish to die, not an unconscious person (NICE NG225)
                          "unresponsive": frozenset({"about"}),
                          # a "growth spurt" is a child's growing, not spurting blood
                          **{name: frozenset({stem("growth")})
                             for name in ("severe bleeding", "deep wound", "severe wound danger")}}


# A blocked nose is not breathlessness: "hard to breathe through my nose".
_NOT_THE_SYMPTOM_BEFORE = {"shortness of breath": ("through", "nose"),
                           "breathless at rest words": ("through", "nose"),
                           # "? ectopic pregnancy" is not the heart's ectopic beats
                           "ectopic beats": (stem("pregnancy"),),
                           # "status post" (s/p) is after an operation or event, not status epilepticus
                           "prolonged seizure": ("post",),
                           # "not drinking enough water" is drinking too little, not refusing or vomiting fluids
                           "not drinking": (stem("enough"),),
                           # "torsional nystagmus" (BPPV on Dix-Hallpike) is an eye movement, not a twisted testis
                           "torsion": (stem("nystagmus"),),
                           # "cut my hand on a broken glass": the glass is broken, not the hand
                           "broken bone": (stem("glass"),)}


# "Sudden fear", "a sudden feeling of dread", "sudden panic": how a panic attack starts, not a symptom's sudden
# onset (the onset a thunderclap headache, a collapsed lung or a torsion is asked about).
_SUDDEN_FEELINGS = frozenset(t.stem for t in tokens("fear panic dread doom terror anxiety anxious panicky scared"))
_SUDDEN_FILLERS = frozenset(t.stem for t in tokens("feeling sense wave rush surge of overwhelming intense"))
_SUDDEN_CONCEPTS = frozenset({"sudden", "suddenly", "sudden onset"})
_SUDDEN_STEMS = frozenset(t.stem for t in tokens("sudden suddenly abrupt abruptly"))


def _sudden_feeling(concept: str, stream: list[Token], occurrence) -> bool:
    """A "sudden" that belongs to a feeling ("sudden fear, racing heart") is not the onset a finding needs:
    not the bare `sudden`, not a side of "suddenly ~ racing". A term that names the feeling ("sudden ~ fear")
    keeps it."""
    sides = occurrence.sides
    if sides:
        candidates = [k for k in sides if stream[k].stem in _SUDDEN_STEMS]
    elif concept in _SUDDEN_CONCEPTS and occurrence.end - occurrence.start == 1:
        candidates = [occurrence.start]
    else:
        return False
    for k in candidates:
        f = k + 1
        while f < len(stream) and f - k <= 4 and (stream[f].raw in SKIP or stream[f].stem in _SUDDEN_FILLERS):
            f += 1
        if f < len(stream) and stream[f].stem in _SUDDEN_FEELINGS and f not in sides \
                and (not sides or any(side > f for side in sides)):
            return True
    return False


def inside_other_name(concept: str, stream: list[Token], occurrence) -> bool:
    """Whether a finding's words are the tail of another illness's name ("hay fever" for fever), or
    name another thing by what follows ("hard to breathe through my nose")."""
    before = _NOT_THE_SYMPTOM_AFTER.get(concept)
    if before and occurrence.start > 0 and stream[occurrence.start - 1].stem in before:
        return True
    if _sudden_feeling(concept, stream, occurrence):
        return True
    then = _NOT_THE_SYMPTOM_BEFORE.get(concept)
    if then:
        following = [t.stem for t in stream[occurrence.end:occurrence.end + 4] if t.raw not in SKIP]
        return tuple(following[:len(then)]) == then
    return False


def own_negation(stream: list[Token], occurrence) -> int | None:
    """The first side of an "A ~ B" term that starts with a negation trigger ("haven't felt ~ baby ~ move",
    "not eaten ~ days"): the term's own negation is part of the phrase, so the sides after it, which fall in
    the trigger's scope, are not negated by it. None when no side starts with one."""
    stems = [t.stem if t.raw not in SKIP else t.raw for t in stream]
    for k in occurrence.sides:
        if _starts(stems, k, NEGATION_PRE):
            return k
    return None


# A number side of an "A ~ B" term ("heart rate ~ 4*", "sugar ~ 3*") is the measure's reading only when no
# unit of time, count or dose follows it ("pulse 105 for 4 hours") and no other number stands between it and
# the measure ("pulse 105, 40 minutes later").
_NOT_A_READING = frozenset(t.stem for t in tokens(
    "hours hour days day nights night weeks week months month years year minutes minute mins min seconds secs "
    "times tablets tablet pills pill mg ml kg am pm puffs doses"))


def number_not_a_reading(stream: list[Token], occurrence) -> bool:
    sides = occurrence.sides
    if len(sides) < 2:
        return False
    for k in sides:
        if not stream[k].raw[:1].isdigit():
            continue
        # (a side that names the unit itself, "nosebleed ~ 20 minutes", runs on past the number)
        if k == max(sides) and occurrence.end == k + 1 and k + 1 < len(stream) \
                and stream[k + 1].stem in _NOT_A_READING:
            return True
        j = min((j for j in sides if j != k), key=lambda j: abs(j - k))
        low, high = sorted((j, k))
        if any(stream[m].raw[:1].isdigit() for m in range(low + 1, high)):
            return True
        counted = k + 1 < j and stream[k + 1].raw.isalpha()  # "5 episodes ~ this year": a count of its own noun
        if k < j and not counted and any(stream[m].raw[:1].isdigit() for m in range(j + 1, min(len(stream), j + 4))):
            return True  # "T 37.9 HR 80": the heart rate's reading is the 80 after it, not the 37.9 before
    return False


def aggravated_by(stream: list[Token], occurrence) -> bool:
    """Whether a bare "worse" match names an aggravating factor rather than a worsening course."""
    words = [t.stem for t in stream[occurrence.start:occurrence.end]]
    if words != [stem("worse")]:
        return False
    nxt = occurrence.end
    if nxt < len(stream) and stream[nxt].stem in _AGGRAVATING_AFTER:
        return True
    # "twisting makes it worse", "coughing made the pain worse": what brings it on, said before the "worse"
    before = [t.stem for t in stream[max(0, occurrence.start - 3):occurrence.start]]
    return any(word in _MAKES for word in before[:-1]) and bool(before) and before[-1] in _MAKES_WHAT


_MAKES = frozenset(t.stem for t in tokens("makes make made making"))
_MAKES_WHAT = frozenset(t.stem for t in tokens("it pain them things everything"))


_NON = "non"
_LIKE = stem("like")
_RESOLUTION_STEMS = frozenset(stem(w) for w in _RESOLUTION_WORDS)
_NEGATIVE = stem("negative")
_TEST_WORDS = frozenset(t.stem for t in tokens("test result screen swab scan kit"))
_PEOPLE = frozenset(t.stem for t in tokens("he she they hes shes theyre him her them")) | _RELATIVES


_RESOLUTION_LINKS = frozenset(t.stem for t in tokens("which that it they both all and since then these"))
_LONG_UNITS = frozenset(t.stem for t in tokens("week weeks month months year years wk wks"))
_DAY_UNITS = frozenset(t.stem for t in tokens("day days"))
_AGO_WORDS = frozenset(t.stem for t in tokens("ago back"))
_LAST = stem("last")


def _week_or_more_ago(stems: list[str], start: int, end: int) -> bool:
    """The clause names a time a week or more back: "2 weeks ago", "10 days ago", "last month", "in 2019"."""
    for k in range(start, end):
        s = stems[k]
        if s in _AGO_WORDS and k > start:
            unit = stems[k - 1]
            if unit in _LONG_UNITS:
                return True
            if unit in _DAY_UNITS and k - 2 >= start and stems[k - 2].isdigit() and int(stems[k - 2]) >= 7:
                return True
        elif s == _LAST and k + 1 < end and stems[k + 1] in _LONG_UNITS:
            return True
        elif s == "in" and k + 1 < end and len(stems[k + 1]) == 4 and stems[k + 1][:2] in {"19", "20"} \
                and stems[k + 1].isdigit():
            return True
    return False


def _resolved_past_clause(stems: list[str], start: int, k: int, historical: list[bool]) -> None:
    """A resolution word opening its own clause after an episode a week or more back is over: "D&V 2 weeks ago,
    resolved", "a rash last month which has gone". Without such a time ("chest pain yesterday, now settled") the
    finding stays: a recent symptom that has settled still needs its check."""
    while k >= start and (stems[k] in _RESOLUTION_LINKS or stems[k] in _RESOLUTION_AUX):
        k -= 1
    if k < start or not (stems[k] in {",", "-"} or k + 1 < len(stems) and _terminator_at(stems, k + 1)):
        return
    if stems[k] in {",", "-"}:
        k -= 1
    first = k
    while first >= start and stems[first] not in CLAUSE_PUNCT and not _terminator_at(stems, first):
        first -= 1
    if _week_or_more_ago(stems, first + 1, k + 1):
        for m in range(first + 1, k + 1):
            historical[m] = True


def context_modifiers(stream: list[Token], protected: set[int]) -> Modifiers:
    """Per-token flags; a finding takes the flags of its first token. `protected` are the
    token indexes inside findings ("khacche na"), where a post-trigger does not act."""
    stems = [t.stem if t.raw not in SKIP else t.raw for t in stream]
    n = len(stems)
    negated, uncertain, historical, other = [False] * n, [False] * n, [False] * n, [False] * n
    ongoing, feared = [False] * n, [False] * n
    subject = _text_subject(stems)
    for i, s in enumerate(stems):
        if s == "?":  # "?appendicitis", "fever?": a query, in either direction
            k = i + 1
            while k < n and stems[k] not in CLAUSE_PUNCT:
                uncertain[k] = True
                k += 1
            k = i - 1
            while k >= 0 and stems[k] not in CLAUSE_PUNCT:
                uncertain[k] = True
                k -= 1
        elif s == _NON and i + 1 < n and stems[i + 1] not in CLAUSE_PUNCT:
            negated[i + 1] = True  # "non-smoker", "non-tender": the prefix negates its own word
        elif s == _NEGATIVE and i + 1 < n:
            # "negative pregnancy test": the words up to the test are negated
            for k in range(i + 1, min(n, i + 5)):
                if stems[k] in _TEST_WORDS:
                    for m in range(i + 1, k + 1):
                        negated[m] = True
                    break
                if stems[k] in CLAUSE_PUNCT:
                    break
        elif s in _PAST_ILLNESS_CUE:
            # "since the flu", "ever since my cold": the illness it dates from is over
            k = i + 1
            while k < n and k - i <= 3 and (stems[k] in SKIP or stems[k] in _PAST_ILLNESS_FILLERS):
                k += 1
            if k < n and stems[k] in _PAST_ILLNESSES:
                historical[k] = True
    pseudo = set()
    for start, end in _sentences(stems):
        i = start
        while i < end:
            length = _starts(stems, i, PSEUDO_NEGATION)
            if length:
                for k in range(i, min(i + length, end)):
                    pseudo.add(k)
                    if k > i and stems[i] == "no":
                        negated[k] = True
                i += length
                continue
            best, flags, across = 0, None, True
            for phrases, target, commas in ((FAMILY_PRE, other, True), (HISTORICAL_PRE, historical, True),
                                            (ONGOING_PRE, ongoing, True), (NEGATION_PRE, negated, True),
                                            (FEAR_PRE, feared, False), (UNCERTAIN_PRE, uncertain, False)):
                length = _starts(stems, i, phrases)
                if length > best:
                    best, flags, across = length, target, commas
            if not best or (flags is uncertain and stems[i] == _LIKE and stream[i].raw != "likely"):
                i += 1  # "band-like headache", "feels like a band": a description ("likely" stems the same)
                continue
            # A trigger never flags its own tokens, so a finding that starts with one
            # ("no wet nappies", "not eating") stays affirmed while the list after it does not.
            if i + best < end and stems[i + best] == ":":  # "PMH: asthma, diabetes"
                best += 1
            if flags is negated and i + best < end and stems[i + best] in _PSEUDO_NEGATED \
                    and not (i + best + 1 < end and stems[i + best + 1] in _MANNER):
                i += best  # "hasn't stopped vomiting", "didn't help the pain": still present
                continue
            if (flags is negated and i + best + 1 < end and stems[i + best] == "other"
                    and stems[i + best + 1] in _INJURY_WORDS):
                i += best + 2  # "no other injury": the injury told of is not denied, only further ones
                continue
            if flags is negated:
                # A finding starting inside the trigger is negated too: "I don't HAVE A PLAN", "never HAD A FIT"
                # ("has NOT HAD A WEE" keeps its own negation word and stays affirmed).
                for k in range(i + 1, min(i + best, end)):
                    if not _starts(stems, k, NEGATION_PRE):
                        negated[k] = True
            stop = _forward_scope(stems, i + best, end, across_commas=across)
            # "she doesn't faint or get chest pain", "didn't eat or have a temperature": after a denied doing, "or"
            # with have/get/feel is neither, not a new clause
            while flags is negated and stems[i] in _DO_NEGATIONS and stop + 1 < end and stems[stop] in _OR_WORDS \
                    and stems[stop + 1] in _OBJECT_VERBS:
                stop = _forward_scope(stems, stop + 2, end, across_commas=across)
            if flags is negated and stop > i + best:
                stop = _activity_and_symptom_end(stems, i + best, stop)
            if flags is negated and stems[i] == "not" and stop > i + best:
                stop = _done_list_end(stream, stems, i + best, stop)
            verb_denied = flags is negated and _denies_a_doing(stems, i, i + best, end)
            if verb_denied:
                # "she didn't sleep, fever and cough", "my jeans don't fit, swapping between...": a denied doing
                # ends at its comma unless more doings follow ("didn't eat, drink or wee")
                stop = _doing_list_end(stems, i + best, stop)
            if flags is negated and _never_like_this(stems, i, i + best, stop):
                i += best  # "never had a headache like this": the worst ever, not a denial (NICE CKS Headache)
                continue
            if flags is negated and _starts(stems, i, _NOBODY):
                # "no one at home is pregnant or has a weak immune system": every verb after "nobody" is
                # nobody's, so "or has ..." goes on denying; only a terminator or the clause's end stops it
                stop = i + best
                # a possessive after "in"/"of" names nobody's group ("nobody in MY family has heart problems",
                # "none of HIS friends"): it is part of the subject, not a new one
                while stop < end and (stems[stop] not in CLAUSE_PUNCT or stems[stop] == ",") \
                        and not (stop > i + best and _starts(stems, stop, _NOBODY_TERMINATORS)
                                 and not (stems[stop] in _NOBODY_GROUP_OWNERS and stems[stop - 1] in ("in", "of"))):
                    stop += 1
            if flags is negated and stop < end and stems[stop] == "," and not verb_denied:
                stop = _open_list_end(stems, i + best, stop, end, denial=stems[i] in _DENIAL)
            for k in range(i + best, stop):
                if flags is negated and k > i + best and _starts(stems, k, NEGATION_PRE) \
                        and not _starts(stems, i, _NOBODY) and "," not in stems[i + best:k]:
                    # "no stool no flatus", "no fever no wet nappies": a denial that follows another without a
                    # comma opens its own scope, and its own words are a finding of absence ("no flatus"), not a
                    # denied one. After a comma a list of denials goes on ("no blood, not losing weight, not
                    # waking at night to go" denies all three).
                    break
                flags[k] = True
                if flags is ongoing:
                    historical[k] = True
            i += best
        # Post-triggers look back to the start of their clause.
        for i in range(start + 1, end):
            if stems[i - 1] in _GONE_AWAY_SYMPTOMS and _starts(stems, i, _GONE_AWAY):
                k = i - 1
                while k >= start and stems[k] not in CLAUSE_PUNCT and not _terminator_at(stems, k):
                    negated[k] = True
                    k -= 1
        for i in range(start, end):
            for phrases, flags in ((NEGATION_POST, negated), (UNCERTAIN_POST, uncertain),
                                   (HISTORICAL_POST, historical), (FAMILY_POST, other)):
                if i in pseudo or i in protected and not (
                        phrases is HISTORICAL_POST and _starts(stems, i, _CHILDHOOD_POST)):
                    continue
                length = _starts(stems, i, phrases)
                if length and phrases is NEGATION_POST and stems[i] in _RESOLUTION_STEMS:
                    resolution = _resolution_at(stream, stems, i)
                    if not resolution or stems[i] == "gone" and any(
                            stems[m] in _PEOPLE for m in range(max(start, i - 3), i)):
                        break  # "hasn't gone", "not settled", "gone blue", "stopped eating", "he's gone": not over
                    k = i - 1
                    while k >= start and stems[k] in _RESOLUTION_AUX and stems[k] not in CLAUSE_PUNCT:
                        k -= 1  # "the pain has gone", "vomiting is now settled": past the auxiliaries
                    _resolved_past_clause(stems, start, k, historical)
                    while k >= start and stems[k] not in CLAUSE_PUNCT and not _terminator_at(stems, k):
                        negated[k] = True
                        k -= 1
                    break
                if length:
                    k = i - 1
                    if phrases is HISTORICAL_POST and k >= start and stems[k] in _SPAN_WORDS:
                        break  # "over the last year": still going on
                    if phrases is HISTORICAL_POST and _starts(stems, i, _CHILDHOOD_POST):
                        _childhood_illness(stems, start, i, historical, ongoing)
                        break
                    if phrases is NEGATION_POST and stems[i] == "gone" and any(
                            stems[m] in _PEOPLE for m in range(max(start, i - 3), i)):
                        break  # "he's gone", "my husband is gone": a loss, not a symptom that went away
                    if phrases is NEGATION_POST and _never_like_this_bn(stems, start, i):
                        break  # "এমন ব্যথা জীবনে হয় নাই", "emon betha kokhono hoy nai": the worst ever
                    if phrases is NEGATION_POST and k >= start and stems[k] == ":":
                        k -= 1
                    while k >= start and stems[k] not in CLAUSE_PUNCT and not _terminator_at(stems, k):
                        if not (phrases is HISTORICAL_POST and ongoing[k]) and not (
                                phrases is NEGATION_POST and stems[k] in _RELATIVES):
                            flags[k] = True  # ("বাচ্চা বমি করে না": the child is there, the vomiting is not)
                        k -= 1
                    break
        _question_scope(stems, start, end, feared)
        _plan_scope(stems, start, end, feared)
        _tests_ordered(stems, start, end, feared)
        _earlier_occasion(stems, start, end, historical)
        _mark_relatives(stems, start, end, subject, other)
        _mark_carers_state(stems, start, end, other)
        if subject != "writer":
            _mark_writers_reaction(stems, start, end, other)
    _blanching_glass_test(stems, negated)
    return Modifiers(negated, uncertain, historical, other, subject, ongoing, feared)


# NICE NG143 / NHS glass test: a rash that FADES when pressed ("the spots fade when I press a glass on them",
# "it blanches", "they disappear under the glass") is a negative glass test. The press and the glass in that
# sentence are negated, so a term like "spots ~ glass" is not read as a non-blanching rash; "doesn't fade",
# "if it fades", "whether they go away" and the clause after "but" ("some fade but others don't") are left alone.
_BLANCHING = frozenset(t.stem for t in tokens("fade fades faded fading blanch blanches blanched blanching disappear "
                                              "disappears disappeared vanish vanishes vanished"))
_GO_AWAY = frozenset(t.stem for t in tokens("go goes went going turn turns turned"))
_GO_AWAY_TO = frozenset(t.stem for t in tokens("away white pale"))
_GLASS_TEST_WORDS = frozenset(t.stem for t in tokens("glass press pressed tumbler"))
_BLANCHING_DOUBT = frozenset(t.stem for t in tokens(
    "not no dont doesnt didnt wont never isnt arent cant cannot if whether unless check checking see"))
_SENTENCE_END = frozenset({".", ";", "!", "?", "\n"})
# Anywhere in the sentence, these leave the glass test as it was read: only some spots faded ("some faded but a
# few stayed", "not all of them"), it faded and came back, or the spots are purple (purpura does not blanch).
_BLANCHING_PARTIAL = frozenset(t.stem for t in tokens(
    "some few one two three other others rest stay stays stayed staying still back return returned except not "
    "dont doesnt didnt wont but although though however then purple dark black bruise bruises bruising"))


def _blanching_glass_test(stems: list[str], negated: list[bool]) -> None:
    n = len(stems)
    for i, s in enumerate(stems):
        if not (s in _BLANCHING or s in _GO_AWAY and i + 1 < n and stems[i + 1] in _GO_AWAY_TO):
            continue
        begin, stop = i, i
        while begin > 0 and stems[begin - 1] not in _SENTENCE_END:
            begin -= 1
        while stop + 1 < n and stems[stop + 1] not in _SENTENCE_END:
            stop += 1
        if any(stems[k] in _BLANCHING_PARTIAL for k in range(begin, stop + 1)):
            continue
        first = i
        while first > 0 and stems[first - 1] not in _SENTENCE_END and not _terminator_at(stems, first - 1):
            first -= 1
        if any(stems[k] in _BLANCHING_DOUBT for k in range(max(first, i - 4), i)):
            continue
        last = i
        while last + 1 < n and stems[last + 1] not in _SENTENCE_END and not _terminator_at(stems, last + 1):
            last += 1
        for k in range(first, last + 1):
            if stems[k] in _GLASS_TEST_WORDS:
                negated[k] = True
        _pinpricks_that_fade(stems, negated)


_PINPRICK = stem("pinprick")
_NOT_BLANCHING_COLOURS = frozenset(t.stem for t in tokens("purple purply dark black bruise bruises bruising"))


def _pinpricks_that_fade(stems: list[str], negated: list[bool]) -> None:
    """Pinprick spots that a clean glass test showed to fade are not petechiae (NICE NG143: petechiae do not
    blanch), unless their own sentence calls them purple, dark or bruise-like."""
    for k, s in enumerate(stems):
        if s != _PINPRICK:
            continue
        begin, stop = k, k
        while begin > 0 and stems[begin - 1] not in _SENTENCE_END:
            begin -= 1
        while stop + 1 < len(stems) and stems[stop + 1] not in _SENTENCE_END:
            stop += 1
        if not any(stems[m] in _NOT_BLANCHING_COLOURS for m in range(begin, stop + 1)):
            negated[k] = True


_RELATIVE_ADJECTIVES = frozenset(t.stem for t in tokens(
    "little baby teenage teen young younger older old elderly eldest oldest youngest new newborn disabled "
    "autistic adult grown pregnant poor sick 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 year month week day "
    "yr y mo wk olds twin step"))
_AGE_UNITS_WORDS = frozenset(t.stem for t in tokens("year month week day yr mo wk"))
_DETERMINERS = _POSSESSIVES | {"the", "our"}


def _relative_mention(stems: list[str], i: int) -> tuple[str | None, str | None]:
    """(relative, its determiner) named at i: "my teenage son" -> ("son", "my"), "the baby" ->
    ("baby", "the"), "mother had" -> ("mother", None); "my 4 year old('s)" names a child."""
    s = stems[i]
    if s == "old" and i >= 2 and stems[i - 1] in _AGE_UNITS_WORDS and stems[i - 2][:1].isdigit() and not (
            i + 1 < len(stems) and stems[i + 1] in _RELATIVES):
        k = i - 3
        if k >= 0 and stems[k] in _DETERMINERS:
            return "old", stems[k]
        return None, None
    if s not in _RELATIVES:
        return None, None
    k = i - 1
    while k >= 0 and i - k <= 5 and (stems[k] in _RELATIVE_ADJECTIVES or stems[k][:1].isdigit()):
        k -= 1
    if k >= 0 and stems[k] in _DETERMINERS:
        return s, stems[k]
    if i + 1 < len(stems) and stems[i + 1] in _FAMILY_PAST_VERBS:
        return s, None  # "dad died of", "mother had"
    if i + 2 < len(stems) and stems[i + 1] in _WAS and stems[i + 2] in _ILLNESS_PARTICIPLES:
        return s, None  # "cousin was admitted with pneumonia"
    if i + 1 < len(stems) and stems[i + 1] in _FAMILY_PRESENT_VERBS:
        return s, None  # "mother has diabetes" (family history when the text names its own patient)
    return None, None


def _relative_at(stems: list[str], i: int) -> str | None:
    return _relative_mention(stems, i)[0]


_BODY = frozenset(t.stem for t in tokens(
    "chest head stomach tummy belly back leg legs arm arms eye eyes ear ears throat skin period periods heart knee "
    "foot feet hand hands neck face lips tongue mouth nose tooth teeth joint joints urine pee poo stool breathing "
    "body vision hip shoulder ankle wrist breast breasts boob boobs nipple nipples vagina penis testicle bladder kidney "
    "side temperature "
    # "had my bp done", "my sugars are high": the writer's own readings
    "bp sugar sugars cholesterol "
    "বুক মাথা পেট চোখ কান গলা"))
# What a carer does or thinks is not a symptom of theirs: "when I press a glass on it", "I gave him paracetamol".
_NOT_SYMPTOM = frozenset(t.stem for t in tokens(
    "think worried worry concerned scared afraid notice noticed found want need wonder gave took brought called "
    "believe guess sure am press pressed checked check gave give put tried try saw see measured changed held picked "
    "asked told heard watch watched feed fed bathed dressed rolled took taking looked touch touched "
    "know rang phoned babysitting babysit minding mind caring care looking collecting collected visiting "
    "helping help childminder carer nanny"))
_DEATH = frozenset(t.stem for t in tokens("died passed death dead lost killed")) | {"die", "pass"}
# A past illness of the patient-relative that is family history: "had a stroke at 60", "years ago".
_HISTORY_CUES = frozenset(t.stem for t in tokens("ago age aged childhood"))
_AGO = stem("ago")
_RECENT_UNITS = frozenset(t.stem for t in tokens("minutes mins hours hrs days nights weeks wks day night week hour"))
_NOW = frozenset(t.stem for t in tokens("now"))
_WHEN_WAS = (frozenset(t.stem for t in tokens("he she they")), frozenset(t.stem for t in tokens("was were")))


def _first_person_symptom(stems: list[str], i: int) -> bool:
    s = stems[i]
    if s in {"my", "আমার", "amar"}:
        if _measured_by(stems, i):
            return False
        k = i + 2 if i + 2 < len(stems) and stems[i + 1] in _SIDE_WORDS else i + 1
        return k < len(stems) and stems[k] in _BODY  # "my chest", "my left breast"
    if s not in _FIRST_PERSON:
        return False
    following = stems[i + 1:i + 3]
    if following and following[0][:1].isdigit():
        return False  # "I'm 35": the writer's age, not a symptom
    if _acts_on_someone(stems, i):
        return False
    return not following or not (_NOT_SYMPTOM & set(following))


_OBJECT_PRONOUNS = frozenset(t.stem for t in tokens("him her them his their"))


def _acts_on_someone(stems: list[str], i: int) -> bool:
    """The writer does something to someone else: "I was swinging my 2yo", "can I get him something",
    "I gave her calpol" (not "I hurt my back", "I have a headache")."""
    for k in range(i + 1, min(len(stems), i + 4)):
        if stems[k] in _OBJECT_PRONOUNS:
            return True
        if stems[k] in {"my", "our"}:
            # "my son", "my little girl", "my 2 year old" (not "my back")
            m = k + 1
            while m < len(stems) and m - k <= 4:
                if _relative_at(stems, m):
                    return True
                if not (stems[m] in _RELATIVE_ADJECTIVES or stems[m][:1].isdigit()):
                    return False
                m += 1
            return False
        if stems[k] in CLAUSE_PUNCT:
            return False
    return False


_SIDE_WORDS = frozenset(t.stem for t in tokens("left right lower upper both"))
_HOLDING_PREPOSITIONS = frozenset(t.stem for t in tokens("in on into onto against"))
_HOLDING_PLACES = frozenset(t.stem for t in tokens("arms lap"))
_GOT = stem("got")
_IDEA = stem("idea")
_OBJECT_PRONOUNS = frozenset(t.stem for t in tokens("it her him them"))
_PLACING_WORDS = frozenset(t.stem for t in tokens("under out"))
_HOLDING_VERBS = frozenset(t.stem for t in tokens(
    "asleep sleeping sleep nodding dozing drifting held holding cuddled cuddle cradled lying settled feeding fed "
    # how the child is while held: "sleepy in my arms", "floppy on my lap"
    "sleepy drowsy quiet crying cried whimpering limp floppy still resting calm calmer calmed fell fallen"))
_OWN_SYMPTOM_VERBS = frozenset(t.stem for t in tokens("have has got feel feeling keep been suffer am getting"))


def _measured_by(stems: list[str], i: int) -> bool:
    """ "bigger than my hand", "the size of my palm": the writer's body as a measure, not a symptom of theirs."""
    return i > 0 and (stems[i - 1] in {"than", "as"} or stems[max(0, i - 2):i] == ["size", "of"])


def _own_symptom_statement(stems: list[str], i: int) -> bool:
    """After a relative has been named as the subject, only a clear statement of the writer's own
    symptoms makes the text the writer's ("I have a sore throat", "I've got", "my chest");
    "when I press a glass on it", "I patted his back", "I can't find it" are a carer's actions."""
    s = stems[i]
    if s in {"my", "আমার", "amar"}:
        if (0 < i < len(stems) - 1 and stems[i - 1] in _HOLDING_PREPOSITIONS and stems[i + 1] in _HOLDING_PLACES
                and _HOLDING_VERBS & set(stems[max(0, i - 5):i - 1])):
            return False  # "nodding off in my arms", "asleep on my lap": where the carer holds the child
        if _measured_by(stems, i):
            return False
        k = i + 2 if i + 2 < len(stems) and stems[i + 1] in _SIDE_WORDS else i + 1
        return k < len(stems) and stems[k] in _BODY  # "my chest", "my left breast"
    if s not in _FIRST_PERSON:
        return False
    if i > 0 and stems[i - 1] in _ASKING:
        return False  # "what cream do I get?", "should I give her calpol": the carer asks what to do
    following = [w for w in stems[i + 1:i + 4] if w not in {"also", "too", "now", "really", "just", "so", "veri"}]
    if len(following) > 1 and following[0] == "have" and following[1] == "to":
        return False  # "do I have to keep her off school": what the carer must do
    if len(following) > 1 and following[0] == "feel" and following[1] in _CARER_FEELINGS:
        return False  # "I feel terrible", "I feel so guilty": the carer's feelings about the patient
    if _watching(stems, i):
        return False  # "do I just keep an eye on him", "should I watch him overnight": the carer watches
    if _own_condition_for_an_act(stems, i):
        return False  # "I have type 2 so I tested him on my meter": the carer's own condition, told for the test
    if _IDEA in stems[i + 1:i + 5]:
        return False  # "I have no idea what to do", "I've got no idea": the carer's helplessness, not a symptom
    if _other_child_at_home(stems, i):
        return False  # "I also have a 2 month old baby at home": another child of the carer's, not a symptom
    if len(following) > 2 and following[0] == _GOT and following[1] in _OBJECT_PRONOUNS \
            and following[2] in _HOLDING_PREPOSITIONS | _PLACING_WORDS:
        return False  # "I've got it under cool running water", "I've got her in a lukewarm bath": first aid
    following = following[:2]
    return (bool(following) and following[0] in _OWN_SYMPTOM_VERBS and not (_NOT_SYMPTOM & set(following))
            and not _acts_on_someone(stems, i))


_SO_AND = frozenset({"so", "and"})


_ANOTHER = frozenset(t.stem for t in tokens("a an another two three"))


def _other_child_at_home(stems: list[str], i: int) -> bool:
    words = [w for w in stems[i + 1:i + 9] if w not in {"also", "too", "now", "just"}]
    if len(words) < 3 or words[0] not in {"have", _GOT} or words[1] not in _ANOTHER:
        return False
    rest = words[2:]
    if rest[0] in _RELATIVES:
        return True  # "I have a baby at home"
    return len(rest) >= 3 and rest[0][:1].isdigit() and rest[1] in _AGE_UNITS_WORDS and rest[2] == "old"


def _own_condition_for_an_act(stems: list[str], i: int) -> bool:
    """ "I have type 2 so I tested him", "I'm diabetic and I checked her sugar": after a relative has been named
    as the patient, the writer's own condition followed in the same clause by "so I"/"and I" doing something
    to the patient."""
    if not _LONG_TERM_WORDS & set(stems[i + 1:i + 4]):
        return False
    for k in range(i + 1, min(len(stems) - 1, i + 8)):
        if stems[k] in CLAUSE_PUNCT and stems[k] != ",":
            return False
        if stems[k] in _SO_AND and stems[k + 1] in _FIRST_PERSON and _acts_on_someone(stems, k + 1):
            return True
    return False


_LONG_TERM_WORDS = frozenset(t.stem for t in tokens(
    "type diabetes diabetic asthma asthmatic epilepsy epileptic copd hypertension thyroid glucometer meter"))


_WATCH_VERBS = frozenset(t.stem for t in tokens("keep keeping watch watching monitor monitoring observe"))
_EYE = stem("eye")


def _watching(stems: list[str], i: int) -> bool:
    """ "I keep an eye on", "I just watch him", "should I monitor her": watching over someone."""
    k = i + 1
    while k < len(stems) and k - i <= 3 and stems[k] in {"just", "also", "still", "should", "can", "will", "veri"}:
        k += 1
    if k >= len(stems) or stems[k] not in _WATCH_VERBS:
        return False
    after = stems[k + 1:k + 5]
    if stems[k].startswith("keep"):
        return _EYE in after and "on" in after
    return bool(after) and (after[0] in _OBJECT_PRONOUNS or after[0] in {"it", "thing", "things", "him", "her"})


_ASKING = frozenset(t.stem for t in tokens("do should can could shall would"))
_CARER_FEELINGS = frozenset(t.stem for t in tokens(
    "terrible guilty helpless useless responsible worried stressed anxious scared frightened upset"))


_INDEFINITE = frozenset({"a", "an"})


def _opening_person(stems: list[str]) -> str | None:
    """A case written as a vignette opens with its patient: "A 4-year-old girl has had...", "An 8 month old baby
    with...". (Later in a text "a girl in her class has chickenpox" is a contact, not the patient.)"""
    if not stems or stems[0] not in _INDEFINITE:
        return None
    for i in range(1, min(len(stems), 8)):
        if stems[i] in _RELATIVES:
            if not any(stems[k][:1].isdigit() for k in range(1, i)):
                return None  # "a girl in her class has chickenpox": no age, no vignette
            if i + 1 < len(stems) and (stems[i + 1] in _DEATH or stems[i + 1] in _FAMILY_PAST_VERBS
                                       and _history_cue(stems, i, len(stems))):
                return None
            return stems[i]
        if not (stems[i] in _RELATIVE_ADJECTIVES or stems[i][:1].isdigit() or stems[i] in _AGE_UNITS_WORDS
                or stems[i] in {"old", "-"}):
            return None
    return None


def _text_subject(stems: list[str]) -> str:
    """Who the text is about: the writer when they speak of their own symptoms ("I have",
    "my chest"), otherwise the first relative named as the subject ("my son has a fever",
    "the baby had 3 days of fever"); a relative who died ("my husband passed away") is not it."""
    first_relative = _opening_person(stems)
    occasion = None  # "at my son's birthday party": the son, unless someone else is named as the patient later
    told_past = None  # "mum had her hip replaced, now her calf is swollen": a past told of the patient, see below
    for i in range(len(stems)):
        if (_own_symptom_statement if first_relative else _first_person_symptom)(stems, i):
            return "writer"
        if first_relative is None:
            relative, determiner = _relative_mention(stems, i)
            if relative and determiner in {"his", "her", "their"} and _one_of(stems, i):
                first_relative = relative  # "at my son's party, one of his friends (8) ate a cookie and now he..."
            elif relative and determiner and determiner not in {"his", "her", "their"} and (
                    i + 1 < len(stems) and stems[i + 1] in _OCCASION_AFTER):
                occasion = occasion or relative
            elif relative and determiner and determiner not in {"his", "her", "their"}:
                if not (i + 1 < len(stems) and stems[i + 1] in _DEATH) and not _born_baby(stems, i):
                    first_relative = relative
            elif stems[i] in _RELATIVES and _only_age_before(stems, i) and not (len(stems) > i + 1 and (
                    stems[i + 1] in _DEATH or stems[i + 1] in _FAMILY_PAST_VERBS and not _aged_opening(stems, i))):
                # a carer's note without "my": "mum is 82, ...", "dad has chest pain", "4yo daughter has had...";
                # with an age before it, "4yo daughter had a cold last week" opens the patient's story
                first_relative = stems[i]
            elif stems[i] in _RELATIVES and _only_age_before(stems, i) and len(stems) > i + 1 \
                    and stems[i + 1] in _FAMILY_PAST_VERBS and told_past is None:
                told_past = (stems[i], i)
    # "mum had her hip replaced 3 weeks ago, now her calf is swollen": a note that opens with a relative's past and
    # goes on about "her" or "him" now, with nothing of the writer's own, is about that relative ("mum had breast
    # cancer" alone stays a family history)
    if first_relative is None and occasion is None and told_past is not None:
        relative, at = told_past
        if any(stems[k] in _NOW_WORDS for k in range(at + 2, len(stems))) \
                and any(stems[k] in _THIRD_PERSON for k in range(at + 2, len(stems))):
            return relative
    return first_relative or occasion or "writer"


_NOW_WORDS = frozenset(t.stem for t in tokens("now today currently since"))


def _aged_opening(stems: list[str], i: int) -> bool:
    """A note that opens with the patient's age and who they are: "4yo daughter had a cold last week, ..."."""
    return _only_age_before(stems, i) and any(stems[k][:1].isdigit() for k in range(i))


def _only_age_before(stems: list[str], i: int) -> bool:
    """Nothing but an age before the word at i: "4yo daughter", "82 year old mum", "6-week-old baby"."""
    return i < 8 and all(stems[k][:1].isdigit() or stems[k] in _AGE_UNITS_WORDS or stems[k] in {"old", "-"}
                         or stems[k] in _RELATIVE_ADJECTIVES for k in range(i))


_BABY = stem("baby")
_ONE_OF = (stem("one"), stem("of"))
# A relative's occasion is not the relative as the patient: "at my son's birthday party, one of his friends...".
_OCCASION_AFTER = frozenset(t.stem for t in tokens("birthday party wedding"))


def _one_of(stems: list[str], i: int) -> bool:
    """ "one of his friends", "one of her classmates": someone picked out of a group, named as the patient."""
    k = i - 1
    while k >= 0 and i - k <= 3 and stems[k] in _RELATIVE_ADJECTIVES:
        k -= 1
    return k >= 2 and stems[k] in _POSSESSIVES and (stems[k - 2], stems[k - 1]) == _ONE_OF
_PREGNANCY = frozenset(t.stem for t in tokens("pregnant pregnancy গর্ভবতী gorbhoboti"))


def _history_cue(stems: list[str], i: int, end: int) -> bool:
    """A family-history cue in the clause after the relative at i: "died of", "at 60", "years ago"."""
    if i + 1 < end and stems[i + 1] in _DEATH:
        return True
    for k in range(i + 1, min(end, i + 12)):
        if stems[k] in CLAUSE_PUNCT and stems[k] != ",":
            break
        if stems[k] == _AGO and k > 0 and stems[k - 1] in _RECENT_UNITS:
            continue  # "had a baby 10 days ago", "had an operation a week ago": recent, the patient's own
        if stems[k] in _HISTORY_CUES or (stems[k] == "at" and k + 1 < end and stems[k + 1][:1].isdigit()):
            return True
        if (stems[k] == "when" and k + 2 < end and stems[k + 1] in _WHEN_WAS[0]
                and stems[k + 2] in _WHEN_WAS[1]):
            return True  # "when he was 50", "when she was young"
        if stems[k] == "in" and k + 1 < end and len(stems[k + 1]) == 4 and stems[k + 1].isdigit():
            return True
    return False


_REPORTING_VERBS = frozenset(t.stem for t in tokens(
    "says said thinks thought noticed notices reckons spotted told pointed saw sees"))
_THIRD_PERSON = frozenset(t.stem for t in tokens("he she they his her their him them hes shes theyre"))


def _reports_on_writer(stems: list[str], k: int, end: int) -> bool:
    """A relative who only reports what they saw on the writer: "my wife noticed my eyes are yellow",
    "my husband says it has got bigger" (not "my husband says HE has chest pain")."""
    if k >= end or stems[k] not in _REPORTING_VERBS:
        return False
    k += 1
    while k < end and stems[k] in {"that", "me", "to", "out"}:
        k += 1
    return k < end and stems[k] not in _THIRD_PERSON and stems[k] not in _RELATIVES


def _gender(word: str) -> str | None:
    return "male" if _MALE.fullmatch(word) else "female" if _FEMALE.fullmatch(word) else None


def _reports_on_possessor(stems: list[str], i: int, end: int) -> bool:
    """ "His wife says he felt faint", "her son noticed she was confused": the relative at i reports on the
    patient, whose pronoun differs from the reporter's own ("his wife says SHE has a headache" is the wife's)."""
    k = i + 1
    if k >= end or stems[k] not in _REPORTING_VERBS:
        return False
    k += 1
    while k < end and stems[k] in {"that", "me", "to", "out", "us"}:
        k += 1
    if k >= end or stems[k] not in {"he", "she", "hes", "shes"}:
        return False
    reporter, pronoun = _gender(stems[i]), _gender(stems[k].rstrip("s") if stems[k] in {"hes", "shes"} else stems[k])
    return reporter is not None and pronoun is not None and reporter != pronoun


_BOTH = frozenset(t.stem for t in tokens("both all"))


def _joint_with_writer(stems: list[str], i: int, end: int) -> bool:
    """The relative at i shares the subject with the writer: "me and my husband", "my wife and I",
    "my son and me both"."""
    k = i - 1
    while k >= 0 and i - k <= 4 and (stems[k] in _RELATIVE_ADJECTIVES or stems[k] in _DETERMINERS
                                     or stems[k][:1].isdigit()):
        k -= 1
    if k >= 1 and stems[k] in _CONJUNCTIONS and stems[k - 1] in _FIRST_PERSON:
        return True
    return i + 2 < end and stems[i + 1] in _CONJUNCTIONS and stems[i + 2] in _FIRST_PERSON


_SEX_WORDS = frozenset({"m", "f", "male", "female", "year", "yr"})


def _names_its_patient(stems: list[str]) -> bool:
    """The text has its own patient: the writer's own words ("I have") or a clinical header ("52M", "pt")."""
    for k, s in enumerate(stems):
        if s in _FIRST_PERSON or s == "patient":
            return True
        if s.isdigit() and k + 1 < len(stems) and stems[k + 1] in _SEX_WORDS:
            return True
    return False


_BREAST_WORDS = frozenset(t.stem for t in tokens("breast breasts nipple nipples boob boobs"))


def _mothers_breast(stems: list[str], k: int, end: int) -> bool:
    """ "breastfeeding my 3 week old, right breast is red", "breastfeeding my 5 week old, this morning noticed a
    red lump on my boob": a breast named in the sentence after a comma is the writer's."""
    while k < end and stems[k] not in _SENTENCE_END:
        if stems[k] in _BREAST_WORDS:
            return True
        k += 1
    return False


_WAS = frozenset(t.stem for t in tokens("was were"))
_ILLNESS_PARTICIPLES = frozenset(t.stem for t in tokens("admitted diagnosed hospitalised hospitalized treated"))
_BIRTH_STEMS = frozenset(t.stem for t in tokens("birth postpartum postnatal delivered"))


_GAVE_BIRTH_VERBS = frozenset(t.stem for t in tokens("had delivered"))


def _born_baby(stems: list[str], i: int) -> bool:
    """ "I had my baby 6 days ago", "delivered my baby on Monday": the baby is named as the birth, and the
    mother (the writer) stays the one the text is about unless the baby is said to have something."""
    return (stems[i] == _BABY and i >= 2 and stems[i - 1] in _DETERMINERS and stems[i - 2] in _GAVE_BIRTH_VERBS
            and (i < 3 or stems[i - 3] in _FIRST_PERSON or stems[i - 3] in CLAUSE_PUNCT))


def _birth_told(stems: list[str]) -> bool:
    """The writer tells of giving birth: "had my baby", "gave birth", "postpartum"."""
    if not _BIRTH_STEMS.isdisjoint(stems):
        return True
    return any(stems[k] == "had" and stems[k + 1] in {"my", "the", "a", "our"} and stems[k + 2] == _BABY
               for k in range(len(stems) - 2))


_OWNED_THINGS = frozenset(t.stem for t in tokens(
    "machine monitor cuff meter kit thermometer oximeter car house flat home place phone"
    # what a child eats from someone else's plate or packet: "a bite of his friend's peanut bar"
    " bar sandwich cake biscuit biscuits cookie cookies sweets chocolate crisps snack lunch food drink juice"
    " dinner meal pudding"
    # someone else's medicines taken by the patient: "took 30 of my mate's tramadol"
    " tablets pills medicine medication"))


def _owner_of_a_thing(stems: list[str], i: int, end: int) -> bool:
    """ "my mum's machine", "his friend's peanut bar": the relative owns a thing (a word may describe it)."""
    k = i + 1
    if k < end and stems[k] in {"s", "'s"}:
        k += 1
    return k < end and (stems[k] in _OWNED_THINGS or stems[k] not in CLAUSE_PUNCT and k + 1 < end
                        and stems[k + 1] in _OWNED_THINGS)


def _mark_relatives(stems: list[str], start: int, end: int, subject: str, other: list[bool]) -> None:
    """In a sentence about another relative than the patient, that relative's findings are not the patient's."""
    # "pregnant", "had my baby 5 days ago", "gave birth": the mother's text; her baby is not another patient
    pregnant = not _PREGNANCY.isdisjoint(stems) or _birth_told(stems)
    named_patient = _names_its_patient(stems)
    i = start
    while i < end:
        relative, determiner = _relative_mention(stems, i)
        bare = relative is not None and determiner is None
        if relative and _owner_of_a_thing(stems, i, end):
            i += 1  # "with my mum's machine", "in my dad's car": the relative owns a thing, they are not ill
            continue
        if relative and not (relative == _BABY and pregnant):
            past = (i + 1 < end and stems[i + 1] in _FAMILY_PAST_VERBS) or (
                # "cousin was admitted with pneumonia": another relative's own illness ("dad was admitted
                # yesterday", when dad is the patient, stays his; so does a carer's note with no other patient)
                relative != subject and (named_patient or subject != "writer")
                and i + 2 < end and stems[i + 1] in _WAS and stems[i + 2] in _ILLNESS_PARTICIPLES)
            if bare and not past and not (subject == "writer" and named_patient):
                i += 1  # "hi, mum has chest pain": a carer's note about mum, unless the text names its own patient
                continue
            stop_at_now = False
            if relative == subject and (not bare or _only_age_before(stems, i)):
                mark = past and _history_cue(stems, i, end)
                stop_at_now = True  # "mum had a stroke years ago and now she can't speak": now is hers
            elif subject == "writer" and _joint_with_writer(stems, i, end):
                mark = False  # "me and my husband both have headaches": the writer has them too
            elif _reports_on_writer(stems, i + 1, end):
                mark = False  # "my husband says (my mole) has got bigger": he reports, the writer has it
            elif determiner in {"his", "her"} and _reports_on_possessor(stems, i, end):
                mark = False  # "his wife says he felt faint": she reports on him, the patient
            else:
                mark = (subject == "writer" or past or determiner in {"his", "her", "their"}
                        or _history_cue(stems, i, end) and past)
            if mark:
                if subject == "writer" and determiner is not None:
                    # the words naming the relative are theirs too: "breastfeeding my 3 week old" (a young baby)
                    # (the relative's own word stays: family-history findings are named on it, "brother ~ died")
                    m = i - 1
                    while m >= start and m > i - 6 and stems[m] not in _DETERMINERS:
                        other[m] = True
                        m -= 1
                k = i + 1
                while (k < end and not (stems[k] in CLAUSE_PUNCT and stems[k] != ",")
                       and stems[k] not in {"but", "kintu"} and stems[k] not in _FIRST_PERSON
                       and not (stop_at_now and stems[k] in _NOW)
                       # "breastfeeding my 3 week old, got a red patch": the writer's own verb after a comma
                       and not (subject == "writer" and stems[k] == "," and k + 1 < end
                                and (stems[k + 1] in _OWN_SYMPTOM_VERBS or _mothers_breast(stems, k + 1, end)))
                       and not (subject == "writer" and _first_person_symptom(stems, k))):
                    if _relative_at(stems, k) == subject and subject != relative:
                        break
                    other[k] = True
                    k += 1
                i = k
                continue
        i += 1


# Carers in the plural are never the patient: "parents exhausted", "mum and dad both shattered", "carers
# stressed" in a note about a child or a dependent person tell how the carers are, not a symptom of the patient.
_CARERS = frozenset(t.stem for t in tokens("parents carers caregivers family"))
_CARER_PAIR = (stem("mum"), stem("dad"))
_CARER_STATE = frozenset(t.stem for t in tokens(
    "exhausted tired anxious worried stressed upset distressed tearful frazzled overwhelmed shattered struggling "
    "coping sleep deprived worn out drained low frightened scared panicking panicked concerned"))
_CARER_STATE_FILLERS = frozenset(t.stem for t in tokens(
    "are is were was both very really quite so feel feeling seem seems look looking and not a bit extremely "
    "understandably visibly also getting"))


def _mark_carers_state(stems: list[str], start: int, end: int, other: list[bool]) -> None:
    for i in range(start, end):
        if stems[i] in _CARERS:
            k = i + 1
        elif (stems[i] == _CARER_PAIR[0] and i + 2 < end and stems[i + 1] in {"and", "&", "+"}
              and stems[i + 2] == _CARER_PAIR[1]):
            k = i + 3
        else:
            continue
        j, state = k, False
        while j < end and (stems[j] in _CARER_STATE or stems[j] in _CARER_STATE_FILLERS):
            state = state or stems[j] in _CARER_STATE
            j += 1
        if state:
            for m in range(i, j):
                other[m] = True


# The writer's own reaction in a text about someone else: "I honestly nearly passed out", "I almost fainted when
# I saw it", "I felt sick looking at it" tell how the carer took it, not a symptom of the patient.
_REACTION_FILLERS = frozenset(t.stem for t in tokens(
    "honestly nearly almost just literally actually totally completely really also too so quite a bit went"))
_REACTION_START = frozenset(t.stem for t in tokens("passed fainted panicked freaked threw"))
_REACTION_FEEL = frozenset(t.stem for t in tokens("felt feel feeling"))
_REACTION_AFTER_FEEL = frozenset(t.stem for t in tokens("sick faint dizzy lightheaded queasy"))


def _mark_writers_reaction(stems: list[str], start: int, end: int, other: list[bool]) -> None:
    for i in range(start, end):
        if stems[i] not in {"i", "im"}:
            continue
        k = i + 1
        while k < end and stems[k] in _REACTION_FILLERS:
            k += 1
        if k >= end:
            continue
        reacts = stems[k] in _REACTION_START or (
            stems[k] in _REACTION_FEEL and k + 1 < end and stems[k + 1] in _REACTION_AFTER_FEEL)
        if reacts and k > i + 1 and stems[k - 1] in {stem("nearly"), stem("almost")} or reacts and (
                stems[k] in _REACTION_START or k + 2 >= end or stems[k + 2] in CLAUSE_PUNCT or stems[k + 2] in {
                    "when", "look", "see", "seeing", "looking", "watching", "at", "just"}):
            m = i
            while m < end and stems[m] not in CLAUSE_PUNCT:
                other[m] = True
                m += 1


@dataclass
class Facts:
    age_years: float | None = None
    sex: str | None = None
    temp_c: float | None = None
    days: float | None = None
    age_from_text: bool = False
    age_from_word: bool = False     # only a rough guess from a word ("baby" ~ 6 months, "toddler" ~ 2)
    notes: list[str] = field(default_factory=list)
    observations: dict = field(default_factory=dict)   # NEWS2 observations (read_observations)
    age_range: tuple[float, float] | None = None   # with age_from_word: the ages the word allows


_PREGNANCY_WORDS = re.compile(r"(?<![a-z])(?:pregnan\w*|weeks gone|gestation\w*|antenatal|midwife|bump|"
                              r"felt (?:the |my )?baby|baby (?:movements?|kicks|kicking)|fetal|foetal|placenta\w*|"
                              r"baby(?:s| is| has been|s been)? (?:moving|kicking|quiet|still)|"
                              r"গর্ভবতী|gorbhoboti)")
# A birth the text is about: its mother is the patient unless the text is about the baby ("my wife had a baby").
_BIRTH_WORDS = re.compile(r"(?<![a-z])(?:had (?:a|the|her|my|our|their) baby|gave birth|given birth|c section|caesarean|"
                          r"cesarean|postpartum|post partum|postnatal|delivered)(?![a-z])")
_CHILD_SUBJECTS = frozenset(t.stem for t in tokens("baby infant newborn child son toddler kid boy"))
_CARER_OF_CHILD = re.compile(r"(?<![a-z])(?:my|our)\s+(?:[a-z]+\s+)?(?:toddler|baby|infant|newborn)(?![a-z])")


def read_facts(text: str, subject: str | None = None) -> Facts:
    """Age, sex, temperature and duration from the expanded text; `subject` is who the text is
    about (from `context_modifiers`), so a carer's own age is not taken for the patient's."""
    expanded = expanded_text(text)
    facts = Facts()
    facts.age_years = read_age_years(expanded, subject, guess=False)
    if facts.age_years is None and not (subject == "writer" and _CARER_OF_CHILD.search(expanded)) \
            and not _PREGNANCY_WORDS.search(expanded) \
            and not (_BIRTH_WORDS.search(expanded) and subject not in _CHILD_SUBJECTS):
        # ("30 weeks pregnant and the baby hasn't moved": the baby is not the patient)
        # ("my toddler scratched my eye": the writer is the patient, the toddler gives no age)
        facts.age_years = read_age_years(expanded, subject)
        facts.age_from_word = facts.age_years is not None
        facts.age_range = AGE_WORD_RANGES.get(facts.age_years) if facts.age_from_word else None
    facts.age_from_text = facts.age_years is not None
    facts.sex = read_sex(expanded, subject)
    if facts.sex is None and subject == "writer" and _BIRTH_WORDS.search(expanded):
        facts.sex = "female"  # "I had my baby 6 days ago": the writer gave birth
    facts.temp_c = read_temperature_c(expanded)
    facts.days = read_duration_days(expanded, subject)
    facts.observations = read_observations(expanded)
    return facts
