//! Checkable claims: sentences that assert figures, dates, events,
//! decisions, plans, comparisons or causes.
//!
//! News prose is mostly checkable: in annotated news nearly every reported
//! or narrated sentence is a claim, and what is left out is opinion,
//! questions, quoted chatter, headings and page noise. So the detector
//! scores each sentence with cheap cues found in one pass over its tokens
//! (figures, number words, percentages, money, dates, event, decision and
//! plan verbs, comparisons, causes, attribution) against negative cues
//! (questions, opinion and feeling words, prayers and thanks, first person
//! inside quotes), and a sentence's shape decides how much evidence it
//! needs: a body sentence of narrated prose needs little, a sentence that
//! is mostly a direct quote or a short heading line needs concrete figures
//! or a dated event.
//!
//! Lexicon entries are written as they appear in text and folded once
//! ([`crate::chars::fold`]) into one map per language the first time they
//! are used; a lookup is one to three probes of a fingerprint table on a
//! token's matching form (Arabic clitics و ف ب ل ك ال are stripped to find
//! the stem).

use crate::fasthash::{FastMap, FastSet, Fnv};
use std::hash::Hasher;
use std::sync::OnceLock;

use crate::chars::{fold, is_quote_mark, is_sentence_end};
use crate::model::{ClaimCategory, ClaimInfo, Lang, Span};
use crate::quotes::FoundQuote;
use crate::segment::Sentence;
use crate::tokens::TokenKind;
use crate::Prepared;

// Cue bits a word can carry.
const STAT: u32 = 1 << 0; // number word, unit, currency
const PERCENT: u32 = 1 << 1;
const DATE: u32 = 1 << 2; // weekday, month, today/yesterday
const EVENT: u32 = 1 << 3; // past-tense action verb
const DECISION: u32 = 1 << 4;
const PLAN: u32 = 1 << 5;
const COMPARISON: u32 = 1 << 6;
const CAUSAL: u32 = 1 << 7;
const ATTRIB: u32 = 1 << 8; // said, according to: reported facts
const OPINION: u32 = 1 << 9; // think, hope, should, glad, praise
const FIRST: u32 = 1 << 10; // first-person pronoun or verb form
const ASK: u32 = 1 << 11; // interrogative word (only counts at the start)
const PIETY: u32 = 1 << 12; // prayers, thanks, greetings (tweets)
const MONTH: u32 = 1 << 13; // month name: a small number next to it is a day
const HEDGE: u32 = 1 << 14; // could, may, might, pourrait
const AUX: u32 = 1 << 15; // French auxiliary before a participle
const NUMWORD: u32 = 1 << 16; // small number word (two, deux, ثلاث)
const BYLINE: u32 = 1 << 17; // "By", "Par", "كتب" opening a credit line
const INFORMAL: u32 = 1 << 18; // dialect and chat words (tweets, comments)
const MAGNITUDE: u32 = 1 << 19; // thousand, million, dozens: a count by itself

/// The folded words of one language and their cue bits, as built.
type WordMap = FastMap<String, u32>;

/// A word's fixed-size fingerprint: its length and bytes read from both
/// ends. For a word of at most [`SHORT`] bytes the reads cover every byte,
/// so equal fingerprints mean equal words and a lookup needs no string
/// comparison.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

/// Longest word whose fingerprint is the word itself.
const SHORT: usize = 16;

impl Key {
    #[inline]
    fn of(w: &[u8]) -> Key {
        let n = w.len();
        let (head, tail) = if n >= 8 {
            (read8(&w[..8]), read8(&w[n - 8..]))
        } else if n >= 4 {
            (u64::from(read4(&w[..4])), u64::from(read4(&w[n - 4..])))
        } else if n > 0 {
            // One to three bytes: the first, the middle and the last.
            let b = |i: usize| u64::from(w[i]);
            (b(0) | b(n / 2) << 8 | b(n - 1) << 16, 0)
        } else {
            (0, 0)
        };
        Key { len: n, head, tail }
    }

    #[inline]
    fn hash(&self) -> u64 {
        (self.head.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ self.tail ^ self.len as u64)
            .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
    }
}

#[inline]
fn read8(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    u64::from_le_bytes(a)
}

#[inline]
fn read4(b: &[u8]) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(b);
    u32::from_le_bytes(a)
}

/// The cue lexicon of one language. A token is looked up once or more for
/// every word of every sentence, so short words (nearly all of them) go to
/// an open-addressing table of fingerprints: one hash of two loads and a
/// few compares, with no hashing of the bytes one by one and no string
/// comparison. Longer words fall back to an ordinary map.
struct Lexicon {
    /// Power-of-two table of short words; `len == 0` marks a free slot.
    slots: Vec<(Key, u32)>,
    shift: u32,
    /// Words longer than [`SHORT`] bytes.
    long: WordMap,
    /// The bits of the empty word, should a lexicon entry fold to nothing
    /// (a token of tatweel alone has an empty matching form).
    empty: Option<u32>,
}

impl Lexicon {
    fn new(map: WordMap) -> Lexicon {
        let short = map.keys().filter(|w| w.len() <= SHORT).count();
        let size = (short * 4).next_power_of_two().max(16);
        let mut lex = Lexicon {
            slots: vec![(Key::default(), 0); size],
            shift: 64 - size.trailing_zeros(),
            long: WordMap::default(),
            empty: map.get("").copied(),
        };
        for (w, bits) in map {
            if w.is_empty() {
                continue;
            }
            if w.len() > SHORT {
                lex.long.insert(w, bits);
                continue;
            }
            let key = Key::of(w.as_bytes());
            let mask = size - 1;
            let mut i = (key.hash() >> lex.shift) as usize;
            while lex.slots[i].0.len != 0 {
                i = (i + 1) & mask;
            }
            lex.slots[i] = (key, bits);
        }
        lex
    }

