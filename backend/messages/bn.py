"""Bangla for the server's error messages, keyed by the English text exactly as the code writes it.

A key with {placeholders} is a `Message` template: the Bangla keeps the same names (numbers in it are shown
in Bangla digits). tests/test_error_languages.py reads every message the code can raise from the source and
fails when one has no entry here, so a new message needs its Bangla in the same change.
"""

BANGLA: dict[str, str] = {
    # ---- the general errors (backend/errors.py) ------------------------------------------------
    "The request could not be processed.": "অনুরোধটি সম্পন্ন করা গেল না।",
    "Some fields are invalid.": "কিছু তথ্য ঠিক নেই। চিহ্নিত ঘরগুলো দেখে নিন।",
    "Please log in.": "অনুগ্রহ করে লগ ইন করুন।",
    "You are not allowed to do this.": "এটি করার অনুমতি আপনার নেই।",
    "Not found.": "খুঁজে পাওয়া যায়নি।",
    "Nothing is here.": "এখানে কিছু নেই।",
    "This conflicts with the current state.":
        "এটি বর্তমান অবস্থার সঙ্গে মিলছে না। পাতাটি রিফ্রেশ করে আবার চেষ্টা করুন।",
    "This slot has just been taken. Please choose another one.":
        "এই সময়টি এইমাত্র অন্য কেউ নিয়ে নিয়েছে। অনুগ্রহ করে অন্য একটি সময় বেছে নিন।",
    "This is not allowed by the clinic's rules.": "ক্লিনিকের নিয়মে এটি করা যায় না।",
    "Too many requests. Please wait and try again.": "অনেক বেশি অনুরোধ এসেছে। একটু অপেক্ষা করে আবার চেষ্টা করুন।",
    "A required service is unavailable.": "একটি প্রয়োজনীয় সেবা এখন পাওয়া যাচ্ছে না। একটু পরে আবার চেষ্টা করুন।",
    "This method is not allowed here.": "এখানে এই ধরনের অনুরোধ করা যায় না।",
    "The request body is too large.": "পাঠানো তথ্য অনেক বড়।",
    "Something went wrong on our side. Please try again.":
        "আমাদের দিকে একটি সমস্যা হয়েছে। অনুগ্রহ করে আবার চেষ্টা করুন।",
    "This change conflicts with existing data.": "এই পরিবর্তনটি আগে থেকে থাকা তথ্যের সঙ্গে মিলছে না।",
    "An account with this email already exists.": "এই ইমেইল দিয়ে আগেই একটি অ্যাকাউন্ট খোলা আছে।",
    "This email is already registered.": "এই ইমেইলটি আগেই নিবন্ধিত।",
    "A specialization with this name exists.": "এই নামে একটি বিশেষত্ব আগেই আছে।",
    "This name is already used.": "এই নামটি আগেই ব্যবহার করা হয়েছে।",
    "Doctors still have this specialization; move them first.":
        "কয়েকজন ডাক্তার এখনও এই বিশেষত্বে আছেন; আগে তাঁদের অন্য বিশেষত্বে সরান।",
    "This appointment is already completed.": "এই অ্যাপয়েন্টমেন্টটি আগেই সম্পন্ন হয়েছে।",

    # ---- the form checks (pydantic, backend/errors.py) ------------------------------------------
    "This is required.": "এটি পূরণ করতে হবে।",
    "Use at least {min_length} characters.": "কমপক্ষে {min_length}টি অক্ষর ব্যবহার করুন।",
    "Give at least {min_length}.": "কমপক্ষে {min_length}টি দিন।",
    "Use at most {max_length} characters.": "সর্বোচ্চ {max_length}টি অক্ষর ব্যবহার করুন।",
    "Give at most {max_length}.": "সর্বোচ্চ {max_length}টি দিন।",
    "This is not in the expected format.": "এটি সঠিক আকারে লেখা হয়নি।",
    "Enter text here.": "এখানে লেখা দিন।",
    "Enter a whole number.": "একটি পূর্ণ সংখ্যা লিখুন।",
    "Enter a number.": "একটি সংখ্যা লিখুন।",
    "Enter an amount, such as 1200 or 1200.50.": "টাকার পরিমাণ লিখুন, যেমন ১২০০ বা ১২০০.৫০।",
    "Use at most {decimal_places} digits after the point.":
        "দশমিকের পরে সর্বোচ্চ {decimal_places}টি অঙ্ক ব্যবহার করুন।",
    "That amount is too large.": "পরিমাণটি অনেক বড়।",
    "Enter {ge} or more.": "{ge} বা তার বেশি লিখুন।",
    "Enter more than {gt}.": "{gt}-এর বেশি লিখুন।",
    "Enter {le} or less.": "{le} বা তার কম লিখুন।",
    "Enter less than {lt}.": "{lt}-এর কম লিখুন।",
    "Choose yes or no.": "হ্যাঁ বা না বেছে নিন।",
    "Enter a date (day, month and year).": "একটি তারিখ লিখুন (দিন, মাস ও বছর)।",
    "Enter a date without a time.": "সময় ছাড়া শুধু তারিখ লিখুন।",
    "Enter a time such as 09:30.": "সময় লিখুন, যেমন ০৯:৩০।",
    "Choose one of: {expected}.": "এগুলোর একটি বেছে নিন: {expected}।",
    "Give a list here.": "এখানে একটি তালিকা দিন।",
    "This should be a group of fields.": "এখানে কয়েকটি ঘরের একটি দল থাকার কথা।",
    "This field is not expected here.": "এই ঘরটি এখানে থাকার কথা নয়।",
    "This could not be read.": "এটি পড়া গেল না।",
    "This value is not valid.": "এই তথ্যটি সঠিক নয়।",
    "Enter a phone number using digits, spaces, +, ( ) or -, at least 5 characters.":
        "ফোন নম্বর লিখুন: অঙ্ক, স্পেস, +, ( ) বা - দিয়ে, কমপক্ষে ৫টি অক্ষর।",
    "Choose female, male or other.": "নারী, পুরুষ বা অন্যান্য বেছে নিন।",

    # ---- reading the request (backend/schemas.py) ------------------------------------------------
    "The request body is not valid JSON.": "পাঠানো তথ্য পড়া গেল না।",
    "The request body must be a JSON object.": "পাঠানো তথ্য সঠিক আকারে নেই।",
    "The request body nests deeper than {depth} levels.": "পাঠানো তথ্যে {depth} স্তরের বেশি ভেতরের অংশ আছে।",
    "Text may not contain NUL characters.": "লেখায় NUL অক্ষর থাকতে পারবে না।",
    "Field names may not contain NUL characters.": "ঘরের নামে NUL অক্ষর থাকতে পারবে না।",
    "Use a 24-hour time like 09:30.": "২৪ ঘণ্টার হিসেবে সময় লিখুন, যেমন ০৯:৩০।",
    "Enter the 6-digit code from your app, or a recovery code.":
        "আপনার অ্যাপের ৬ অঙ্কের কোড, অথবা একটি রিকভারি কোড লিখুন।",
    "Give a record id (a whole number).": "একটি রেকর্ড নম্বর দিন (পূর্ণ সংখ্যা)।",

    # ---- logging in and the account -------------------------------------------------------------
    "Please log in again.": "অনুগ্রহ করে আবার লগ ইন করুন।",
    "The email or password is not correct.": "ইমেইল বা পাসওয়ার্ড সঠিক নয়।",
    "This account has been deactivated. Please contact the clinic.":
        "এই অ্যাকাউন্টটি বন্ধ করা হয়েছে। অনুগ্রহ করে ক্লিনিকের সঙ্গে যোগাযোগ করুন।",
    "This area is not available to your account.": "আপনার অ্যাকাউন্ট থেকে এই অংশটি খোলা যায় না।",
    "This account has no {role} profile.": "এই অ্যাকাউন্টের সঙ্গে এই অংশের প্রোফাইল যুক্ত নেই।",
    "The request is missing a valid CSRF token. Reload the page and try again.":
        "নিরাপত্তার কারণে অনুরোধটি গ্রহণ করা যায়নি। পাতাটি আবার লোড করে চেষ্টা করুন।",
    "Too many attempts. Please wait a few minutes and try again.":
        "অনেকবার চেষ্টা করা হয়েছে। কয়েক মিনিট অপেক্ষা করে আবার চেষ্টা করুন।",
    "Too many attempts. Please try again in 1 minute.": "অনেকবার চেষ্টা করা হয়েছে। ১ মিনিট পরে আবার চেষ্টা করুন।",
    "Too many attempts. Please try again in {minutes} minutes.":
        "অনেকবার চেষ্টা করা হয়েছে। {minutes} মিনিট পরে আবার চেষ্টা করুন।",
    "The current password is not correct.": "বর্তমান পাসওয়ার্ডটি সঠিক নয়।",
    "This link is no longer valid. It may have been used already or expired; ask for a new one.":
        "এই লিংকটি আর কাজ করে না। হয়তো আগেই ব্যবহার হয়েছে বা মেয়াদ শেষ হয়ে গেছে; নতুন একটি লিংক চেয়ে নিন।",
    "This is already your email address.": "এটি তো আপনার বর্তমান ইমেইল ঠিকানাই।",
    "Your email address is already confirmed.": "আপনার ইমেইল ঠিকানা আগেই নিশ্চিত করা হয়েছে।",
    "No such user.": "এই ব্যবহারকারীকে পাওয়া যায়নি।",
    "This person has no email address. Add one first.": "এই ব্যক্তির কোনো ইমেইল ঠিকানা নেই। আগে একটি যোগ করুন।",
    "This account is deactivated. Reactivate it first.": "এই অ্যাকাউন্টটি বন্ধ আছে। আগে এটি আবার চালু করুন।",
    "This patient already has a login. Send them a password reset link instead.":
        "এই রোগীর আগেই লগ ইন আছে। তার বদলে পাসওয়ার্ড রিসেটের লিংক পাঠান।",
    "You cannot deactivate your own account.": "নিজের অ্যাকাউন্ট আপনি নিজে বন্ধ করতে পারবেন না।",
    "Set up two-factor login in Settings before you continue.":
        "চালিয়ে যাওয়ার আগে সেটিংস থেকে দুই-ধাপের লগ ইন চালু করুন।",
    "Two-factor login is already on.": "দুই-ধাপের লগ ইন আগেই চালু আছে।",
    "Two-factor login is already on. Turn it off first to use another device.":
        "দুই-ধাপের লগ ইন আগেই চালু আছে। অন্য ডিভাইস ব্যবহার করতে আগে এটি বন্ধ করুন।",
    "Two-factor login is not on.": "দুই-ধাপের লগ ইন চালু নেই।",
    "Two-factor login is required for your account.": "আপনার অ্যাকাউন্টে দুই-ধাপের লগ ইন রাখা বাধ্যতামূলক।",
    "Start the set-up first.": "আগে সেট আপ শুরু করুন।",
    "That code is not correct.": "কোডটি সঠিক নয়।",
    "That code is not correct. Enter the 6 digits your app shows now.":
        "কোডটি সঠিক নয়। আপনার অ্যাপে এখন যে ৬টি অঙ্ক দেখাচ্ছে সেগুলো লিখুন।",
    "Not correct.": "সঠিক নয়।",
    "This email address is too long.": "এই ইমেইল ঠিকানাটি অনেক লম্বা।",
    "Enter a plain email address like name@example.com, with no name, spaces, brackets or commas.":
        "শুধু ইমেইল ঠিকানাটি লিখুন, যেমন name@example.com; নাম, স্পেস, বন্ধনী বা কমা ছাড়া।",
    "Our mail server cannot deliver to an address with accents or other special letters before the @. "
    "Please use an address with only plain letters, digits and . _ + - before the @.":
        "@ চিহ্নের আগে বিশেষ বা উচ্চারণ-চিহ্নযুক্ত অক্ষর থাকলে আমাদের মেইল সার্ভার সেই ঠিকানায় পাঠাতে পারে না। "
        "@ চিহ্নের আগে শুধু সাধারণ ইংরেজি অক্ষর, অঙ্ক এবং . _ + - আছে এমন ঠিকানা ব্যবহার করুন।",

    # ---- doctors, patients and the directory ----------------------------------------------------
    "No such doctor.": "এই ডাক্তারকে পাওয়া যায়নি।",
    "No such patient.": "এই রোগীকে পাওয়া যায়নি।",
    "No such specialization.": "এই বিশেষত্বটি পাওয়া যায়নি।",
    "The date of birth cannot be in the future.": "জন্মতারিখ ভবিষ্যতের হতে পারে না।",
    "This field cannot be empty.": "এই ঘরটি খালি রাখা যাবে না।",
    "This doctor is not taking appointments.": "এই ডাক্তার এখন অ্যাপয়েন্টমেন্ট নিচ্ছেন না।",

    # ---- booking, moving and cancelling ---------------------------------------------------------
    "No such appointment.": "এই অ্যাপয়েন্টমেন্টটি পাওয়া যায়নি।",
    "No such slot.": "এই সময়টি পাওয়া যায়নি।",
    "No such assessment.": "এই উপসর্গ যাচাইটি পাওয়া যায়নি।",
    "This time has already passed.": "এই সময়টি পার হয়ে গেছে।",
    "This date is beyond the booking horizon.": "এই তারিখের জন্য এখনও বুকিং খোলা হয়নি।",
    "Appointments must be booked at least {minutes} minutes ahead.":
        "অ্যাপয়েন্টমেন্ট কমপক্ষে {minutes} মিনিট আগে বুক করতে হয়।",
    "Appointments can be booked up to {days} days ahead.":
        "সর্বোচ্চ {days} দিন আগে পর্যন্ত অ্যাপয়েন্টমেন্ট বুক করা যায়।",
    "Appointments can be changed or cancelled up to {hours} hours before they start.":
        "অ্যাপয়েন্টমেন্ট শুরুর {hours} ঘণ্টা আগে পর্যন্ত বদলানো বা বাতিল করা যায়।",
    "You can hold at most {limit} upcoming appointments.":
        "একসঙ্গে সর্বোচ্চ {limit}টি আসন্ন অ্যাপয়েন্টমেন্ট রাখা যায়।",
    "You already have an appointment at this time.": "এই সময়ে আপনার আগে থেকেই একটি অ্যাপয়েন্টমেন্ট আছে।",
    "The clinic is very busy right now. Please try again.": "ক্লিনিকে এখন খুব ভিড়। অনুগ্রহ করে আবার চেষ্টা করুন।",
    "Only a booked appointment can be cancelled.": "শুধু বুক করা অ্যাপয়েন্টমেন্টই বাতিল করা যায়।",
    "Only a booked appointment can be moved.": "শুধু বুক করা অ্যাপয়েন্টমেন্টেরই সময় বদলানো যায়।",
    "Only a booked appointment can be given an outcome.": "শুধু বুক করা অ্যাপয়েন্টমেন্টেরই ফলাফল লেখা যায়।",
    "The appointment is already at this time.": "অ্যাপয়েন্টমেন্টটি এমনিতেই এই সময়ে আছে।",
    "This appointment has already started; record its outcome instead.":
        "এই অ্যাপয়েন্টমেন্টটি শুরু হয়ে গেছে; তার বদলে এর ফলাফল লিখুন।",
    "This appointment has not started yet.": "এই অ্যাপয়েন্টমেন্টটি এখনও শুরু হয়নি।",
    "The follow-up must be after the appointment date.": "ফলো-আপের তারিখ অ্যাপয়েন্টমেন্টের তারিখের পরে হতে হবে।",
    "The date range is reversed.": "তারিখগুলো উল্টো দেওয়া হয়েছে।",
    "Must be on or after date_from.": "শুরুর তারিখের দিন বা তার পরের কোনো দিন হতে হবে।",
    "Must be on or after from.": "শুরুর তারিখের দিন বা তার পরের কোনো দিন হতে হবে।",
    "Cancel at most {days} days at once.": "একবারে সর্বোচ্চ {days} দিন বাতিল করা যায়।",
    "At most {days} days after date_from.": "শুরুর তারিখের পর সর্বোচ্চ {days} দিন।",
    "These days are over.": "এই দিনগুলো পার হয়ে গেছে।",
    "Choose today or a later day.": "আজ বা তার পরের কোনো দিন বেছে নিন।",

    # ---- the doctor's schedule ------------------------------------------------------------------
    "The weekly schedule is not valid.": "সাপ্তাহিক সময়সূচিটি ঠিক নেই।",
    "The end must be after the start.": "শেষের সময় শুরুর সময়ের পরে হতে হবে।",
    "This block overlaps another one on the same day.": "এই সময়টি একই দিনের আরেকটি সময়ের সঙ্গে মিলে যাচ্ছে।",
    "Slots cannot be added in the past.": "পার হয়ে যাওয়া সময়ে স্লট যোগ করা যায় না।",
    "The range is shorter than one {minutes}-minute slot.": "এই সময়টুকু একটি {minutes} মিনিটের স্লটের চেয়েও ছোট।",
    "This range overlaps the existing slot at {time}.": "এই সময়টি {time}-এর আগে থেকে থাকা স্লটের সঙ্গে মিলে যাচ্ছে।",
    "Ask for at most {days} days at a time.": "একবারে সর্বোচ্চ {days} দিনের তথ্য চাওয়া যায়।",
    "Range too long.": "সময়সীমাটি অনেক লম্বা।",
    "This slot is booked; cancel the appointment first.": "এই স্লটটি বুক করা আছে; আগে অ্যাপয়েন্টমেন্টটি বাতিল করুন।",

    # ---- symptom checks and photos --------------------------------------------------------------
    "This assessment is not ready yet. Answer its questions once the result is shown.":
        "যাচাইয়ের ফল এখনও তৈরি হয়নি। ফল দেখানোর পরে প্রশ্নগুলোর উত্তর দিন।",
    "Some answers could not be used. Please check them.": "কিছু উত্তর ব্যবহার করা গেল না। অনুগ্রহ করে সেগুলো দেখে নিন।",
    "This question was not asked in this assessment.": "এই যাচাইয়ে এই প্রশ্নটি করা হয়নি।",
    "This question cannot be answered here.": "এই প্রশ্নের উত্তর এখানে দেওয়া যায় না।",
    "Answer yes or no.": "হ্যাঁ বা না দিয়ে উত্তর দিন।",
    "Answer with a number.": "একটি সংখ্যা দিয়ে উত্তর দিন।",
    "Answer with a number in years.": "বছরের হিসেবে একটি সংখ্যা দিয়ে উত্তর দিন।",
    "Answer with a number in days.": "দিনের হিসেবে একটি সংখ্যা দিয়ে উত্তর দিন।",
    "Answer with a number in °C.": "ডিগ্রি সেলসিয়াসে (°C) একটি সংখ্যা দিয়ে উত্তর দিন।",
    "That number is outside the possible range.": "এই সংখ্যাটি সম্ভাব্য সীমার বাইরে।",
    "Choose one of: {options}.": "এগুলোর একটি বেছে নিন: {options}।",
    "No such photo.": "ছবিটি পাওয়া যায়নি।",
    "The photo has expired or is not valid. Add it again.":
        "ছবিটির মেয়াদ শেষ হয়ে গেছে বা এটি ঠিক নেই। আবার যোগ করুন।",
    "Add the photo again.": "ছবিটি আবার যোগ করুন।",
    "The photo is larger than 5 MB. Take it again at a lower resolution.":
        "ছবিটি ৫ MB-এর চেয়ে বড়। কম রেজোলিউশনে আবার তুলুন।",
    "At most 5 MB.": "সর্বোচ্চ ৫ MB।",
    "The photo has too many pixels.": "ছবিটিতে অনেক বেশি পিক্সেল আছে।",
    "At most 40 megapixels.": "সর্বোচ্চ ৪০ মেগাপিক্সেল।",
    "The photo must be a JPEG, PNG or WebP image.": "ছবিটি JPEG, PNG বা WebP হতে হবে।",
    "Send the photo as image/jpeg, image/png or image/webp.": "ছবিটি image/jpeg, image/png বা image/webp হিসেবে পাঠান।",

    # ---- exports, email and the admin's tools ---------------------------------------------------
    "You can start {per_hour} exports an hour. Please try again in {minutes} minutes; "
    "your last exports are still available to download.":
        "এক ঘণ্টায় {per_hour}টি এক্সপোর্ট শুরু করা যায়। {minutes} মিনিট পরে আবার চেষ্টা করুন; "
        "আগের এক্সপোর্টগুলো এখনও ডাউনলোড করা যাবে।",
    "Exports are unavailable right now. Please try again in a few minutes.":
        "এক্সপোর্ট এখন করা যাচ্ছে না। কয়েক মিনিট পরে আবার চেষ্টা করুন।",
    "This export is not ready yet.": "এক্সপোর্টটি এখনও তৈরি হয়নি।",
    "This export has expired. Please start a new one.": "এই এক্সপোর্টের মেয়াদ শেষ। অনুগ্রহ করে নতুন একটি শুরু করুন।",
    "No such job.": "এই কাজটি পাওয়া যায়নি।",
    "No such email.": "এই ইমেইলটি পাওয়া যায়নি।",
    "No such message.": "এই বার্তাটি পাওয়া যায়নি।",
    "Choose a date between {first} and {last}.": "{first} থেকে {last} সালের মধ্যে একটি তারিখ বেছে নিন।",
    "Log in as an admin or send the health token.": "অ্যাডমিন হিসেবে লগ ইন করুন অথবা হেলথ টোকেন পাঠান।",
    "This health token is not valid.": "এই হেলথ টোকেনটি সঠিক নয়।",

    # ---- emergency resources and their CSV import -----------------------------------------------
    "No such resource.": "এই সেবাটি পাওয়া যায়নি।",
    "Use one of: {kinds}.": "এগুলোর একটি ব্যবহার করুন: {kinds}।",
    "Give both lat and lon, or neither.": "অক্ষাংশ (lat) ও দ্রাঘিমাংশ (lon) দুটিই দিন, নয়তো কোনোটিই নয়।",
    "Required with the other coordinate.": "অন্য স্থানাঙ্কটি দিলে এটিও দিতে হবে।",
    "Give both latitude and longitude, or neither.": "অক্ষাংশ ও দ্রাঘিমাংশ দুটিই দিন, নয়তো কোনোটিই নয়।",
    "A phone number has digits, spaces, dashes, brackets and an optional leading +.":
        "ফোন নম্বরে অঙ্ক, স্পেস, ড্যাশ, বন্ধনী এবং চাইলে শুরুতে একটি + থাকে।",
    "Use language codes such as bn or en.": "ভাষার কোড ব্যবহার করুন, যেমন bn বা en।",
    "Send the file as text/csv.": "ফাইলটি text/csv হিসেবে পাঠান।",
    "The file is not UTF-8 text. Save the spreadsheet as \"CSV UTF-8\" and try again.":
        "ফাইলটি UTF-8 লেখা নয়। স্প্রেডশিটটি \"CSV UTF-8\" হিসেবে সেভ করে আবার চেষ্টা করুন।",
    "The file is not a CSV text file.": "ফাইলটি CSV লেখার ফাইল নয়।",
    "The file has no rows to import.": "ফাইলে ইমপোর্ট করার মতো কোনো সারি নেই।",
    "The first line must name the columns.": "প্রথম লাইনে কলামগুলোর নাম থাকতে হবে।",
    "Missing column(s): {columns}.": "এই কলামগুলো নেই: {columns}।",
    "Unknown column(s): {columns}. Known: {known}.": "অচেনা কলাম: {columns}। চেনা কলামগুলো: {known}।",
    "Import at most {rows} rows at a time.": "একবারে সর্বোচ্চ {rows}টি সারি ইমপোর্ট করা যায়।",
    "This row has more values than the header has columns.": "এই সারিতে কলামের চেয়ে বেশি মান আছে।",
    "{count} row(s) have problems ({lines}). Nothing was imported; correct them and import the file again.":
        "{count}টি সারিতে সমস্যা আছে ({lines})। কিছুই ইমপোর্ট করা হয়নি; সেগুলো ঠিক করে ফাইলটি আবার ইমপোর্ট করুন।",
}
