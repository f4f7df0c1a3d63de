// Bangla messages for the server error codes, shown in the reader's language. Every key here must also be in ../en/errors.js.
// The server answers its own messages in the reader's language (api.js sends Accept-Language); these are
// the few the app writes itself: no connection, or an answer without the error shape.
export default {
  'errors.network': 'CareQueue-এর সঙ্গে যোগাযোগ করা যাচ্ছে না। আপনার ইন্টারনেট সংযোগ দেখে আবার চেষ্টা করুন।',
  'errors.status_400': 'কিছু তথ্য সঠিক নয়।',
  'errors.status_401': 'চালিয়ে যেতে অনুগ্রহ করে লগ ইন করুন।',
  'errors.status_403': 'এটি দেখার অনুমতি আপনার নেই।',
  'errors.status_404': 'এটি খুঁজে পাওয়া যায়নি।',
  'errors.status_409': 'এটি বর্তমান অবস্থার সঙ্গে মিলছে না। পাতাটি রিফ্রেশ করে আবার চেষ্টা করুন।',
  'errors.status_413': 'এটি অনেক বড়।',
  'errors.status_429': 'অনেকবার চেষ্টা করা হয়েছে। একটু অপেক্ষা করে আবার চেষ্টা করুন।',
  'errors.status_503': 'সেবাটি সাময়িকভাবে বন্ধ আছে। একটু পরে আবার চেষ্টা করুন।',
  'errors.status_other': 'কিছু একটা সমস্যা হয়েছে ({status})।',
  'errors.doctor_not_found': 'এই ডাক্তারকে খুঁজে পাওয়া যায়নি।',
}