    /// The cue bits of a folded word, if it is listed.
    #[inline]
    fn get(&self, w: &str) -> Option<u32> {
        if w.len() > SHORT {
            return self.long.get(w).copied();
        }
        if w.is_empty() {
            return self.empty;
        }
        let key = Key::of(w.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = (key.hash() >> self.shift) as usize;
        loop {
            let (k, bits) = &self.slots[i];
            if *k == key {
                return Some(*bits);
            }
            if k.len == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

fn build(groups: &[(u32, &[&str])]) -> WordMap {
    let mut map = WordMap::default();
    for (bits, words) in groups {
        for w in *words {
            *map.entry(fold(w)).or_insert(0) |= bits;
        }
    }
    map
}

/// Arabic verbs are listed as the masculine singular perfect; the
/// feminine (ت), plural (وا) and dual (ا، تا) forms and the imperfect are
/// generated.
fn build_ar() -> WordMap {
    let mut map = build(AR_WORDS);
    for (bits, stems) in AR_VERBS {
        for stem in *stems {
            let stem = fold(stem);
            for suffix in ["", "ت", "وا", "ا", "تا"] {
                *map.entry(format!("{stem}{suffix}")).or_insert(0) |= bits;
            }
            // The imperfect, which headlines use for past events (يعلن،
            // تسمح): the person prefix replaces a leading alef (أعلن →
            // يعلن، استهدف → يستهدف) or is added (قرر → يقرر).
            let base = stem.strip_prefix('ا').unwrap_or(&stem);
            for prefix in ["ي", "ت"] {
                for suffix in ["", "ون", "ان"] {
                    *map.entry(format!("{prefix}{base}{suffix}")).or_insert(0) |= bits;
                }
            }
        }
    }
    map
}

#[rustfmt::skip]
const AR_VERBS: &[(u32, &[&str])] = &[
    (
        EVENT,
        &[
            "قتل", "اعتقل", "أعلن", "سجل", "وقع", "حدث", "انفجر", "استهدف", "هاجم", "أطلق",
            "فاز", "خسر", "وصل", "غادر", "التقى", "زار", "افتتح", "أصيب", "توفي", "نفى", "كشف",
            "ارتفع", "انخفض", "تراجع", "بلغ", "صرف", "حلل", "أجرى", "أقيم", "تمكن", "عقد",
            "استقبل", "ترأس", "شارك", "اندلع", "دمر", "أسفر", "سقط", "قصف", "اغتال", "أفرج",
            "اختطف", "انسحب", "دخل", "سيطر", "هبط", "صعد", "زاد", "نقص", "تجاوز", "تسلم",
            "تلقى", "سلم", "أرسل", "نشر", "وجد", "أظهر", "رصد", "ضبط", "أحبط", "انتخب",
            "استقال", "أقال", "عين", "وقّع", "أنهى", "بدأ", "انطلق", "اصطدم", "تعرض", "فقد",
            "نجا", "هرب", "حصل", "أنتج", "طور", "اكتشف", "أنشأ", "دفع", "باع", "اشترى",
            "استورد", "صدر", "أغلق", "فتح", "اجتمع", "ناقش", "بحث", "تعادل", "تأهل", "أصدر",
            "استنكر", "أخفى", "تسبب", "أكمل", "نفذ", "جرى", "شهد", "سجلت", "أجريت", "قام",
            "تمت", "جاء", "جاءت", "تجمع", "احتج", "تظاهر", "أضرب", "اقتحم", "داهم", "حاصر",
            "انتشر", "أودى", "خلف", "ذهب", "عاد", "أعاد", "ألقى", "أنقذ", "توصل", "طرد",
            "أبعد", "تولى", "نال", "منح", "تبرع", "خصص", "رفع", "خفض", "أطاح", "صادر", "جمد",
            "أعدم", "حكم", "أدين", "برأ", "عثر", "فحص", "اختبر",
        ],
    ),
    (
        DECISION,
        &[
            "قرر", "وافق", "أقر", "أصدر", "قضى", "قضت", "صادق", "اعتمد", "ألغى", "فرض", "منع",
            "سمح", "أمر", "حظر", "رفض", "أجاز", "مدد", "علق", "أوقف", "حكم", "أيد", "صوت",
            "أقرت", "أعفى", "شرع",
        ],
    ),
    (
        ATTRIB,
        &[
            "قال", "أكد", "أوضح", "أشار", "ذكر", "أفاد", "صرح", "أضاف", "لفت", "بين", "نقل",
            "أبلغ", "أخبر", "كشف", "أعلن", "نفى", "اعترف", "أورد", "روى",
        ],
    ),
    (
        OPINION,
        &["أشاد", "أعرب", "تمنى", "هنأ", "استحق", "اعتبر", "رأى"],
    ),
    (HEDGE, &["دعا", "طالب", "ناشد", "حث", "حذر"]),
    (PLAN, &["تعهد", "وعد", "اعتزم", "خطط", "عزم"]),
];

#[rustfmt::skip]
const AR_WORDS: &[(u32, &[&str])] = &[
    (
        MAGNITUDE,
        &[
            "ألف", "آلاف", "ألفا", "الاف", "مليون", "ملايين", "مليونا", "مليار", "مليارات",
            "مليارا", "عشرات", "مئات", "بليون", "تريليون",
        ],
    ),
    (
        STAT,
        &[
            "مئة", "مائة", "مئتي", "مائتي", "مئتين",
            "دولار", "دولارا", "دولارات", "يورو", "ريال", "ريالا", "جنيه", "جنيها",
            "دينار", "دينارا", "درهم", "درهما", "ليرة", "ليرات", "فرنك", "روبل", "برميل", "طن",
            "أطنان", "كيلومتر", "كيلومترا", "كلم", "متر", "مترا", "كيلوغرام", "نقطة", "نقاط",
            "حالة", "حالات", "ضعف", "أضعاف", "نصف", "ربع", "ثلث", "إجمالي", "معدل", "نسبة",
            "بنسبة", "سنتيمتر", "سم", "كيلو", "جرعة", "جرعات", "إصابة", "إصابات", "وفاة",
            "وفيات", "قتيلا", "قتلى", "جرحى", "مصابا", "عاما", "سنة", "سنوات", "أعوام", "شهرا",
            "أشهر", "يوما", "أيام", "ساعة", "ساعات", "دقيقة",
        ],
    ),
    (
        NUMWORD,
        &[
            "اثنان", "اثنين", "اثنتين", "ثلاث", "ثلاثة", "أربع", "أربعة", "خمس", "خمسة", "ست",
            "ستة", "سبع", "سبعة", "ثماني", "ثمانية", "تسع", "تسعة", "عشر", "عشرة", "عشرين",
            "عشرون", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين", "حالتين",
            "مرتين", "عامين", "يومين", "شهرين", "سنتين",
        ],
    ),
    (
        PERCENT,
        &["بالمئة", "بالمائة", "المئة", "المائة", "بالمية", "٪"],
    ),
    (
        DATE,
        &[
            "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
            "اليوم", "أمس", "البارحة", "غدا", "الماضي", "الماضية", "المقبل", "المقبلة",
            "الجاري", "الحالي", "صباح", "مساء", "فجر", "ظهر", "عام", "العام", "مطلع", "منتصف",
            "أواخر", "أوائل", "الليلة", "يوم", "تاريخ", "بتاريخ",
        ],
    ),
    (
        DATE | MONTH,
        &[
            "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو",
            "يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار",
            "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين", "جانفي", "فيفري",
            "أفريل", "ماي", "جوان", "جويلية", "أوت", "محرم", "رمضان", "شوال",
        ],
    ),
    (
        COMPARISON,
        &[
            "أكثر", "أقل", "أعلى", "أدنى", "أكبر", "أصغر", "أول", "أولى", "أفضل", "أسوأ",
            "قياسي", "قياسية", "مقارنة", "بالمقارنة", "مقابل", "أطول", "أقصر", "أسرع",
            "الأكبر", "الأعلى", "الأول", "ارتفاع", "انخفاض", "زيادة", "تراجع", "مرتفعا",
            "منخفضا", "مرتفعة", "منخفضة", "بمقدار", "يفوق", "تفوق", "يتجاوز",
        ],
    ),
    (
        CAUSAL,
        &[
            "بسبب", "نتيجة", "جراء", "إثر", "أدى", "يؤدي", "تسبب", "لذلك", "بفعل",
        ],
    ),
    (
        PLAN,
        &[
            "سيتم", "سوف", "يعتزم", "تعتزم", "يخطط", "تخطط", "خطة", "ستقوم", "سيقوم", "ستبدأ",
            "سيبدأ", "سيعقد", "ستعقد", "سيصل", "ستصل", "المرتقب", "المرتقبة",
        ],
    ),
    (
        EVENT,
        &[
            "تم", "يتم", "تسجيل", "إطلاق", "مقتل", "اعتقال", "هجوم", "انفجار", "حادث",
            "اجتماع", "زيارة", "وصول", "انطلاق", "حكم", "قرار", "إعلان", "توقيع", "تعيين",
            "استقالة", "وفاة", "فوز", "هزيمة", "تنفي", "ينفي", "يعلن", "تعلن", "تقضي", "يقضي",
            "يتلقى", "تتلقى", "ينعي", "يؤكد", "تؤكد", "يكشف", "تكشف", "فوزه",
        ],
    ),
    (
        ATTRIB,
        &[
            "حسب", "بحسب", "وفقا", "وفق", "طبقا", "نقلا", "بيان", "تقرير", "مصادر", "مصدر",
            "المتحدث", "الناطق",
        ],
    ),
    (
        DECISION,
        &[
            "قرار", "حكم", "مرسوم", "قانون", "بالسجن", "بسجن", "بالإعدام", "غرامة",
        ],
    ),
    (
        OPINION,
        &[
            "يجب", "ينبغي", "أعتقد", "نعتقد", "أتمنى", "نتمنى", "نأمل", "آمل", "أرجو", "نرجو",
            "أظن", "أتوقع", "رأيي", "سعيد", "سعيدة", "سعادته", "سعادتها", "حزين", "حزينة",
            "أحب", "نحب", "أريد", "نريد", "رائع", "رائعة", "جميل", "جميلة", "للأسف", "مأساوية",
            "أشكر", "نشكر", "شكرا", "عظيمة", "عظيم", "يستحق", "تستحق", "يستاهل", "لازم",
            "أتوقع", "احساس", "مبروك", "مقتنع", "رضاه",
        ],
    ),
    (
        PIETY,
        &[
            "اللهم", "يارب", "رب", "الحمدلله", "الحمد", "لله", "بإذن", "إن شاء", "سبحان",
            "صباح الخير", "مساء الخير", "السلام", "عليكم", "اللّهم", "آمين", "ربي", "تبارك",
            "رحمه", "رحمة", "شكرا", "الشكر", "وشكر", "التقدير",
        ],
    ),
    (
        FIRST,
        &[
            "أنا", "نحن", "لدي", "لدينا", "عندي", "عندنا", "لي", "لنا", "إنني", "إننا", "أني",
            "أننا", "لست", "كنت", "أخذت", "تطعمت", "حجزت", "جربت", "شعرت", "رأيت", "قلت",
            "ابي", "أبي", "امي", "أمي", "والدتي", "والدي", "زوجي", "زوجتي", "ودي", "اود",
            "أود", "حابه", "حاب",
        ],
    ),
    (
        ASK,
        &[
            "هل", "كيف", "لماذا", "ماذا", "متى", "أين", "ما", "كم", "ماهي", "ماهو", "وش",
            "ليش", "شلون",
        ],
    ),
    (
        HEDGE,
        &["قد", "ربما", "يمكن", "يمكنكم", "ممكن", "لعل", "يحتمل"],
    ),
    // Colloquial words: social-media chatter rather than reporting.
    (
        INFORMAL,
        &[
            "مش", "رح", "راح", "ايش", "إيش", "مدري", "بس", "يعني", "هيك", "ده", "اللي", "عشان",
            "علشان", "هالشي", "ياخي", "والله", "ههه", "هههه", "ياعرب", "شي", "مو", "ماني",
            "احنا", "إحنا", "نبي", "ابغى", "أبغى", "بدي",
        ],
    ),
    (
        BYLINE,
        &[
            "كتب", "كتبت", "بقلم", "تصوير", "المصدر", "شارك", "تابعونا", "اقرأ", "تعليق",
            "شاهد", "إليكم", "إليك",
        ],
    ),
];

#[rustfmt::skip]
const EN_WORDS: &[(u32, &[&str])] = &[
    (
        MAGNITUDE,
        &[
            "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
            "trillion", "dozens",
        ],
    ),
    (
        STAT,
        &[
            "hundred",
            "dozen", "scores", "dollars", "dollar", "euros",
            "pounds", "cents", "barrels", "tonnes", "tons", "kilometres", "kilometers",
            "miles", "percentage", "points", "point", "half", "third", "quarter", "average",
            "total", "rate", "eps", "revenue", "per", "bn", "mn", "km", "kg",
        ],
    ),
    (
        NUMWORD,
        &[
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            "twice", "first", "second", "fourth", "fifth",
        ],
    ),
    (PERCENT, &["percent", "per cent", "%", "pct"]),
    (
        DATE,
        &[
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "today", "yesterday", "tomorrow", "tonight", "week", "weekend", "month", "year",
            "morning", "evening", "afternoon", "night", "last", "earlier", "ago", "since",
            "pm", "am", "midday", "noon", "decade", "quarter", "annual",
        ],
    ),
    (
        DATE | MONTH,
        &[
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        ],
    ),
    (
        COMPARISON,
        &[
            "more", "less", "fewer", "than", "higher", "lower", "highest", "lowest", "largest",
            "biggest", "smallest", "record", "compared", "versus", "increase", "decrease",
            "rise", "rose", "fell", "drop", "dropped", "growth", "grew", "up", "down", "most",
            "least", "over", "under", "advantage", "lead", "leading", "gap", "surge", "slump",
            "better", "worse", "best", "worst", "largest", "top", "only",
        ],
    ),
    (
        CAUSAL,
        &[
            "because", "due", "caused", "causing", "led", "result", "resulted", "sparked",
            "forcing", "forced", "triggered", "attributes", "attributed", "thanks", "after",
            "amid", "impact", "aided",
        ],
    ),
    (
        PLAN,
        &[
            "will", "plans", "plan", "planned", "planning", "intends", "expected", "scheduled",
            "set", "announce", "announcement", "shall", "aims", "going", "proposed", "budget",
        ],
    ),
    (
        DECISION,
        &[
            "ruled", "approved", "decided", "voted", "passed", "signed", "banned", "ordered",
            "sentenced", "convicted", "acquitted", "rejected", "vetoed", "authorized",
            "authorised", "appointed", "fired", "dismissed", "imposed", "lifted", "suspended",
            "decision", "ruling", "verdict", "law", "court", "resolution", "sanctions",
        ],
    ),
    (
        ATTRIB,
        &[
            "said", "says", "told", "according", "stated", "announced", "reported", "added",
            "confirmed", "statement", "report", "reports", "show", "shows", "showed", "found",
            "released", "survey", "surveys", "poll", "polls", "data", "figures", "claimed",
            "described", "denied", "revealed", "estimated", "asserting",
        ],
    ),
    (
        EVENT,
        &[
            "was", "were", "had", "did", "took", "made", "won", "lost", "met", "left", "gave",
            "began", "came", "went", "held", "saw", "hit", "struck", "ran", "sold", "bought",
            "paid", "spent", "became", "broke", "brought", "built", "chose", "drove", "fought",
            "knew", "laid", "sent", "shot", "stood", "threw", "wrote", "withdrew", "flew",
            "killed", "arrested", "died", "attacked", "launched", "arrived", "visited",
            "happened", "occurred", "exited", "ended", "walked", "received", "released",
            "interrupted", "collapsed", "included", "generated", "has", "have", "been",
            "asked", "tried", "shifted", "approached", "scolded", "hinted", "got",
        ],
    ),
    (
        OPINION,
        &[
            "think", "believe", "believes", "hope", "hopes", "feel", "feels", "wish", "should",
            "must", "ought", "glad", "happy", "sad", "regret", "sorry", "love", "hate",
            "beautiful", "wonderful", "terrible", "amazing", "great", "understand", "opinion",
            "guess", "want", "rubbish", "idiot", "sure", "seems", "seem", "looks",
            "prerogative", "obviously", "surely",
        ],
    ),
    (
        FIRST,
        &[
            "i", "i'm", "i've", "i'll", "i'd", "we", "we're", "we'll", "we've", "me", "my", "us",
            "our", "you", "your",
        ],
    ),
    (
        ASK,
        &[
            "why", "how", "what", "who", "whom", "which", "whether", "is", "are", "do", "does",
            "can", "could", "would", "will", "should",
        ],
    ),
    (
        HEDGE,
        &[
            "could", "may", "might", "would", "perhaps", "maybe", "possibly", "allegedly",
            "urged", "called", "if",
        ],
    ),
    (
        PIETY,
        &[
            "thank", "thanks", "congratulations", "please", "pray", "god", "bless",
        ],
    ),
    (
        BYLINE,
        &[
            "by", "photo", "source", "share", "read", "related", "advertisement", "subscribe",
            "copyright", "here", "watch",
        ],
    ),
];

#[rustfmt::skip]
const FR_WORDS: &[(u32, &[&str])] = &[
    (
        MAGNITUDE,
        &[
            "milliers", "million", "millions", "milliard", "milliards", "dizaines",
            "centaines",
        ],
    ),
    (
        STAT,
        &[
            "cent", "cents", "mille",
            "dizaine", "centaine", "euros", "euro",
            "dollars", "francs", "cfa", "tonnes", "kilometres", "km", "kg", "moitie", "tiers",
            "quart", "total", "taux", "moyenne", "heures", "jours", "ans", "mois", "semaines",
            "minutes", "personnes", "victimes", "morts", "blesses", "montant", "budget",
        ],
    ),
    (
        NUMWORD,
        &[
            "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
            "douze", "quinze", "vingt", "trente", "quarante", "cinquante", "soixante",
            "premier", "premiere", "deuxieme", "troisieme",
        ],
    ),
    (PERCENT, &["pourcent", "pour cent", "%"]),
    (
        DATE,
        &[
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            "aujourd'hui", "hier", "demain", "semaine", "mois", "annee", "matin", "soir",
            "soiree", "nuit", "dernier", "derniere", "prochain", "prochaine", "depuis",
            "jusqu'a", "veille", "lendemain", "h", "heure",
        ],
    ),
    (
        DATE | MONTH,
        &[
            "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
            "septembre", "octobre", "novembre", "decembre",
        ],
    ),
    (
        COMPARISON,
        &[
            "plus", "moins", "superieur", "inferieur", "record", "hausse", "baisse",
            "augmente", "augmentation", "diminution", "compare", "comparaison", "davantage",
            "premier", "pire", "meilleur", "meilleure", "largement", "principal", "majorite",
        ],
    ),
    (
        CAUSAL,
        &[
            "cause", "raison", "suite", "provoque", "entraine", "consequence", "grace", "afin",
            "car", "puisque", "donc", "conduit",
        ],
    ),
    (
        PLAN,
        &[
            "va", "vont", "prevoit", "prevu", "prevue", "projet", "plan", "entrera", "sera",
            "seront", "compte", "envisage", "devrait", "demeureront", "pourra",
        ],
    ),
    (
        DECISION,
        &[
            "decide", "decision", "approuve", "adopte", "vote", "condamne", "ordonne", "interdit",
            "autorise", "signe", "nomme", "loi", "decret", "tribunal", "juge", "jugement",
            "arrete", "ferme", "fermer", "limiter", "suspendu", "prise",
        ],
    ),
    (
        ATTRIB,
        &[
            "selon", "declare", "affirme", "indique", "precise", "explique", "assure",
            "annonce", "rapporte", "communique", "rappele", "souligne", "ajoute", "confirme",
            "estime", "a dit", "affirment", "source",
        ],
    ),
    (
        OPINION,
        &[
            "pense", "crois", "espere", "souhaite", "regrette", "faut", "doit", "devons",
            "malheureuse", "sincerement", "amerement", "heureux", "content", "serein",
            "desastreuse", "scandaleuse", "inqualifiables", "conviens", "invite", "bien sur",
        ],
    ),
    (
        FIRST,
        &[
            "je", "j'", "nous", "moi", "mon", "ma", "mes", "notre", "nos", "j'ai", "j'en", "vous",
            "votre",
        ],
    ),
    (
        ASK,
        &[
            "pourquoi", "comment", "quand", "quel", "quelle", "quels", "quelles", "est-ce", "qui",
            "ou",
        ],
    ),
    (
        HEDGE,
        &[
            "pourrait", "pourraient", "peut-etre", "aurait", "auraient", "serait", "si",
        ],
    ),
    (
        AUX,
        &[
            "a", "ont", "avait", "avaient", "aura", "auront", "est", "sont", "etait", "etaient",
            "ete", "fut", "s'est", "se", "ai", "avons",
        ],
    ),
    (PIETY, &["merci", "bravo", "felicitations"]),
    (
        BYLINE,
        &[
            "par", "photo", "source", "partager", "lire", "publicite", "abonnez", "voici",
            "voila", "regardez",
        ],
    ),
];

fn lexicon(lang: Lang) -> &'static Lexicon {
    static AR: OnceLock<Lexicon> = OnceLock::new();
    static EN: OnceLock<Lexicon> = OnceLock::new();
    static FR: OnceLock<Lexicon> = OnceLock::new();
    match lang {
        Lang::Ar => AR.get_or_init(|| Lexicon::new(build_ar())),
        Lang::En => EN.get_or_init(|| Lexicon::new(build(EN_WORDS))),
        Lang::Fr => FR.get_or_init(|| Lexicon::new(build(FR_WORDS))),
    }
}

/// Cue bits of one folded word: the word itself, then for Arabic the word
/// without its conjunction (و ف), preposition (ب ل ك) and article (ال).
fn cues(lex: &Lexicon, arabic: bool, word: &str) -> u32 {
    if let Some(b) = lex.get(word) {
        return b;
    }
    if !arabic || word.len() < 6 {
        return 0;
    }
    let mut w = word;
    // Each Arabic letter is two bytes in UTF-8.
    if w.starts_with(['و', 'ف']) {
        w = &w[2..];
        if let Some(b) = lex.get(w) {
            return b;
        }
    }
    // The article only sits on nouns: verbs and pronouns never carry it.
    if let Some(r) = w
        .strip_prefix("بال")
        .or_else(|| w.strip_prefix("كال"))
        .or_else(|| w.strip_prefix("لل"))
        .or_else(|| w.strip_prefix("ال"))
    {
        if r.len() >= 4 {
            return lex.get(r).unwrap_or(0) & !(FIRST | ASK | HEDGE | AUX | BYLINE | OPINION);
        }
        return 0;
    }
    // A bare preposition (ب ل ك) is only stripped to find a figure, date or
    // comparison noun: stripping it from any word invents false stems
    // (كامل is not ك + آمل).
    if w.starts_with(['ب', 'ل', 'ك']) && w.len() >= 8 {
        return lex.get(&w[2..]).unwrap_or(0)
            & (STAT | PERCENT | DATE | MONTH | NUMWORD | COMPARISON | CAUSAL);
    }
    0
}

/// What a sentence's tokens say about it.
#[derive(Default, Debug)]
struct Features {
    /// Cue bits found anywhere in the sentence.
    bits: u32,
    /// Cue bits of the first word(s) (questions, bylines).
    lead: u32,
    /// Word tokens (letters).
    words: usize,
    /// Word tokens inside quotation marks.
    quoted_words: usize,
    /// Numbers that are figures (not years, times, dates or codes).
    figures: usize,
    /// Years, times, numeric dates, days next to a month.
    dates: usize,
    /// Numbers in codes, phone numbers and ranges glued by - or /.
    codes: usize,
    /// Money signs ($ € £).
    money: bool,
    /// Past participle after a French auxiliary, or an English -ed verb.
    past: usize,
    /// URLs and #hashtags (tweets).
    social: usize,
    /// @mentions (tweets): replies are conversation more than news.
    mentions: usize,
    /// Face emoji.
    faces: usize,
    /// Page-furniture separators (| •).
    separators: usize,
    /// Ends with ? or ؟ (in the span, after the body).
    question: bool,
    /// Ends with a colon: it introduces what follows.
    intro: bool,
}

/// Quote-mark state carried from sentence to sentence in a paragraph.
#[derive(Default, Clone, Copy)]
struct QuoteState {
    /// Inside quotation marks.
    inside: bool,
    /// The open quote follows a complementiser (قال إن “…”, said that
    /// "…", a dit que « … »): reported speech, which news annotators treat
    /// like narration, not like a speaker's own chatter.
    reported: bool,
}

/// Complementisers that turn a following quotation into reported speech.
fn is_complementiser(word: &str) -> bool {
    matches!(
        word,
        "ان" | "انه"
            | "انها"
            | "انهم"
            | "بان"
            | "بانه"
            | "بانها"
            | "وان"
            | "وانه"
            | "that"
            | "que"
            | "qu"
    )
}

fn scan(p: &Prepared, s: &Sentence, lang: Lang, state: &mut QuoteState) -> (Features, bool) {
    let lex = lexicon(lang);
    let arabic = lang == Lang::Ar;
    let toks = &p.tokens.list;
    let mut f = Features::default();
    let started_inside = state.inside && !state.reported;
    let (a, b) = s.tokens;
    let mut prev_bits = 0u32;
    let mut i = a;
    while i < b {
        let t = &toks[i];
        match t.kind {
            TokenKind::Word => {
                // The matching form is fetched once and shared by every
                // test below.
                let norm = p.norm(i);
                if is_url_start(p, i, norm) {
                    // A link says nothing checkable; skip it whole.
                    f.social += 1;
                    i += 1;
                    while i < b && !toks[i].space_before {
                        i += 1;
                    }
                    continue;
                }
                if i > a && !t.space_before && p.norm(i - 1) == "@" {
                    // A @mention is an address, not content.
                    i += 1;
                    continue;
                }
                f.words += 1;
                if state.inside && !state.reported {
                    f.quoted_words += 1;
                }
                let mut c = cues(lex, arabic, norm);
                if !arabic && c & EVENT == 0 {
                    c |= latin_past(lang, p, i, norm, prev_bits);
                }
                if c & EVENT != 0 && c & (ATTRIB | DECISION) == 0 {
                    f.past += 1;
                }
                // A number word counts as a figure only as a real count.
                if f.words <= 2 {
                    f.lead |= c;
                }
                f.bits |= c & !(ASK | BYLINE);
                prev_bits = c;
            }
            TokenKind::Number => {
                f.words += usize::from(f.words == 0);
                number(p, lang, i, a, b, &mut f);
                prev_bits = 0;
            }
            TokenKind::Punct => {
                let w = p.word(i);
                let c = w.chars().next().unwrap_or(' ');
                match c {
                    '%' | '٪' => f.bits |= PERCENT,
                    '$' | '€' | '£' | '¥' => f.money = true,
                    '@' => f.mentions += 1,
                    '#' => f.social += 1,
                    '|' | '•' | '·' => f.separators += 1,
                    // Faces and hand gestures: chat, jokes, feelings.
                    '\u{1F600}'..='\u{1F64F}'
                    | '\u{1F910}'..='\u{1F92F}'
                    | '\u{1F970}'..='\u{1F97A}' => f.faces += 1,
                    _ if is_quote_mark(c) && c != '\'' && c != '’' && c != '‘' => {
                        let was = state.inside;
                        state.inside = quote_opens(p, i, c, was);
                        if state.inside && !was {
                            state.reported = (a..i).rev().take(2).any(|j| {
                                toks[j].kind == TokenKind::Word && is_complementiser(p.norm(j))
                            });
                        }
                    }
                    _ => {}
                }
            }
            TokenKind::Newline => {}
        }
        i += 1;
    }
    // The span's final punctuation lies after the body.
    let tail = s.body.end..s.span.end;
    let tail_text = &p.text[tail];
    f.question =
        tail_text.contains(['?', '؟']) || p.text[s.body.start..s.body.end].ends_with(['?', '؟']);
    f.intro = tail_text.trim_start().starts_with(':');
    (f, started_inside)
}

/// True when word `i`, whose matching form is `norm`, starts a web address
/// (`https://…`, `www.…`).
fn is_url_start(p: &Prepared, i: usize, norm: &str) -> bool {
    let next = |k: usize| {
        p.tokens
            .list
            .get(i + k)
            .filter(|t| !t.space_before)
            .map(|t| t.span.slice(p.text))
    };
    match norm {
        "http" | "https" => next(1) == Some(":"),
        "www" => next(1) == Some("."),
        _ => false,
    }
}

/// Decides whether quotation mark `c` at token `i` opens a quote, from the
/// mark itself and the spacing around it (straight `"` and a reversed `”`
/// used as an opener are judged by spacing).
fn quote_opens(p: &Prepared, i: usize, c: char, inside: bool) -> bool {
    match c {
        '«' | '„' | '“' | '‹' | '「' if c != '“' || !inside => true,
        '»' | '›' | '」' => false,
        _ => {
            let toks = &p.tokens.list;
            let space_after = toks.get(i + 1).is_none_or(|n| n.space_before);
            let space_before = toks[i].space_before;
            let punct_after = toks
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Punct && !n.space_before);
            if space_before && punct_after && inside {
                // `"cinq fois ",` : a closing mark set off by a space.
                false
            } else if space_before && !space_after {
                true
            } else if !space_before && space_after {
                false
            } else {
                !inside
            }
        }
    }
}

/// Classifies a number token: a figure, a date part, or a code.
fn number(p: &Prepared, lang: Lang, i: usize, a: usize, b: usize, f: &mut Features) {
    let norm = p.norm(i);
    let toks = &p.tokens.list;
    if norm.contains(':') {
        f.dates += 1;
        return;
    }
    // Glued to - or / and another number: a date (2024/05/18), a phone
    // number or a code, unless it is a score in brackets.
    let glued = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.kind == TokenKind::Punct && !t.space_before && matches!(p.norm(j), "-" | "/" | "–")
        })
    };
    let next_glued = i + 2 < b
        && glued(i + 1)
        && toks[i + 2].kind == TokenKind::Number
        && !toks[i + 2].space_before;
    let prev_glued = i >= a + 2
        && glued(i - 1)
        && toks[i - 2].kind == TokenKind::Number
        && !toks[i - 1].space_before;
    if next_glued || prev_glued {
        let other = if next_glued {
            p.norm(i + 2)
        } else {
            p.norm(i - 2)
        };
        if norm.len() <= 2 && other.len() <= 2 && !norm.contains(['.', ',']) {
            // A score or a small range: (4-3), 2-3.
            f.figures += 1;
        } else if norm.len() == 4 || other.len() == 4 {
            f.dates += 1;
        } else {
            f.codes += 1;
        }
        return;
    }
    // Digits glued to Latin letters are names and codes (talk103fm, G7).
    let latin_glued = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.kind == TokenKind::Word && p.norm(j).starts_with(|c: char| c.is_ascii_alphabetic())
        })
    };
    if (i > 0 && !toks[i].space_before && latin_glued(i - 1))
        || toks.get(i + 1).is_some_and(|t| !t.space_before) && latin_glued(i + 1)
    {
        f.codes += 1;
        return;
    }
    let digits = norm.bytes().filter(u8::is_ascii_digit).count();
    if digits == 4
        && !norm.contains(['.', ','])
        && (norm.starts_with("19") || norm.starts_with("20"))
    {
        f.dates += 1;
        return;
    }
    // A day next to a month name.
    let lex = lexicon(lang);
    let arabic = lang == Lang::Ar;
    let near_month = |j: usize| {
        j >= a
            && j < b
            && toks[j].kind == TokenKind::Word
            && cues(lex, arabic, p.norm(j)) & MONTH != 0
    };
    if digits <= 2 && (near_month(i + 1) || (i > a && near_month(i - 1))) {
        f.dates += 1;
        return;
    }
    // Long digit runs without separators are phone numbers, IDs or codes.
    if digits >= 7 && !norm.contains([',', '.']) {
        f.codes += 1;
        return;
    }
    f.figures += 1;
}

