//! Interface languages: every piece of interface text in English, Arabic
//! and French, chosen from the browser's languages and switchable. The
//! tables are plain structs, so a string missing in one language is a
//! compile error, not a blank button. Article text is never translated or
//! touched here.

use isnad_engine::{ClaimCategory, Lang, QuoteForm};

/// An interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum UiLang {
    /// English (the default when the browser prefers none of the three).
    #[default]
    En,
    /// Arabic: the whole interface is mirrored right-to-left.
    Ar,
    /// French.
    Fr,
}

impl UiLang {
    /// Every interface language, in the order the switcher lists them.
    pub const ALL: [UiLang; 3] = [UiLang::Ar, UiLang::En, UiLang::Fr];

    /// The BCP 47 code (`en`, `ar`, `fr`), for `lang` attributes.
    pub const fn code(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Ar => "ar",
            UiLang::Fr => "fr",
        }
    }

    /// The writing direction of the interface (`ltr` or `rtl`).
    pub const fn dir(self) -> &'static str {
        match self {
            UiLang::Ar => "rtl",
            UiLang::En | UiLang::Fr => "ltr",
        }
    }

    /// The language's own name, for the switcher.
    pub const fn endonym(self) -> &'static str {
        match self {
            UiLang::En => "English",
            UiLang::Ar => "العربية",
            UiLang::Fr => "Français",
        }
    }

    /// Parses a code such as `ar`, `fr-CA`, `en-GB` (case-insensitive).
    pub fn from_code(code: &str) -> Option<UiLang> {
        Lang::from_code(code).map(|lang| match lang {
            Lang::Ar => UiLang::Ar,
            Lang::En => UiLang::En,
            Lang::Fr => UiLang::Fr,
        })
    }

    /// The first of the browser's preferred languages (`navigator.languages`)
    /// that the interface has; English otherwise.
    pub fn from_preferences<'a>(preferred: impl IntoIterator<Item = &'a str>) -> UiLang {
        preferred
            .into_iter()
            .find_map(UiLang::from_code)
            .unwrap_or_default()
    }

    /// The interface text in this language.
    pub const fn text(self) -> &'static Text {
        match self {
            UiLang::En => &EN,
            UiLang::Ar => &AR,
            UiLang::Fr => &FR,
        }
    }
}

