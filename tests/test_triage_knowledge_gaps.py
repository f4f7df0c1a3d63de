"""Knowledge written from guidelines for the gaps the sixth pass's dev sets found (S, T, U, V), by body system.

Each row is (text, level, entry): the text reaches the level and the entry is among the plausible conditions;
a level of None means the entry must NOT be plausible (a misreading that must not come back); an entry of None
checks the level only. The texts are written for these tests from the guidelines cited, not taken from the sets.
"""
from __future__ import annotations

import pytest

from backend.triage.engine import assess
from backend.triage.knowledge import KNOWLEDGE_DIR, build


@pytest.fixture(scope="module")
def kb():
    return build(KNOWLEDGE_DIR)


CASES = [
    # ---- Skin, ENT, gastro, respiratory and neurology (dev set S)
    # NICE CKS Chilblains; NHS Chilblains: self-care unless diabetic, not improving in 2-3 weeks, ulcerated or infected
    ("70M chilblains toes, pulses present, skin intact, non-diabetic", "self_care", "chilblains"),
    ("my grandad's toes are purple and swollen and itchy since the cold weather, he's not diabetic", "self_care",
     "chilblains"),
    ("60F diabetic with chilblains on toes", "routine", "chilblains"),
    ("70M chilblains toes x3/52 not improving", "routine", "chilblains"),
    ("chilblains on my toes and now one is red hot and spreading with a fever", "urgent", "chilblains"),
    # NICE CKS Insect bites and stings: itchy papules without systemic features are self-care
    ("26F multiple itchy papules on both shins x2d, no spreading erythema, afebrile", "self_care", None),
    ("my son's ankles are covered in itchy little lumps after the park, no fever", "self_care", None),
    ("lots of itchy mosquito bites on my legs, no swelling of my face, no fever", "self_care", "insect_bites_stings"),
    # NICE CG184 dyspepsia; NICE NG12 alarm features
    ("29M upper abdo burning after fatty food x5d, no dysphagia, no wt loss, no melaena, settles with antacid",
     "self_care", "indigestion"),
    ("I get a burning feeling at the top of my stomach after greasy food, gaviscon sorts it", "self_care",
     "indigestion"),
    ("58M upper abdo burning post-prandial x2/12, wt loss 5kg", "routine", "indigestion"),
    # NICE NG91 / CKS Otitis media: ear pulling in a young child is earache; most settle in 3 days
    ("4 yo M pulling L ear since last night, T 37.9, eating and drinking, no otorrhoea", "self_care", "otitis_media"),
    ("my 2 year old keeps tugging her left ear and crying, temp 38.2", "self_care", "otitis_media"),
    # NHS Cough: a cough after a cold can last 3 to 4 weeks; the cold itself is over
    ("my daughter's cold has cleared up apart from a cough, 2 weeks, eating and playing", "self_care",
     "post_viral_cough"),
    ("caught a cold three weeks ago, now just a tickly cough that is easing, no fever, not breathless", "self_care",
     "post_viral_cough"),
    # NICE NG217: a typical seizure after missed doses needs a routine medication review; a usual one is self-care
    ("my brother has epilepsy and forgot his tablets, had a short fit this morning and is back to normal", "routine",
     "seizure_known_epilepsy"),
    ("28F known JME, typical GTC after skipped doses, recovered, no injury", "routine", "seizure_known_epilepsy"),
    ("40M known epilepsy, one of his usual seizures, recovered, usual frequency, no injury", "self_care",
     "seizure_known_epilepsy"),
    ("known epileptic, seizure lasting more than 5 minutes, still fitting", "emergency", None),
    # ---- Women's health, urology, children and MSK (dev set S)
    # NICE NG109; NICE CKS Urinary tract infection (lower) - men: any man with lower UTI symptoms needs a
    # prescriber (urine culture, antibiotics), not pharmacy self-care
    ("my grandad is 80, needs to wee all the time and his wee smells strong", "urgent", "uti_men_frequency"),
    ("my husband keeps going to the loo to pee every half hour and his urine is cloudy and smells", "urgent",
     "uti_men_frequency"),
    ("I'm 45, male, urinating frequently, urine smells foul, no fever", "urgent", "uti_men_frequency"),
    ("68M freq + urgency, offensive urine x2d, apyrexial", "urgent", "uti_men_frequency"),
    ("my dad is 70, he's peeing very often, it stings", "urgent", "uti_men_frequency"),
    # NHS Health A-Z: Pulled elbow: an urgent treatment centre or A&E the same day
    ("we were swinging our 2 year old by the hands and now she won't move her arm", "urgent", "pulled_elbow"),
    ("my toddler's arm is hanging limp by his side after his sister pulled him up by the hand", "urgent",
     "pulled_elbow"),
    ("18 month old, pulled up by arms by sibling, now not using L arm, no swelling", "urgent", "pulled_elbow"),
    ("my 4 year old son hurt his elbow, I think it's a nursemaid's elbow", "urgent", "pulled_elbow"),
    # NHS Health A-Z: Cradle cap; NICE CKS Seborrhoeic dermatitis (infantile): self care unless it itches,
    # bleeds, weeps or spreads
    ("my 3 month old has thick yellow crusts on his scalp, he's not bothered by it and feeding well", "self_care",
     "cradle_cap"),
    ("baby 7/12, greasy scales scalp, non-itchy, well", "self_care", "cradle_cap"),
    ("my 5 month old has cradle cap and now it's bleeding where he scratches", "routine", "cradle_cap"),
    # NICE CKS Candida - female genital: 4 or more episodes in 12 months is recurrent, a GP review
    ("I've had thrush four times this year, itchy with a thick white discharge again", "routine", "vaginal_thrush"),
    ("29F vaginal thrush, 5th episode in 12 months, each cleared with OTC clotrimazole", "routine",
     "vaginal_thrush"),
    # NICE NG51; RCOG Green-top 64b: a temperature in the weeks after birth needs a same-day assessment
    ("exclusively breastfeeding my two week old, temperature 38.3 since last night and feeling rough", "urgent",
     "fever_after_childbirth"),
    # ---- General, endocrine, mental health and infections (dev set S)
    # Society for Endocrinology Steroid Emergency Card; NICE CKS Adrenal insufficiency: long-term glucocorticoids
    # (4 weeks or more) suppress the adrenals; vomiting, diarrhoea or collapse is an adrenal crisis
    ("I've taken prednisolone every morning for 3 years for my arthritis and I've been sick since yesterday",
     "emergency", "adrenal_crisis"),
    ("my husband has been on steroid tablets for months for his lungs, he has diarrhoea and vomiting and nearly "
     "fainted", "emergency", "adrenal_crisis"),
    ("PMR on pred 5mg OD, D&V x24h, hypotensive", "emergency", "adrenal_crisis"),
    ("I use a steroid inhaler for years and now I've got a stomach bug with vomiting", None, "adrenal_crisis"),
    # WHO SEARO Guidelines for the management of snakebites (2016); NHS Snake bites: any snake bite is an emergency,
    # also when the snake was not seen; ptosis, trouble swallowing or fast-spreading swelling are envenoming
    ("my dad was bitten on the foot at night in the field, we didn't see the snake", "emergency", "snake_bite"),
    ("something bit her hand while she was sleeping on the floor, now her eyelids are drooping", "emergency",
     "bite_with_envenoming_signs"),
    ("unknown bite L foot 3h, bilateral ptosis, dysphagia", "emergency", "bite_with_envenoming_signs"),
    ("I was bitten on the leg in the paddy field and the swelling is spreading fast up my leg", "emergency",
     "bite_with_envenoming_signs"),
    # NICE NG225; NHS Help for suicidal thoughts: without a plan or intent, same-day help; a plan, a set time or
    # intent is an emergency
    ("my daughter told me tonight she sometimes wishes she wasn't here, she says she has no plan and would never "
     "act on it", "urgent", "suicidal_thoughts"),
    ("28F passive SI disclosed this evening, denies plan or intent, good support", "urgent", "suicidal_thoughts"),
    ("I don't want to be alive anymore and I'm going to do it tonight", "emergency", "suicidal_crisis"),
    ("my brother says he wants to die and he has decided to take all his tablets", "emergency", "suicidal_crisis"),
    ("34M SI with intent, plan not disclosed", "emergency", "suicidal_crisis"),
    # WHO 2009 dengue case definition; NHS Dengue: dengue is a fever; a bite or a worry without fever is not dengue
    ("lots of mosquito bites from the garden, itchy, no temperature, could it turn into dengue?", "self_care",
     "insect_bites_stings"),
    ("my son tested positive for dengue yesterday, he is drinking well", "urgent", "dengue_fever"),
    ("fever for 2 days in a dengue area with pain behind the eyes", "urgent", "dengue_fever"),
    # ---- Heart, eyes and gut (dev sets T and U)
    # NICE CG141; NHS Vomiting blood: vomiting blood, in any wording, is an emergency
    ("I've been sick and there was a lot of dark blood in it", "emergency", "upper_gi_bleed"),
    ("my husband was sick twice tonight and it was bright red blood with clots", "emergency", "upper_gi_bleed"),
    ("70M vomiting with blood clots x2, HR 110", "emergency", "upper_gi_bleed"),
    # BSG 2019; NICE NG130 (Truelove and Witts): 6+ bloody stools a day, fever over 37.8 or pulse over 90
    ("my crohn's colitis is flaring, bloody diarrhoea all day and my temperature is 38.4", "emergency", "ibd_flare"),
    ("my daughter has ulcerative colitis and has been to the loo 8 times today with blood each time", "emergency",
     "ibd_flare"),
    ("UC flare, bloody diarrhoea, HR 112, T 37.2", "emergency", "ibd_flare"),
    ("my colitis is playing up, loose stools 3 times a day, no blood, no temperature", "urgent", "ibd_flare"),
    # NHS Bowel obstruction: swollen tummy, vomiting, unable to fart or poo
    ("my nan's stomach has swollen up, she's throwing up and hasn't passed wind since yesterday", "emergency",
     "bowel_obstruction"),
    ("65F abdo distended, vomiting, not passed flatus 36h", "emergency", "bowel_obstruction"),
    # NICE CG95: older people, women and people with diabetes may have a heart attack with only upper stomach
    # discomfort, breathlessness and sweating
    ("my wife is 74 with diabetes, she has discomfort in her upper tummy, she is sweating and short of breath",
     "emergency", "acs_presenting_as_indigestion"),
    # ESC 2019 SVT; Resuscitation Council UK: a regular tachycardia that vagal manoeuvres did not stop
    ("my SVT started an hour ago and the valsalva didn't work this time, heart still racing", "emergency",
     "supraventricular_tachycardia"),
    ("26F sudden onset regular palpitations, HR 192, vagal manoeuvres unsuccessful", "emergency",
     "supraventricular_tachycardia"),
    # NICE CG64; ESC 2023 Endocarditis; NHS Endocarditis: fever with a replaced heart valve (111 / urgent GP)
    ("I have a mechanical valve and I've had fevers and sweats on and off for a week", "urgent",
     "infective_endocarditis"),
    # NHS Heartburn and acid reflux; NICE CG184: uncomplicated reflux is self care
    ("I get a burning in my chest after eating and an acid taste, I'm 28, no problems swallowing", "self_care",
     "acid_reflux_gord"),
    # BSG 2018 chronic diarrhoea; NICE CKS: 4 weeks or more is not gastroenteritis, a routine GP appointment
    ("my son is 19 and has had runny poo for 3 months, no blood, no weight loss", "routine", "persistent_diarrhoea"),
    ("45F loose stools x10/52, no PR bleeding, no wt loss", "routine", "persistent_diarrhoea"),
    # NHS Diarrhoea and vomiting: unable to keep fluids down needs an urgent GP appointment
    ("I've been vomiting since last night and I'm not keeping water down", "urgent", "nausea_and_vomiting"),
    # NICE NG196; NHS Atrial fibrillation: a new irregular heartbeat needs a same-day ECG
    ("my mum's heart has been racing and all over the place since this morning, she feels fine otherwise", "urgent",
     "atrial_fibrillation"),
    # NICE NG133: 140/90 or more after 20 weeks of pregnancy needs assessment within 24 hours
    ("I'm 28 weeks pregnant, the pharmacy machine gave 150/96 and then 147/94", "urgent", "high_blood_pressure"),
    # NICE CKS Superficial vein thrombosis: near the groin needs an ultrasound within 24 hours
    ("tender red cord up the inside of my thigh towards my groin for 2 days", "urgent",
     "superficial_thrombophlebitis"),
    # NICE CKS Blepharitis: crusts on the lashes with gritty eyes is lid hygiene, self care
    ("my eyes are gritty and there are crusts on my eyelashes every morning, vision fine", "self_care",
     "blepharitis"),
    # NICE CKS Subconjunctival haemorrhage: on warfarin, check the INR (routine)
    ("bright red blood patch on the white of my eye this morning, no pain, I take warfarin", "routine",
     "subconjunctival_haemorrhage"),
    # ---- Skin, ENT and respiratory (dev sets T and U)
    # NICE NG91 1.1.12; NICE CKS Otitis media - acute: suspected mastoiditis is referred to hospital
    ("my daughter's ear infection is not getting better on antibiotics, her ear is sticking out now and there's a "
     "swelling behind it, temperature 39", "emergency", "mastoiditis"),
    ("6M AOM, now tender postauricular swelling with protruding pinna, febrile 38.8", "emergency", "mastoiditis"),
    ("there's a sore lump behind my ear since my ear infection", "urgent", "mastoiditis"),
    # NICE CKS Perforated eardrum: small perforations heal; urgent only with vertigo, facial weakness, severe loss
    ("I burst my eardrum with a cotton bud yesterday, the hearing is a bit dull on that side, no dizziness",
     "routine", "perforated_eardrum"),
    ("traumatic TM perforation 1/7, mildly reduced hearing, no vertigo, facial nerve intact", "routine",
     "perforated_eardrum"),
    # NICE CKS Meniere's disease: recurrent vertigo for hours with a full, ringing ear, well between, is not wax
    ("every few weeks I get attacks of the room spinning for hours, my right ear feels full and buzzes, fine in "
     "between", "routine", "menieres_disease"),
    # NICE CKS Vestibular neuronitis / Vertigo: sudden constant vertigo with vomiting is seen the same day
    ("the room suddenly started spinning this morning and hasn't stopped, I've vomited three times", "urgent",
     "labyrinthitis_vestibular_neuritis"),
    ("41F acute onset continuous rotatory vertigo since this morning, vomiting, no focal neurology, hearing normal",
     "urgent", "labyrinthitis_vestibular_neuritis"),
    # NICE CKS Dental abscess; NHS Dental abscess: a spot on the gum draining pus (gumboil) is an abscess
    ("my tooth is throbbing and there's a little spot on the gum above it that tastes salty", "urgent",
     "dental_abscess"),
    ("my husband has a pimple on his gum next to a broken back tooth, it hurts when he chews", "urgent",
     "dental_abscess"),
    # NHS Object stuck in the ear or nose: don't try to remove it at home
    ("the tip of a cotton bud came off and is stuck inside my ear", "urgent", "object_in_ear_or_nose"),
    ("my son was cleaning his ear and a bit of cotton wool is stuck in his ear, we tried tweezers", "urgent",
     "object_in_ear_or_nose"),
    # NICE CKS Motion sickness; NHS Motion sickness
    ("my son gets car sick on every long drive, what can we give him before our holiday?", "self_care",
     "motion_sickness"),
    ("55F seasick on every ferry crossing, well between journeys, asking for something to prevent it", "self_care",
     "motion_sickness"),
    # NICE CKS Chilblains: warm feet with good pulses are good circulation, not the heat of cellulitis
    ("my grandmother's toes are purple, swollen and itchy since the cold snap, her feet feel warm and the skin is "
     "fine", "self_care", "chilblains"),
    # NICE CKS Pityriasis versicolor; WHO Leprosy: a pale patch with lost feeling needs a clinic
    ("I've got light patches on my chest and back that don't tan like the rest of my skin", "self_care",
     "pityriasis_versicolor"),
    ("white patches on my back that I can't feel when I touch them", "routine", "pityriasis_versicolor"),
    # NICE NG19: an infected diabetic foot ulcer needs assessment within one working day
    ("58F T1DM, ulcer over L 1st MTP head x2 wk, surrounding erythema and purulent exudate, apyrexial", "urgent",
     "diabetic_foot_ulcer"),
    # NICE CG179; NHS Pressure ulcers: broken skin over the tailbone of someone in bed is a pressure sore
    ("my bedbound dad has a small area of broken skin on his tailbone, no pus and no fever", "routine",
     "pressure_sore"),
    ("82M immobile, non-blanching erythema over sacrum, skin intact, afebrile", "routine", "pressure_sore"),
    # NICE NG120; NHS Cough: a cough after a cold that is settling at 3 weeks is self-care; past 3 weeks, a GP
    ("I still have a tickly cough 3 weeks after a cold but it's slowly getting better, no fever", "self_care",
     "post_viral_cough"),
    ("cough for more than 3 weeks since the flu and it's not going away", "routine", "post_viral_cough"),
    # ---- Women's health, children, MSK and urology (dev sets T and U)
    # RCOG Green-top 57; NHS Your baby's movements: from 24 weeks, fewer movements -> maternity unit now
    ("I'm 30 weeks pregnant and I've barely felt anything today, only a couple of small movements since this morning",
     "emergency", "reduced_fetal_movements"),
    ("my wife is 36 weeks pregnant and the baby is less kicky than normal, hardly any movement since last night",
     "emergency", "reduced_fetal_movements"),
    # RCOG Green-top 63 Antepartum haemorrhage: bleeding with pain or a tender, tense uterus after 24 weeks
    ("I'm 32 weeks pregnant and bleeding from the vagina, my bump feels hard and tender", "emergency",
     "bleeding_in_pregnancy"),
    ("34/40, PV bleeding, abdominal pain, uterus tender", "emergency", "bleeding_in_pregnancy"),
    # BOAST 10 compartment syndrome: pain out of proportion, pain on moving the toes or fingers in a cast
    ("my daughter fractured her wrist yesterday and it's in plaster, now the pain is far worse than when she broke "
     "it and she's in agony moving her fingers", "emergency", "compartment_syndrome"),
    # UK Kidney Association Hyperkalaemia 2020; NICE NG148: AKI with K+ 6.0-6.4 -> same-day hospital
    ("80F on lisinopril, vomiting x2d, passing very little urine, K+ 6.2", "emergency", "acute_kidney_injury"),
    # NICE CKS Herpes simplex - genital: first episode -> antivirals within 5 days
    ("I've had painful blisters down there since yesterday, never had this before", "urgent", "genital_herpes"),
    # NICE CKS Bartholin's cyst and abscess: a painful swelling of the labium is likely an abscess
    ("32F tender swelling R labium majus x2d, difficult to sit, afebrile", "urgent", "bartholins_cyst"),
    # NHS Mallet finger: the end of the finger droops and will not straighten by itself -> same-day care
    ("jammed my ring finger in the door and now the end of the finger droops, I can't straighten it on its own",
     "urgent", "finger_injury"),
    # NHS Sciatica: pain from the bottom down the back of the leg to the foot; GP if not easing after weeks
    ("I've had pain shooting from my bottom down the back of my right leg to my foot for 4 weeks", "routine",
     "sciatica"),
    # NICE CKS Knee pain - assessment: Osgood-Schlatter disease is self-limiting; night pain is a red flag
    ("my 12 year old daughter does gymnastics and has a tender bony lump below her kneecap, no fever, no limp",
     "self_care", "osgood_schlatter"),
    ("12 year old with a lump under his kneecap, pain wakes him at night", "urgent", "osgood_schlatter"),
    # NICE CKS Parvovirus B19: aplastic crisis in haemolytic anaemias
    ("my 7 year old has thalassaemia and now has bright red slapped cheeks and a lacy rash", "urgent",
     "slapped_cheek_syndrome"),
    # ---- Mental health, skin, neurology, general and infections (dev sets T and U)
    # BNF Serotonin syndrome; Hunter criteria; TOXBASE: neuromuscular signs with fever after serotonergic drugs
    ("I'm on fluoxetine and was given tramadol for my knee, now my legs keep jerking, I'm sweating and I've got a "
     "temperature of 38.7", "emergency", "serotonin_syndrome"),
    ("50F on venlafaxine, started linezolid 2/7; myoclonus, diaphoretic, agitated, HR 124, T 37.6", "emergency",
     "serotonin_syndrome"),
    ("my son takes sertraline and took some tramadol for toothache, he's twitching and restless but his temperature "
     "is normal", "urgent", "serotonin_syndrome"),
    # NICE NG225: self-harm in a young person needs same-day assessment
    ("my 16 year old son has been cutting his forearms, the cuts are shallow and he says he isn't suicidal",
     "urgent", "self_harm"),
    # NICE NG225; NHS Help for suicidal thoughts: passive thoughts need same-day help
    ("since my husband died I feel life isn't worth living, I haven't made any plans", "urgent",
     "suicidal_thoughts"),
    # NICE CKS Herpes simplex - oral: immunocompromised people (chemotherapy)
    ("I'm having chemo for lymphoma and I've got a cold sore on my lip that keeps getting bigger", "urgent",
     "cold_sores"),
    # NICE CKS Cellulitis; NICE NG125: spreading redness or pus around a wound
    ("55M scalp laceration glued 3/7 ago, now erythema 4cm around wound, apyrexial", "urgent", "infected_wound"),
    # NICE NG19; NHS Diabetes foot problems: a wound on a numb diabetic foot, foot team within 1 working day
    ("I'm diabetic and can't feel my feet, I found a blister on my foot from my new shoes", "urgent", "blisters"),
    # NICE CKS Bell's palsy: forehead involvement, no limb weakness, is a lower motor neurone palsy
    ("55F L facial droop including forehead since this morning, limbs normal, speech clear", "urgent",
     "bells_palsy"),
    # NICE CG153: erythrodermic psoriasis, same-day specialist assessment
    ("my psoriasis has spread over my whole body in the last week, it's red and flaking off in sheets", "urgent",
     "psoriasis"),
    # NHS Sunburn: blistering sunburn is urgent (111), not an A&E burn
    ("my son was on the beach all day and his back is badly burnt and blistered", "urgent", "sunburn_blistering"),
    # NICE CKS Fungal skin infection - scalp: oral antifungal from a GP
    ("my son has a scaly patch of hair loss on his scalp with broken hairs", "routine", "scalp_ringworm"),
    # NHS Heat rash; NHS Corns and calluses: self care
    ("my baby has tiny red spots on his neck and in his armpits, it's been so hot", "self_care", "heat_rash"),
    ("I've got hard skin on my big toe that hurts in tight shoes, I'm not diabetic", "self_care", "corns_calluses"),
    # NHS Mumps: parotid swelling in front of the ears
    ("my daughter has swelling in front of both ears and it hurts to chew, mild temperature", "routine", "mumps"),
    # ---- readings that must not happen: (text, None, an entry that must not be plausible)
    ("I pulled an earring out of my ear and it's bleeding a bit", None, "otitis_media"),   # not an ear-pulling child
    ("my fitness is normal but I get tired", None, "first_seizure"),                        # "fit" words are not a seizure
    ("my fitness is normal but I get tired", None, "seizure_known_epilepsy"),
    ("68M nocturia x3, frequency, poor stream", None, "uti_men_frequency"),                # prostate symptoms, routine
    ("my 10 year old has a flaky scalp", None, "cradle_cap"),                               # dandruff, not cradle cap
    ("I'm breastfeeding my 14 week old and she has a temperature of 38", None, "fever_after_childbirth"),
    ("35M pulled his elbow lifting weights, elbow pain", None, "pulled_elbow"),               # an adult's strain
    # insect bites and stings, a dog bite: not venom
    ("I've got itchy bites on my arms and the swelling on one is spreading", None, "bite_with_envenoming_signs"),
    ("a wasp stung me and the swelling is spreading fast", None, "bite_with_envenoming_signs"),
    ("the dog bit my hand and my vision is a bit blurry", None, "bite_with_envenoming_signs"),
    ("I feel sick and there is bright red blood on the paper when I wipe", None, "upper_gi_bleed"),  # nausea, not vomit
    ("my eyelashes are crusty in the mornings", None, "foreign_body_in_eye"),
    ("red blood patch on the white of my eye", None, "rectal_bleeding"),
    ("seen on 14/9 for a cough", None, "high_blood_pressure"),                               # a date, not a BP
    ("I've had diarrhoea since yesterday", None, "persistent_diarrhoea"),
    # NHS Mouth ulcers: a sore spot under a rubbing denture is an ulcer for the dentist, not a gumboil
    ("my mum's new denture rubs and she has a sore spot on her gum under it, no swelling", None, "dental_abscess"),
    # NICE NG249: a long lie is an hour or more on the floor after a fall, not sitting on the floor to pray or play
    ("my dad is 70 and his knees hurt when he sits on the floor for prayers", None, "fall_with_long_lie"),
    ("grandma is 75, she finds it hard to sit on the floor for long with her stiff knees", None, "fall_with_long_lie"),
    # "X or Y" names alternatives, not both taken together
    ("I take co-codamol or paracetamol most days for my back", None, "paracetamol_staggered_overdose"),
    # forehead involved: not a stroke
    ("woke with my face drooping on the right including my forehead, arms and legs fine", None, "stroke"),
    ("I searched how many steps to walk a day to lose weight", None, "suicidal_crisis"),
    # ---- what must still be caught
    ("I've got an eyelash in my eye", "urgent", "foreign_body_in_eye"),
    ("my foot is red, hot and swollen and the redness is spreading", "urgent", None),
    ("my toes have chilblains and now the redness is spreading up my foot and it's hot", "urgent", None),
    # a facial palsy with arm weakness is still a stroke-level emergency (NHS Act FAST)
    ("sudden face droop including forehead and my left arm is weak", "emergency", None),
    # a goodbye note found and a search for how many tablets it would take are a plan's preparation, even without
    # the word suicide (NICE NG225; NICE CKS Suicide risk)
    ("I'm so worried about my son, 17. I found a note on his laptop saying goodbye to us and his search history is "
     "about how many of his nan's sleeping tablets it would take. He won't talk to me.", "emergency", None),
    # ---- seventh pass (Bangla dev sets X and Y, English dev set ZA)
    # a denial list ending "X ba Y hoy nai" keeps each denial: a loose "matha ~ betha" across the commas does not
    # swallow the "nai"s between its words
    ("abbar buk dhorfor korche, buke betha nai, shash kosto nai, matha ghurano ba ogyan hoy nai", None,
     "chest_pain_needs_assessment"),
    # an irregular pulse in Bangla words (NHS Atrial fibrillation)
    ("nanir (70) 3 din dhore buk dhorfor kore, pulse ekdom elomelo tale cholche", "urgent", "atrial_fibrillation"),
    ("আম্মার হার্টের বিট এলোমেলো, বুক ধড়ফড় করে ২ দিন", "urgent", "atrial_fibrillation"),
    # a duration in months or years is not a child ("দেড় মাস আগে থেকে", "10 bochorer purano")
    ("দেড় মাস ধরে জ্বর আসে যায়, রাতে ঘাম হয়", None, "fever_in_child_under_5"),
    ("দেড় মাস ধরে জ্বর আসে যায়, রাতে ঘাম হয়", "urgent", "fever_lasting_adult"),
    # "gastric" names any upper stomach or chest discomfort: the heart attack signs that raise indigestion raise it
    # (NICE CG95)
    ("gastric er betha, khub gham hocche, boyosh 60", "emergency", "gastritis"),
    ("my gastritis is playing up, I'm 58 and I'm sweating buckets with it", "emergency", "gastritis"),
    ("gastritis flare after spicy food, 25, no sweating", "self_care", "gastritis"),
    # a cough with very fast breathing may be pneumonia (NICE NG138): read as "breathing really fast" too
    # feeling sick after a head bump is a minor symptom; being sick is the red flag (NHS Head injury; NICE NG232)
    ("mathay bari kheyeche, bomi bomi lagche", "self_care", "minor_head_injury"),
    ("mathay bari kheyeche, 3 bar bomi korche", "emergency", "serious_head_injury"),
    ("hit my head on a cupboard, feel a bit sick, not been sick", "self_care", "minor_head_injury"),
    ("hit my head, been sick twice", "emergency", None),
    ("৭ সপ্তাহ চলতেছে, সকালবেলা উঠলেই বমি বমি লাগে", "self_care", "morning_sickness"),
    ("a cough and breathing really fast", "urgent", None),
    ("flu for 3 days, now breathing really fast", "urgent", None),
    # a measured pressure of 160/110 or more in pregnancy needs admission (NICE NG133)
    ("I'm 30 weeks pregnant, BP 170/110 and a headache", "emergency", "pre_eclampsia"),
    ("32 weeks pregnant, BP 150/100 at the pharmacy, no headache", "urgent", "pre_eclampsia"),
    # woken late for school or work is not reduced consciousness, in Bangla too
    ("ছেলে সকালে স্কুলের জন্য জাগানো যায় না", None, "hard_to_wake"),
    ("মশা কামড়েছে, চুলকায়", "self_care", None),
    # ---- English dev set ZA
    # NICE NG202: a partner hears breathing stop for seconds, then a gasp: sleep apnoea, not breathlessness
    ("my wife says I stop breathing for about 10 seconds at night and then gasp, and I'm shattered all day",
     "routine", "obstructive_sleep_apnoea"),
    ("my wife says I stop breathing for about 10 seconds at night and then gasp, and I'm shattered all day",
     None, "breathlessness_unexplained"),
    # NHS Heart palpitations: a thud then a skipped beat is an ectopic beat
    ("25M, now and then my heart gives a thud and then it feels like it skips, no chest pain or dizziness",
     "self_care", "ectopic_beats"),
    # NICE CG185: pressured speech, little sleep and reckless spending in bipolar are mania
    ("my sister has bipolar, she's barely slept for 3 nights, talks so fast nobody can follow and has maxed out "
     "her credit cards", "urgent", "mania"),
    # NHS Heavy periods: heavier periods, changing pads every hour or two
    ("my periods are getting heavier, I change pads every hour on day one", "routine", "heavy_periods"),
    # NHS Eye injuries: detergent capsules squirted into an eye are a chemical injury
    ("a laundry capsule burst and squirted in my daughter's eye, she's screaming", "emergency",
     "chemical_eye_injury"),
    # BTS pleural disease: sudden one-sided chest pain and can't get a full breath in is a pneumothorax
    ("22M sudden sharp left sided chest pain at rest, can't get a full breath in", "emergency", "pneumothorax"),
    # NICE CKS Cellulitis: pain far greater than the wound looks, with fever, is necrotising fasciitis
    ("scratched my arm on a rose bush, now the pain is far greater than the little red patch, temp 39",
     "emergency", "necrotising_fasciitis_possible"),
    # NICE NG143 glass test: a rash that fades under a glass is not a non-blanching rash; one that stays still is
    ("my 18 month old had a fever for 3 days, now spots on her tummy that fade when I press a glass on them, "
     "she's playing", None, "meningococcal_disease_child"),
    ("my 18 month old has a fever and spots that don't fade when I press a glass on them", "emergency",
     "meningococcal_disease_child"),
    ("my son has a temperature and a rash, I pressed a glass on it and some faded but others didn't", "emergency",
     None),
    # NICE NG222: low mood and loss of pleasure with poor sleep are depression, not insomnia alone
    ("for 2 months I've felt flat, not enjoying anything and sleeping badly, no thoughts of self harm", "routine",
     "depression"),
    # "club" (a bowls club, going clubbing) is not finger clubbing
    ("my grandad goes to his bowls club on Tuesdays and has a cough since the weekend", None,
     "lung_cancer_warning_signs"),
    # yellowish phlegm is not jaundice
    ("coughing up yellowish phlegm for a week", None, "jaundice_adult"),
    # WHO Dengue 2009: fever after travel with bleeding gums, tummy pain or lethargy are warning signs
    ("just back from Bangkok, fever for 3 days that went yesterday, now tummy pain and my gums bled", "emergency",
     "dengue_warning_signs_after_travel"),
    ("just back from Spain with a fever and a sore throat", None, "dengue_warning_signs_after_travel"),
    # NICE CKS Headache - cluster: a cluster headache is a pain; hay fever's itchy watery eyes "around June" are not
    ("every year around june my eyes go itchy and watery and I sneeze all day", None, "cluster_headache"),
    ("stabbing pain around my right eye every night with a watery eye and a blocked nostril", "routine",
     "cluster_headache"),
    # NICE NG232: a blow to the head in everyday words is a head injury (and keeps its red flags)
    ("whacked my head on the loft hatch, bit of a bump, no other problems", "self_care", "minor_head_injury"),
    ("smacked my head on a shelf yesterday and I take warfarin", "emergency", "minor_head_injury"),
    # UKHSA Green Book ch. 30: a garden fork through the foot with soil and unknown tetanus cover
    ("trod on a fork in the allotment and it went through my boot, muddy, no idea about my tetanus", "urgent",
     "tetanus_prone_wound"),
    # NICE CKS Dry eye disease: gritty, burning eyes
    ("my eyes feel gritty, burning by the end of the day at the computer", "self_care", "dry_eyes"),
    ("gritty burning eyes and now bright light hurts them", "urgent", "dry_eyes"),
    # NHS Hyperventilation: fast breathing with tingling fingers and lips, settling with slow breathing
    ("panicked on the bus, fast breathing and tingling in my fingers and around my mouth, calmed down after", "self_care",
     "hyperventilation"),
    # NICE CKS Meibomian cyst: a cyst not going down with warm compresses is for a routine review
    ("eyelid cyst for a month, been doing hot compresses every day and it's not getting smaller", "routine",
     "chalazion"),
    # NICE NG38; NHS Broken arm or wrist: a wrist not moved after a fall may be broken
    ("my daughter fell off the trampoline onto her hand, her wrist is puffy and she won't move it", "urgent",
     "sprained_wrist"),
    # NHS Flu: high fever is flu's own picture in a healthy adult (not a chest infection's warning sign)...
    ("I've got flu, 39.5 temperature, dry cough, aching all over, drinking fine", "self_care", "influenza"),
    # ...but the chest-infection warning signs still hold with flu
    ("I've got flu and a cough and I'm breathing faster than normal", "urgent", "influenza"),
    # NHS Broken finger or thumb: a dislocated finger, thumb or toe is put back at an urgent treatment centre the
    # same day, not by 999; a dislocated shoulder or knee still goes to A&E, and a cold white finger is an emergency
    ("went to catch the ball and my ring finger popped out of joint, it's bent at the middle knuckle", "urgent",
     "finger_injury"),
    ("I think I've dislocated my little toe on the bed leg", "urgent", "finger_injury"),
    ("খেলার সময় আমার আঙুলের জোড়া সরে গেছে", "urgent", "finger_injury"),
    ("I dislocated my thumb yesterday and now the whole thumb is cold and white", "emergency", "finger_injury"),
    ("my shoulder dislocated again and my fingers are tingling", "emergency", "dislocated_joint"),
    ("the shoulder popped out of joint, now both fingers and thumb feel odd", "emergency", "dislocated_joint"),
]


@pytest.mark.parametrize("text,level,entry", CASES)
def test_each_gap_reaches_its_level_and_entry(kb, text, level, entry):
    result = assess(text, knowledge=kb)
    plausible = {row["id"] for row in result.conditions if row["plausible"]}
    if level is None:
        assert entry not in plausible, (text, sorted(plausible))
        return
    assert result.urgency == level, (text, result.urgency, sorted(plausible))
    if entry:
        assert entry in plausible, (text, sorted(plausible))