/// English `-ed` verbs and French participles after an auxiliary: the
/// past-tense narration that marks an event. `n` is the matching form of
/// word `i`.
fn latin_past(lang: Lang, p: &Prepared, i: usize, n: &str, prev_bits: u32) -> u32 {
    match lang {
        Lang::En => {
            if n.len() >= 5
                && n.ends_with("ed")
                && !matches!(n, "indeed" | "united" | "need" | "proceed" | "hundred")
            {
                EVENT
            } else {
                0
            }
        }
        Lang::Fr => {
            if prev_bits & AUX == 0 {
                return 0;
            }
            let w = p.word(i);
            if w.chars().count() >= 3
                && (w.ends_with(['é', 'i', 'u', 't', 's'])
                    || w.ends_with("ée")
                    || w.ends_with("ées"))
            {
                EVENT
            } else {
                0
            }
        }
        Lang::Ar => 0,
    }
}

/// The shape of a sentence, which sets how much evidence it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Narrated prose.
    Body,
    /// Mostly a speaker's own words between quotation marks.
    Quoted,
    /// The first heading line before the body: the article's headline.
    Title,
    /// Any other line without final punctuation.
    Heading,
}

/// The verdict for one sentence: categories and a score in 0..=1, or
/// `None` when it is not a claim.
fn judge(f: &Features, shape: Shape, lang: Lang) -> Option<(Vec<ClaimCategory>, f32)> {
    if f.question || f.lead & ASK != 0 {
        return None;
    }
    if f.words < 3 || f.lead & BYLINE != 0 && f.words < 12 {
        return None;
    }
    let b = f.bits;
    // Any figure, money, magnitude word, or a unit or percent word with a
    // number word ("خمسة في المئة").
    let stat = f.figures > 0
        || f.money
        || b & MAGNITUDE != 0
        || b & (STAT | PERCENT) != 0 && b & NUMWORD != 0
        || b & PERCENT != 0 && f.dates > 0;
    let big_stat =
        f.figures > 0 || b & PERCENT != 0 || f.money || b & STAT != 0 && b & NUMWORD != 0;
    let date = f.dates > 0 || b & DATE != 0;
    let quoted = shape == Shape::Quoted;
    let mut e = 0.0f32;
    if big_stat {
        e += 0.55;
    } else if stat || b & NUMWORD != 0 {
        e += 0.25;
    }
    if b & STAT != 0 {
        e += 0.1;
    }
    if f.dates > 0 || b & MONTH != 0 {
        e += 0.3;
    } else if date {
        e += 0.15;
    }
    if b & DECISION != 0 {
        e += 0.4;
    }
    if f.past > 0 {
        e += 0.25;
    }
    if b & ATTRIB != 0 {
        e += 0.2;
    }
    if b & PLAN != 0 {
        e += 0.1;
    }
    if b & COMPARISON != 0 {
        e += 0.1;
    }
    if b & CAUSAL != 0 {
        e += 0.05;
    }
    if f.words >= 8 {
        e += 0.15;
    }
    if f.words >= 15 {
        e += 0.1;
    }
    // Feeling and judgement words weigh more in a speaker's own words than
    // in narration that reports them.
    if b & OPINION != 0 {
        e -= if quoted { 0.35 } else { 0.2 };
    }
    if b & PIETY != 0 {
        e -= 0.4;
    }
    if b & HEDGE != 0 {
        e -= 0.1;
    }
    if quoted && b & FIRST != 0 {
        e -= 0.25;
    } else if b & FIRST != 0 {
        e -= 0.15;
    }
    if f.mentions > 0 {
        e -= 0.15;
    }
    if f.faces > 0 {
        e -= 0.3;
    }
    if b & INFORMAL != 0 {
        e -= 0.2;
    }
    if f.codes > 0 && f.figures == 0 {
        e -= 0.2;
    }
    if f.separators > 0 {
        e -= 0.3;
    }
    // How much evidence each shape of sentence needs.
    let need = match shape {
        Shape::Quoted => 0.6,
        Shape::Title => 0.15,
        Shape::Heading => 0.45,
        Shape::Body => match lang {
            Lang::En => 0.35,
            Lang::Fr => 0.4,
            Lang::Ar => 0.4,
        },
    };
    if f.intro && f.words < 10 {
        return None;
    }
    if e < need {
        return None;
    }
    let mut cats = Vec::with_capacity(3);
    if stat || big_stat {
        cats.push(ClaimCategory::Statistic);
    }
    if date {
        cats.push(ClaimCategory::Date);
    }
    if b & DECISION != 0 {
        cats.push(ClaimCategory::Decision);
    }
    if b & PLAN != 0 {
        cats.push(ClaimCategory::Plan);
    }
    if b & COMPARISON != 0 {
        cats.push(ClaimCategory::Comparison);
    }
    if b & CAUSAL != 0 {
        cats.push(ClaimCategory::Causal);
    }
    if f.past > 0 || cats.is_empty() {
        cats.push(ClaimCategory::Event);
    }
    cats.sort();
    let score = (0.35 + (e - need) * 0.6).clamp(0.05, 0.99);
    Some((cats, score))
}