/// Every interface string.
#[derive(Debug)]
pub struct Text {
    /// Under the title.
    pub tagline: &'static str,
    /// Label of the article text box.
    pub article_label: &'static str,
    /// Label of the highlighted article (for screen readers).
    pub analysed_article: &'static str,
    /// Shown when there is no text yet.
    pub empty_hint: &'static str,
    /// Label of the document-language select.
    pub language_label: &'static str,
    /// "Detect automatically".
    pub detect_language: &'static str,
    /// Label of the interface-language switcher.
    pub interface_language: &'static str,
    /// The Analyse button.
    pub analyse: &'static str,
    /// Shown when the text changed since the last analysis.
    pub stale: &'static str,
    /// Heading of the quote list.
    pub quotes: &'static str,
    /// Heading of the speaker list ("Who said what").
    pub speakers: &'static str,
    /// Heading of the claim list.
    pub claims: &'static str,
    /// Heading of the page-noise list.
    pub noise: &'static str,
    /// "Speaker" label.
    pub speaker: &'static str,
    /// "Cue" label.
    pub cue: &'static str,
    /// "Form" label.
    pub form: &'static str,
    /// "Status" label.
    pub status: &'static str,
    /// "Note" label.
    pub note: &'static str,
    /// No speaker found.
    pub unknown_speaker: &'static str,
    /// Undo button.
    pub undo: &'static str,
    /// Redo button.
    pub redo: &'static str,
    /// Mark the selection as a quote.
    pub mark_quote: &'static str,
    /// Mark the selection as a claim.
    pub mark_claim: &'static str,
    /// Mark the selection as a speaker mention.
    pub mark_mention: &'static str,
    /// Delete an annotation.
    pub delete: &'static str,
    /// Keep an automatic annotation.
    pub accept: &'static str,
    /// Show the keyboard shortcuts.
    pub shortcuts: &'static str,
    /// Placeholder for typing a new speaker's name.
    pub new_speaker: &'static str,
    /// The shortcut list: (keys, what they do).
    pub shortcut_list: [(&'static str, &'static str); 11],
    /// What a highlight is, for screen readers: quote, claim, page noise.
    pub kind_names: [&'static str; 3],
    /// Mark the selection as the selected quote's cue.
    pub mark_cue: &'static str,
    /// Rename a speaker.
    pub rename: &'static str,
    /// Label of the "merge this speaker into…" select.
    pub merge_into: &'static str,
    /// Label of a claim's category checkboxes.
    pub categories_label: &'static str,
    /// Label of the selected annotation's editor.
    pub edit_annotation: &'static str,
    /// In the editor's place when nothing is selected.
    pub select_hint: &'static str,
    /// The document library button and heading.
    pub documents: &'static str,
    /// Start a new document.
    pub new_document: &'static str,
    /// Open a saved document.
    pub open: &'static str,
    /// Duplicate a saved document.
    pub duplicate: &'static str,
    /// Added to a duplicate's title.
    pub copy_suffix: &'static str,
    /// After a deletion; `{title}` is replaced.
    pub deleted_line: &'static str,
    /// The library is empty.
    pub no_documents: &'static str,
    /// Label of the open document's title field.
    pub title_label: &'static str,
    /// Autosave is on.
    pub saved_here: &'static str,
    /// No storage here.
    pub autosave_off: &'static str,
    /// The quota is used up.
    pub storage_full: &'static str,
    /// The export group's label.
    pub export: &'static str,
    /// Download a file.
    pub download: &'static str,
    /// Copy to the clipboard.
    pub copy: &'static str,
    /// The copy worked.
    pub copied: &'static str,
    /// The copy did not work.
    pub copy_failed: &'static str,
    /// The import file picker's label.
    pub import_label: &'static str,
    /// After an import; `{count}` ("3 annotations") and `{file}` are replaced.
    pub imported_line: &'static str,
    /// After an import, when some annotations were merged into ones already
    /// at the same place; `{count}` is replaced.
    pub merged_line: &'static str,
    /// After an import, when some annotations were there already; `{count}`
    /// is replaced.
    pub already_there: &'static str,
    /// Above the annotations an import could not place; `{count}` is replaced.
    pub orphans_line: &'static str,
    /// Before an import error; the engine's message follows.
    pub import_failed: &'static str,
    /// A W3C file was imported with no analysed text open.
    pub import_needs_text: &'static str,
    /// A speaker was given an empty name.
    pub empty_name: &'static str,
    /// An edit was refused because the page was out of date.
    pub edit_refused: &'static str,
    /// After a change of the text was analysed: `{placed}` of the editor's
    /// annotations moved with it, `{orphaned}` could not be placed.
    pub carried_line: &'static str,
    /// A paste replaced the whole text of a document with editorial work:
    /// it opened as a new document instead.
    pub pasted_as_new: &'static str,
    /// Heading of the list of annotations a text change could not place.
    pub orphans_heading: &'static str,
    /// How to place an orphan again.
    pub orphans_hint: &'static str,
    /// Button: put the orphan on the article's selected words.
    pub place_orphan: &'static str,
    /// Button: discard the orphan (undo brings it back).
    pub drop_orphan: &'static str,
    /// The label of a dialog's close (×) button.
    pub close: &'static str,
    /// The document open last did not finish opening at the last start;
    /// `{title}` is replaced.
    pub failed_to_open: &'static str,
    /// Button: open that document in safe mode.
    pub open_safely: &'static str,
    /// Orphan reason: the text is not in the document.
    pub orphan_not_found: &'static str,
    /// Orphan reason: only a position, past the end; `{start}`, `{end}`,
    /// `{len}` (code points).
    pub orphan_out_of_range: &'static str,
    /// Orphan reason: no text selector.
    pub orphan_no_selector: &'static str,
    /// Button: download the whole library as one file.
    pub backup: &'static str,
    /// Button (file input): restore a library backup.
    pub restore: &'static str,
    /// After a restore; `{added}`, `{replaced}`, `{copies}`, `{same}`.
    pub restored_line: &'static str,
    /// Before a restore error.
    pub restore_failed: &'static str,
    /// Shown instead of the highlighted article in safe mode.
    pub safe_mode_line: &'static str,
    /// Announced when an annotation is selected; `{kind}` and `{text}` are
    /// replaced.
    pub selected_line: &'static str,
    /// Origin: found by isnad.
    pub origin_auto: &'static str,
    /// Origin: made or changed by the editor.
    pub origin_editor: &'static str,
    /// Filter: everything.
    pub all: &'static str,
    /// Label of the filter group.
    pub filters: &'static str,
    /// Label of the kind filter.
    pub filter_kind: &'static str,
    /// Label of the origin filter.
    pub filter_origin: &'static str,
    /// The direct / indirect / mixed quote forms.
    pub forms: [&'static str; 3],
    /// Claim categories in [`ClaimCategory`] order.
    pub categories: [&'static str; 7],
    /// Fact-check statuses: unchecked, verified, false, misleading, unverifiable.
    pub statuses: [&'static str; 5],
    /// The paste was empty.
    pub paste_empty: &'static str,
    /// The text is over the size limit; `{mb}` is replaced by its size.
    pub paste_too_large: &'static str,
    /// Names of the document languages: Arabic, English, French.
    pub language_names: [&'static str; 3],
    /// The status line's language part; `{lang}` and `{how}` are replaced.
    pub language_status: &'static str,
    /// "detected", for `{how}`.
    pub detected: &'static str,
    /// "chosen", for `{how}`.
    pub chosen: &'static str,
    /// Shown for an empty list: quotes, speakers, claims, page noise.
    pub none_found: [&'static str; 4],
    /// Counts in the status line ("3 quotes", "اقتباسات: 3").
    pub count: fn(usize, Counted) -> String,
    /// Between items of a list (", " or "، ").
    pub list_separator: &'static str,
    /// Under a list cut short; `{n}` is replaced by the number not shown.
    pub more_items: &'static str,
    /// The button that shows more of a list or the article; `{n}` is
    /// replaced by how many.
    pub show_more: &'static str,
    /// The badge on a highlight under which more annotations are stacked
    /// than the article draws; `{n}` is replaced by how many.
    pub stacked_badge: &'static str,
    /// Its tooltip; `{n}` is replaced.
    pub stacked_title: &'static str,
}

/// What a count in the status line counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    /// Quotes.
    Quotes,
    /// Speakers.
    Speakers,
    /// Claims.
    Claims,
    /// Page-noise items.
    Noise,
    /// Annotations of any kind.
    Annotations,
}

fn count_en(n: usize, what: Counted) -> String {
    let (one, many) = match what {
        Counted::Quotes => ("quote", "quotes"),
        Counted::Speakers => ("speaker", "speakers"),
        Counted::Claims => ("claim", "claims"),
        Counted::Noise => ("page-noise item", "page-noise items"),
        Counted::Annotations => ("annotation", "annotations"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

fn count_fr(n: usize, what: Counted) -> String {
    let (one, many) = match what {
        Counted::Quotes => ("citation", "citations"),
        Counted::Speakers => ("auteur", "auteurs"),
        Counted::Claims => ("affirmation", "affirmations"),
        Counted::Noise => ("élément de bruit", "éléments de bruit"),
        Counted::Annotations => ("annotation", "annotations"),
    };
    // French uses the singular for 0 and 1.
    format!("{n} {}", if n <= 1 { one } else { many })
}

fn count_ar(n: usize, what: Counted) -> String {
    // "Label: n" sidesteps Arabic's dual and plural agreement rules.
    let label = match what {
        Counted::Quotes => "الاقتباسات",
        Counted::Speakers => "القائلون",
        Counted::Claims => "الادعاءات",
        Counted::Noise => "عناصر الحشو",
        Counted::Annotations => "التعليقات",
    };
    format!("{label}: {n}")
}

impl Text {
    /// Why an imported annotation could not be placed, in this language.
    pub fn orphan_reason(&self, reason: &isnad_engine::anchor::OrphanReason) -> String {
        use isnad_engine::anchor::OrphanReason;
        match reason {
            OrphanReason::NotFound => self.orphan_not_found.to_string(),
            OrphanReason::OutOfRange { start, end, len } => self
                .orphan_out_of_range
                .replace("{start}", &start.to_string())
                .replace("{end}", &end.to_string())
                .replace("{len}", &len.to_string()),
            OrphanReason::NoSelector => self.orphan_no_selector.to_string(),
        }
    }

    /// The name of a quote form.
    pub const fn form_name(&self, form: QuoteForm) -> &'static str {
        match form {
            QuoteForm::Direct => self.forms[0],
            QuoteForm::Indirect => self.forms[1],
            QuoteForm::Mixed => self.forms[2],
        }
    }

    /// The name of a document language.
    pub const fn language_name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ar => self.language_names[0],
            Lang::En => self.language_names[1],
            Lang::Fr => self.language_names[2],
        }
    }

    /// The status line's language part ("Language: Arabic (detected).").
    pub fn language_line(&self, lang: Lang, detected: bool) -> String {
        let how = if detected { self.detected } else { self.chosen };
        self.language_status
            .replace("{lang}", self.language_name(lang))
            .replace("{how}", how)
    }

    /// The name of a claim category.
    pub const fn category_name(&self, category: ClaimCategory) -> &'static str {
        self.categories[category as usize]
    }
}

/// English.
pub const EN: Text = Text {
    tagline: "Find who said what: attributed quotes, their speakers, checkable claims and page noise. Your text never leaves this page.",
    article_label: "Article text",
    analysed_article: "Analysed article",
    empty_hint: "Paste an article (Arabic, English or French) to see its quotes, speakers and claims.",
    language_label: "Language",
    detect_language: "Detect automatically",
    interface_language: "Interface",
    analyse: "Analyse",
    stale: "The text has changed since: press Analyse to update.",
    quotes: "Quotes",
    speakers: "Who said what",
    claims: "Claims",
    noise: "Page noise",
    speaker: "Speaker",
    cue: "Cue",
    form: "Form",
    status: "Status",
    note: "Note",
    unknown_speaker: "unknown speaker",
    undo: "Undo",
    redo: "Redo",
    mark_quote: "Mark as quote",
    mark_claim: "Mark as claim",
    mark_mention: "Mark as speaker mention",
    delete: "Delete",
    accept: "Accept",
    shortcuts: "Keyboard shortcuts",
    new_speaker: "New speaker…",
    shortcut_list: [
        ("q", "mark the selected text as a quote"),
        ("c", "mark the selected text as a claim"),
        ("s", "mark the selected text as the selected quote's speaker"),
        ("n / j", "next annotation"),
        ("p / k", "previous annotation"),
        ("Delete", "delete the selected annotation"),
        ("Esc", "clear the selection"),
        ("u", "mark the selected text as the selected quote's cue"),
        ("Enter", "edit the selected annotation"),
        ("Ctrl+Z", "undo"),
        ("Ctrl+Shift+Z / Ctrl+Y", "redo"),
    ],
    kind_names: ["quote", "claim", "page noise"],
    mark_cue: "Mark as cue",
    rename: "Rename",
    merge_into: "Merge into…",
    categories_label: "Categories",
    edit_annotation: "Edit the selected annotation",
    select_hint: "Click a highlight (or press n) to edit it; select text and press q, c, s or u to mark it.",
    documents: "Documents",
    new_document: "New document",
    open: "Open",
    duplicate: "Duplicate",
    copy_suffix: " (copy)",
    deleted_line: "Deleted “{title}”.",
    no_documents: "No saved documents yet.",
    title_label: "Title",
    saved_here: "Saved in this browser.",
    autosave_off: "Autosave is off: this browser allows no storage here. Your work stays in this page until you close it; export it to keep it.",
    storage_full: "Browser storage is full: the latest changes are not saved. Export your work, or delete documents from the library.",
    export: "Export",
    download: "Download",
    copy: "Copy",
    copied: "Copied.",
    copy_failed: "The clipboard is not available here: use Download.",
    import_label: "Import annotations (isnad or W3C JSON)",
    imported_line: "From {file}: {count} added.",
    merged_line: "Merged into the ones already at the same place, with their verdicts and notes: {count}.",
    already_there: "Already there, not added twice: {count}.",
    orphans_line: "Not placed in this text ({count}), listed here and not dropped:",
    import_failed: "Import failed:",
    import_needs_text: "Paste and analyse the article first: W3C annotation files point into a text they do not contain.",
    empty_name: "A speaker needs a name: the old name is kept.",
    edit_refused: "That change could not be made (the page was out of date); nothing was lost.",
    carried_line: "The text changed: {placed} of your annotations moved with it and {orphaned} could not be placed (listed above the article). Undo brings the old text back.",
    pasted_as_new: "The pasted article opened as a new document, so the work on the previous one is kept: it is in the library.",
    orphans_heading: "Not placed after the text changed",
    orphans_hint: "Select words in the article and press Place to put an annotation back with its details, or Discard it.",
    place_orphan: "Place on selection",
    drop_orphan: "Discard",
    close: "Close",
    failed_to_open: "“{title}” did not finish opening last time, so it was not reopened. Nothing in it is lost.",
    open_safely: "Open it without highlights",
    orphan_not_found: "its text is not in the document, not even approximately",
    orphan_out_of_range: "it gives only a position, {start}..{end}, and the text has {len} characters",
    orphan_no_selector: "it names no piece of text (no TextQuoteSelector or TextPositionSelector)",
    backup: "Back up the library",
    restore: "Restore a backup…",
    restored_line: "Backup restored: {added} added, {replaced} replaced by a newer copy, {copies} kept as copies, {same} already here.",
    restore_failed: "Nothing was restored:",
    safe_mode_line: "Safe mode: the highlighted article is not drawn for this document; its text, lists and exports work.",
    selected_line: "Selected {kind}: {text}",
    origin_auto: "automatic",
    origin_editor: "editor",
    all: "All",
    filters: "Filters",
    filter_kind: "Show",
    filter_origin: "Made by",
    forms: ["direct", "indirect", "mixed"],
    categories: ["statistic", "date", "event", "decision", "plan", "comparison", "causal"],
    statuses: ["unchecked", "verified", "false", "misleading", "unverifiable"],
    paste_empty: "Nothing to paste: the clipboard holds no text.",
    paste_too_large: "This text is {mb} MB; isnad analyses up to 5 MB at a time. Split the article and paste it in parts.",
    language_names: ["Arabic", "English", "French"],
    language_status: "Language: {lang} ({how}).",
    detected: "detected",
    chosen: "chosen",
    none_found: [
        "No attributed quotes found.",
        "No speakers found.",
        "No checkable claims found.",
        "No page noise found.",
    ],
    count: count_en,
    list_separator: ", ",
    more_items: "{n} more not shown.",
    show_more: "Show {n} more",
    stacked_badge: "+{n}",
    stacked_title: "{n} more annotations cover this text; every one is in the lists.",
};

/// Arabic.
pub const AR: Text = Text {
    tagline: "اعرف من قال ماذا: الاقتباسات المنسوبة وقائلوها، والادعاءات القابلة للتحقق، وحشو الصفحة. لا يغادر نصّك هذه الصفحة.",
    article_label: "نص المقال",
    analysed_article: "المقال المحلَّل",
    empty_hint: "الصق مقالًا (بالعربية أو الإنجليزية أو الفرنسية) لترى اقتباساته وقائليها وادعاءاته.",
    language_label: "اللغة",
    detect_language: "اكتشاف تلقائي",
    interface_language: "لغة الواجهة",
    analyse: "حلّل",
    stale: "تغيّر النص منذ آخر تحليل: اضغط «حلّل» للتحديث.",
    quotes: "الاقتباسات",
    speakers: "من قال ماذا",
    claims: "الادعاءات",
    noise: "حشو الصفحة",
    speaker: "القائل",
    cue: "فعل القول",
    form: "الصيغة",
    status: "الحالة",
    note: "ملاحظة",
    unknown_speaker: "قائل غير معروف",
    undo: "تراجع",
    redo: "إعادة",
    mark_quote: "علّم كاقتباس",
    mark_claim: "علّم كادعاء",
    mark_mention: "علّم كذكر للقائل",
    delete: "احذف",
    accept: "اعتمد",
    shortcuts: "اختصارات لوحة المفاتيح",
    new_speaker: "قائل جديد…",
    shortcut_list: [
        ("q", "علّم النص المحدد كاقتباس"),
        ("c", "علّم النص المحدد كادعاء"),
        ("s", "علّم النص المحدد كذكر لقائل الاقتباس المحدد"),
        ("n / j", "التعليق التالي"),
        ("p / k", "التعليق السابق"),
        ("Delete", "احذف التعليق المحدد"),
        ("Esc", "ألغِ التحديد"),
        ("u", "اجعل النص المحدد فعلَ القول للاقتباس المحدد"),
        ("Enter", "حرّر التعليق المحدد"),
        ("Ctrl+Z", "تراجع"),
        ("Ctrl+Shift+Z / Ctrl+Y", "إعادة"),
    ],
    kind_names: ["اقتباس", "ادعاء", "حشو الصفحة"],
    mark_cue: "علّم فعلَ القول",
    rename: "أعد التسمية",
    merge_into: "ادمج في…",
    categories_label: "الفئات",
    edit_annotation: "تحرير التعليق المحدد",
    select_hint: "انقر تظليلًا (أو اضغط n) لتحريره؛ حدّد نصًا واضغط q أو c أو s أو u لتعليمه.",
    documents: "المستندات",
    new_document: "مستند جديد",
    open: "افتح",
    duplicate: "انسخ",
    copy_suffix: " (نسخة)",
    deleted_line: "حُذف «{title}».",
    no_documents: "لا مستندات محفوظة بعد.",
    title_label: "العنوان",
    saved_here: "محفوظ في هذا المتصفح.",
    autosave_off: "الحفظ التلقائي معطّل: لا يسمح هذا المتصفح بالتخزين هنا. يبقى عملك في هذه الصفحة حتى تغلقها؛ صدّره لتحتفظ به.",
    storage_full: "امتلأ تخزين المتصفح: لم تُحفظ آخر التغييرات. صدّر عملك أو احذف مستندات من المكتبة.",
    export: "تصدير",
    download: "تنزيل",
    copy: "نسخ",
    copied: "نُسخ.",
    copy_failed: "الحافظة غير متاحة هنا: استعمل التنزيل.",
    import_label: "استيراد تعليقات (isnad أو W3C JSON)",
    imported_line: "أُضيف من {file} — {count}.",
    merged_line: "دُمجت في الموجودة في الموضع نفسه مع أحكامها وملاحظاتها — {count}.",
    already_there: "موجودة من قبل فلم تُضف مرتين — {count}.",
    orphans_line: "تعذّر وضعها في هذا النص ({count})، وهي مدرجة أدناه ولم تُحذف:",
    import_failed: "فشل الاستيراد:",
    import_needs_text: "الصق المقال وحلّله أولًا: ملفات تعليقات W3C تشير إلى نص لا تحتويه.",
    empty_name: "يحتاج القائل إلى اسم: أُبقي الاسم القديم.",
    edit_refused: "تعذّر هذا التغيير (كانت الصفحة غير محدَّثة)؛ لم يضِع شيء.",
    carried_line: "تغيّر النص: انتقل {placed} من تعليقاتك معه وتعذّر وضع {orphaned} (مذكورة فوق المقال). التراجع يعيد النص القديم.",
    pasted_as_new: "فُتح المقال الملصق مستندًا جديدًا حفاظًا على العمل في السابق: تجده في المكتبة.",
    orphans_heading: "تعليقات لم توضع بعد تغيير النص",
    orphans_hint: "حدّد كلمات في المقال واضغط «ضع» لإعادة التعليق بتفاصيله، أو «تجاهل».",
    place_orphan: "ضع على التحديد",
    drop_orphan: "تجاهل",
    close: "إغلاق",
    failed_to_open: "لم يكتمل فتح «{title}» في المرة السابقة، فلم يُعَد فتحه. لم يضِع منه شيء.",
    open_safely: "افتحه دون تظليل",
    orphan_not_found: "نصه ليس في المستند ولا ما يقاربه",
    orphan_out_of_range: "يذكر موضعًا فقط، {start}..{end}، وفي النص {len} حرفًا",
    orphan_no_selector: "لا يشير إلى أي جزء من النص (لا TextQuoteSelector ولا TextPositionSelector)",
    backup: "انسخ المكتبة احتياطيًا",
    restore: "استعد نسخة احتياطية…",
    restored_line: "استُعيدت النسخة: أُضيف {added}، واستُبدل {replaced} بنسخة أحدث، وحُفظ {copies} نسخًا، و{same} موجود أصلًا.",
    restore_failed: "لم يُستعَد شيء:",
    safe_mode_line: "الوضع الآمن: لا يُرسم المقال المظلَّل لهذا المستند؛ نصه وقوائمه وتصديره تعمل.",
    selected_line: "المحدد ({kind}): {text}",
    origin_auto: "تلقائي",
    origin_editor: "المحرر",
    all: "الكل",
    filters: "عوامل التصفية",
    filter_kind: "اعرض",
    filter_origin: "المصدر",
    forms: ["مباشر", "غير مباشر", "مختلط"],
    categories: ["إحصاء", "تاريخ", "حدث", "قرار", "خطة", "مقارنة", "سببية"],
    statuses: ["لم يُتحقق منه", "صحيح", "خاطئ", "مضلل", "لا يمكن التحقق منه"],
    paste_empty: "لا شيء للصق: الحافظة لا تحوي نصًا.",
    paste_too_large: "حجم هذا النص {mb} ميغابايت؛ يحلّل إسناد حتى 5 ميغابايت في المرة. قسّم المقال والصقه على أجزاء.",
    language_names: ["العربية", "الإنجليزية", "الفرنسية"],
    language_status: "اللغة: {lang} ({how}).",
    detected: "مكتشفة تلقائيًا",
    chosen: "مختارة",
    none_found: [
        "لم يُعثر على اقتباسات منسوبة.",
        "لم يُعثر على قائلين.",
        "لم يُعثر على ادعاءات قابلة للتحقق.",
        "لم يُعثر على حشو.",
    ],
    count: count_ar,
    list_separator: "، ",
    more_items: "{n} غيرها لا تظهر بعد.",
    show_more: "اعرض {n} أخرى",
    stacked_badge: "+{n}",
    stacked_title: "تعليقات أخرى تغطي هذا النص: {n}؛ كلها في القوائم.",
};

/// French.
pub const FR: Text = Text {
    tagline: "Qui a dit quoi : citations attribuées, leurs auteurs, affirmations vérifiables et bruit de page. Votre texte ne quitte jamais cette page.",
    article_label: "Texte de l'article",
    analysed_article: "Article analysé",
    empty_hint: "Collez un article (arabe, anglais ou français) pour voir ses citations, leurs auteurs et ses affirmations.",
    language_label: "Langue",
    detect_language: "Détection automatique",
    interface_language: "Interface",
    analyse: "Analyser",
    stale: "Le texte a changé depuis : appuyez sur Analyser pour mettre à jour.",
    quotes: "Citations",
    speakers: "Qui a dit quoi",
    claims: "Affirmations",
    noise: "Bruit de page",
    speaker: "Auteur",
    cue: "Verbe",
    form: "Forme",
    status: "Statut",
    note: "Note",
    unknown_speaker: "auteur inconnu",
    undo: "Annuler",
    redo: "Rétablir",
    mark_quote: "Marquer comme citation",
    mark_claim: "Marquer comme affirmation",
    mark_mention: "Marquer comme mention de l'auteur",
    delete: "Supprimer",
    accept: "Accepter",
    shortcuts: "Raccourcis clavier",
    new_speaker: "Nouvel auteur…",
    shortcut_list: [
        ("q", "marquer le texte sélectionné comme citation"),
        ("c", "marquer le texte sélectionné comme affirmation"),
        ("s", "marquer le texte sélectionné comme auteur de la citation choisie"),
        ("n / j", "annotation suivante"),
        ("p / k", "annotation précédente"),
        ("Suppr", "supprimer l'annotation choisie"),
        ("Échap", "désélectionner"),
        ("u", "marquer le texte sélectionné comme verbe introducteur de la citation"),
        ("Enter", "modifier l’annotation sélectionnée"),
        ("Ctrl+Z", "annuler"),
        ("Ctrl+Maj+Z / Ctrl+Y", "rétablir"),
    ],
    kind_names: ["citation", "affirmation", "bruit de page"],
    mark_cue: "Marquer le verbe introducteur",
    rename: "Renommer",
    merge_into: "Fusionner avec…",
    categories_label: "Catégories",
    edit_annotation: "Modifier l’annotation sélectionnée",
    select_hint: "Cliquez sur un surlignage (ou appuyez sur n) pour le modifier ; sélectionnez du texte et appuyez sur q, c, s ou u pour le marquer.",
    documents: "Documents",
    new_document: "Nouveau document",
    open: "Ouvrir",
    duplicate: "Dupliquer",
    copy_suffix: " (copie)",
    deleted_line: "« {title} » supprimé.",
    no_documents: "Aucun document enregistré.",
    title_label: "Titre",
    saved_here: "Enregistré dans ce navigateur.",
    autosave_off: "Sauvegarde automatique désactivée : ce navigateur n’autorise aucun stockage ici. Votre travail reste dans la page jusqu’à sa fermeture ; exportez-le pour le garder.",
    storage_full: "Le stockage du navigateur est plein : les dernières modifications ne sont pas enregistrées. Exportez votre travail ou supprimez des documents de la bibliothèque.",
    export: "Exporter",
    download: "Télécharger",
    copy: "Copier",
    copied: "Copié.",
    copy_failed: "Le presse-papiers n’est pas disponible ici : utilisez Télécharger.",
    import_label: "Importer des annotations (isnad ou W3C JSON)",
    imported_line: "Depuis {file} : {count} ajoutée(s).",
    merged_line: "Fusionnées avec celles déjà au même endroit, avec leurs verdicts et notes : {count}.",
    already_there: "Déjà présentes, non ajoutées deux fois : {count}.",
    orphans_line: "Non placées dans ce texte ({count}), listées ici et non supprimées :",
    import_failed: "Échec de l’import :",
    import_needs_text: "Collez et analysez d’abord l’article : les fichiers d’annotations W3C désignent un texte qu’ils ne contiennent pas.",
    empty_name: "Un intervenant doit avoir un nom : l’ancien nom est conservé.",
    edit_refused: "Ce changement n’a pas pu être fait (la page n’était pas à jour) ; rien n’est perdu.",
    carried_line: "Le texte a changé : {placed} de vos annotations l’ont suivi et {orphaned} n’ont pas pu être placées (listées au-dessus de l’article). Annuler ramène l’ancien texte.",
    pasted_as_new: "L’article collé s’est ouvert comme nouveau document pour garder le travail sur le précédent : il est dans la bibliothèque.",
    orphans_heading: "Non placées après le changement du texte",
    orphans_hint: "Sélectionnez des mots dans l’article et appuyez sur Placer pour remettre une annotation avec ses détails, ou Écartez-la.",
    place_orphan: "Placer sur la sélection",
    drop_orphan: "Écarter",
    close: "Fermer",
    failed_to_open: "« {title} » n’a pas fini de s’ouvrir la dernière fois : il n’a pas été rouvert. Rien n’y est perdu.",
    open_safely: "L’ouvrir sans surlignage",
    orphan_not_found: "son texte n’est pas dans le document, même approximativement",
    orphan_out_of_range: "il ne donne qu’une position, {start}..{end}, et le texte a {len} caractères",
    orphan_no_selector: "il ne désigne aucun passage du texte (ni TextQuoteSelector ni TextPositionSelector)",
    backup: "Sauvegarder la bibliothèque",
    restore: "Restaurer une sauvegarde…",
    restored_line: "Sauvegarde restaurée : {added} ajoutés, {replaced} remplacés par une copie plus récente, {copies} gardés en copie, {same} déjà là.",
    restore_failed: "Rien n’a été restauré :",
    safe_mode_line: "Mode sûr : l’article surligné n’est pas dessiné pour ce document ; son texte, ses listes et ses exports fonctionnent.",
    selected_line: "Sélection ({kind}) : {text}",
    origin_auto: "automatique",
    origin_editor: "éditeur",
    all: "Tout",
    filters: "Filtres",
    filter_kind: "Afficher",
    filter_origin: "Origine",
    forms: ["directe", "indirecte", "mixte"],
    categories: ["statistique", "date", "événement", "décision", "projet", "comparaison", "causalité"],
    statuses: ["non vérifiée", "vraie", "fausse", "trompeuse", "invérifiable"],
    paste_empty: "Rien à coller : le presse-papiers ne contient pas de texte.",
    paste_too_large: "Ce texte fait {mb} Mo ; isnad analyse jusqu'à 5 Mo à la fois. Découpez l'article et collez-le en plusieurs fois.",
    language_names: ["arabe", "anglais", "français"],
    language_status: "Langue : {lang} ({how}).",
    detected: "détectée",
    chosen: "choisie",
    none_found: [
        "Aucune citation attribuée trouvée.",
        "Aucun auteur trouvé.",
        "Aucune affirmation vérifiable trouvée.",
        "Aucun bruit de page trouvé.",
    ],
    count: count_fr,
    list_separator: ", ",
    more_items: "{n} de plus non affichés.",
    show_more: "Afficher {n} de plus",
    stacked_badge: "+{n}",
    stacked_title: "{n} annotations de plus couvrent ce texte ; toutes sont dans les listes.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_first_supported_browser_language() {
        assert_eq!(
            UiLang::from_preferences(["de-DE", "fr-CA", "en"]),
            UiLang::Fr
        );
        assert_eq!(UiLang::from_preferences(["ar-EG"]), UiLang::Ar);
        assert_eq!(UiLang::from_preferences(["de", "ja"]), UiLang::En);
        assert_eq!(UiLang::from_preferences([]), UiLang::En);
    }

    #[test]
    fn orphan_reasons_are_in_the_interface_language() {
        use isnad_engine::anchor::OrphanReason;
        let range = OrphanReason::OutOfRange {
            start: 3,
            end: 9,
            len: 5,
        };
        for ui in UiLang::ALL {
            let t = ui.text();
            let said = t.orphan_reason(&range);
            assert!(said.contains("3..9") && said.contains('5'), "{said}");
            assert!(!t.orphan_reason(&OrphanReason::NotFound).is_empty());
        }
        assert_ne!(
            UiLang::Ar.text().orphan_reason(&OrphanReason::NoSelector),
            UiLang::En.text().orphan_reason(&OrphanReason::NoSelector)
        );
    }

    #[test]
    fn arabic_is_mirrored_and_every_table_is_filled() {
        assert_eq!(UiLang::Ar.dir(), "rtl");
        assert_eq!(UiLang::Fr.dir(), "ltr");
        for lang in UiLang::ALL {
            let t = lang.text();
            assert!(!t.analyse.is_empty() && !t.tagline.is_empty());
            assert!(t.paste_too_large.contains("{mb}"), "{lang:?}");
            assert!(t.stacked_badge.contains("{n}"), "{lang:?}");
            assert!(t.stacked_title.contains("{n}"), "{lang:?}");
            assert!(t
                .categories
                .iter()
                .chain(&t.statuses)
                .all(|s| !s.is_empty()));
            assert_eq!(t.category_name(ClaimCategory::Causal), t.categories[6]);
        }
        assert_ne!(AR.quotes, EN.quotes);
        assert_eq!(
            EN.language_line(Lang::En, true),
            "Language: English (detected)."
        );
        assert_eq!((EN.count)(1, Counted::Quotes), "1 quote");
        assert_eq!((EN.count)(3, Counted::Noise), "3 page-noise items");
        assert_eq!((FR.count)(0, Counted::Claims), "0 affirmation");
        assert_eq!((AR.count)(2, Counted::Speakers), "القائلون: 2");
    }
}