/// A cheap hash of a sentence's folded words, to skip repeated sentences
/// (pasted pages repeat the headline and the lead).
fn sentence_hash(p: &Prepared, s: &Sentence) -> u64 {
    let mut h = Fnv::default();
    for i in s.tokens.0..s.tokens.1 {
        if matches!(p.tokens.list[i].kind, TokenKind::Word | TokenKind::Number) {
            h.write(p.norm(i).as_bytes());
            h.write(&[0]);
        }
    }
    h.finish()
}

/// True when the sentence repeats its own opening words later on: a
/// headline pasted twice without a break ("…20 عاماًمحكمة مصرية…").
fn self_repeating(p: &Prepared, s: &Sentence) -> bool {
    let (a, b) = s.tokens;
    if b - a < 8 {
        return false;
    }
    // The second copy may start inside a glued word (…عاماًمحكمة مصرية…),
    // so also look for the second to fourth words. Both searches run in one
    // pass with the opening words fetched once: a copy of words 1-3 at
    // `i` (from a + 3 on) or of words 2-4 (from a + 4 on).
    let w = [p.norm(a), p.norm(a + 1), p.norm(a + 2), p.norm(a + 3)];
    (a + 3..b - 2).any(|i| {
        let n = p.norm(i);
        (same(n, w[0]) && p.norm(i + 1) == w[1] && p.norm(i + 2) == w[2])
            || (i > a + 3 && same(n, w[1]) && p.norm(i + 1) == w[2] && p.norm(i + 2) == w[3])
    })
}

/// String equality that rejects most different words by length and first
/// byte before comparing the bytes.
#[inline]
fn same(x: &str, y: &str) -> bool {
    x.len() == y.len() && x.as_bytes().first() == y.as_bytes().first() && x == y
}

/// Byte share of `span` covered by the sorted spans in `noise`.
fn covered(noise: &[Span], span: Span) -> usize {
    let from = noise.partition_point(|n| n.end <= span.start);
    noise[from..]
        .iter()
        .take_while(|n| n.start < span.end)
        .map(|n| n.overlap(span))
        .sum()
}

/// Finds claim sentences outside page noise; returns (body span, details)
/// in text order.
pub fn detect(p: &Prepared, noise: &[Span], quotes: &[FoundQuote]) -> Vec<(Span, ClaimInfo)> {
    let mut out = Vec::new();
    let mut seen: FastSet<u64> = FastSet::default();
    let mut state = QuoteState::default();
    let mut paragraph = usize::MAX;
    let mut body_started = false;
    let mut title_seen = false;
    let _ = quotes;
    for (si, s) in p.sentences.iter().enumerate() {
        if s.paragraph != paragraph {
            paragraph = s.paragraph;
            state = QuoteState::default();
        }
        // Each sentence is read with its own language's cue words.
        let lang = p.sentence_lang(si);
        let (f, started_inside) = scan(p, s, lang, &mut state);
        if s.body.is_empty() || covered(noise, s.body) * 2 > s.body.len() {
            continue;
        }
        let h = sentence_hash(p, s);
        if !seen.insert(h) || self_repeating(p, s) {
            continue;
        }
        let para = &p.paragraphs[s.paragraph];
        let ends_with_stop = p.text[s.body.end..s.span.end].contains(is_sentence_end);
        // A heading: a whole line on its own with no final punctuation.
        let heading = para.span == s.span && !ends_with_stop && f.words <= 20;
        let quoted = started_inside || f.quoted_words * 2 > f.words;
        let letters = f.words - usize::from(p.tokens.list[s.tokens.0].kind == TokenKind::Number);
        let shape = if heading && !body_started && !title_seen && letters >= 4 {
            title_seen = true;
            Shape::Title
        } else if heading {
            Shape::Heading
        } else if quoted {
            Shape::Quoted
        } else {
            Shape::Body
        };
        let mut verdict = if heading && letters < 4 {
            None
        } else {
            judge(&f, shape, lang)
        };
        // Headings after the body has started are section labels or other
        // articles' headlines: keep only one reporting a figure.
        if heading
            && body_started
            && (f.figures == 0 || f.past == 0 && f.bits & (DECISION | ATTRIB) == 0)
        {
            verdict = None;
        }
        if !heading && f.words >= 10 {
            body_started = true;
        }
        if let Some((categories, score)) = verdict {
            out.push((
                s.body,
                ClaimInfo {
                    categories,
                    score,
                    ..Default::default()
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str, lang: Lang) -> Vec<(String, Vec<ClaimCategory>)> {
        let p = Prepared::new(text, Some(lang));
        detect(&p, &[], &[])
            .into_iter()
            .map(|(s, c)| (s.slice(text).to_string(), c.categories))
            .collect()
    }

    fn one(text: &str, lang: Lang) -> Vec<ClaimCategory> {
        let got = claims(text, lang);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        got[0].1.clone()
    }

    #[test]
    fn statistic_with_arabic_indic_digits() {
        let cats = one(
            "قالت وزارة الصحة إنها سجلت ١٢٣ إصابة جديدة بالفيروس.",
            Lang::Ar,
        );
        assert!(cats.contains(&ClaimCategory::Statistic));
    }

    #[test]
    fn kuna_decimal_is_a_figure() {
        let cats = one("وبلغ معدل التضخم 7ر2 خلال الشهر الماضي.", Lang::Ar);
        assert!(cats.contains(&ClaimCategory::Statistic));
    }

    #[test]
    fn number_words_make_a_statistic() {
        let cats = one("وخرج عشرات الآلاف من المتظاهرين إلى شوارع العاصمة.", Lang::Ar);
        assert!(cats.contains(&ClaimCategory::Statistic));
    }

    #[test]
    fn percentage_in_words_and_signs() {
        assert!(
            one("ارتفعت الأسعار بنسبة خمسة في المئة خلال العام.", Lang::Ar)
                .contains(&ClaimCategory::Statistic)
        );
        assert!(
            one("Inflation rose to 3.1% in the year to March.", Lang::En)
                .contains(&ClaimCategory::Statistic)
        );
    }

    #[test]
    fn weekday_and_month_make_a_date() {
        let cats = one(
            "التقى الرئيس نظيره الفرنسي اليوم الثلاثاء في العاصمة.",
            Lang::Ar,
        );
        assert!(cats.contains(&ClaimCategory::Date));
        let cats = one("وافتتح المعرض في الخامس من كانون الثاني الماضي.", Lang::Ar);
        assert!(cats.contains(&ClaimCategory::Date));
    }

    #[test]
    fn court_ruling_is_a_decision() {
        let cats = one("قضت المحكمة بسجن المتهمين في القضية.", Lang::Ar);
        assert!(cats.contains(&ClaimCategory::Decision));
    }

    #[test]
    fn questions_are_not_claims() {
        assert!(claims("هل ارتفعت الأسعار بنسبة 20 بالمئة هذا العام؟", Lang::Ar).is_empty());
        assert!(claims("How many people were killed on Monday?", Lang::En).is_empty());
    }

    #[test]
    fn opinion_is_not_a_claim() {
        assert!(claims("وأضاف: «أتمنى أن يعود الهدوء، فالوضع صعب جدا».", Lang::Ar).is_empty());
        assert!(claims(
            "“I think this is a beautiful moment for all of us,” she said.",
            Lang::En
        )
        .is_empty());
    }

    #[test]
    fn english_news_sentence() {
        let cats = one(
            "The central bank raised interest rates by half a point on Wednesday.",
            Lang::En,
        );
        assert!(cats.contains(&ClaimCategory::Date));
    }

    #[test]
    fn french_news_sentence() {
        let cats = one(
            "Le gouvernement a décidé jeudi de fermer 12 écoles à Genève.",
            Lang::Fr,
        );
        assert!(cats.contains(&ClaimCategory::Decision));
        assert!(cats.contains(&ClaimCategory::Statistic));
    }

    #[test]
    fn repeated_sentence_is_claimed_once() {
        let text = "قتل 12 شخصا في هجوم على سوق المدينة.\nقتل 12 شخصا في هجوم على سوق المدينة.";
        assert_eq!(claims(text, Lang::Ar).len(), 1);
    }

    #[test]
    fn fingerprint_table_agrees_with_the_word_map() {
        for (lang, map) in [
            (Lang::Ar, build_ar()),
            (Lang::En, build(EN_WORDS)),
            (Lang::Fr, build(FR_WORDS)),
        ] {
            let lex = lexicon(lang);
            for (w, bits) in &map {
                assert_eq!(lex.get(w), Some(*bits), "{w}");
                // Near misses: cut, extended and altered forms.
                let mut probes = vec![format!("{w}x"), format!("x{w}"), format!("{w}{w}")];
                for (i, _) in w.char_indices().skip(1) {
                    probes.push(w[..i].to_string());
                    probes.push(w[i..].to_string());
                }
                for q in probes {
                    assert_eq!(lex.get(&q), map.get(&q).copied(), "{q}");
                }
            }
            assert_eq!(lex.get(""), map.get("").copied());
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "؟",
            "«",
            "1/",
            "\n\n",
            "a\u{200f}b 1-2 “",
            "٣٫٥٪ \"x\" ”",
        ] {
            for lang in [Lang::Ar, Lang::En, Lang::Fr] {
                let _ = claims(text, lang);
            }
        }
    }
}
