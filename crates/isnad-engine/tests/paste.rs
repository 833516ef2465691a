//! Property tests of the paste conversion: `html_to_text` never panics,
//! never writes `\r`, leaves tag-free text as browsers render it (ASCII
//! white space collapsed, everything else exact), is stable on its own
//! output, keeps its line conventions, and never lets script text or
//! attribute values through from well-formed markup; `normalise_plain`
//! only rewrites line endings.

use isnad_engine::paste::{check_size, html_to_text, normalise_plain, PasteError};
use proptest::prelude::*;

/// Tag-free text as a browser renders it: ASCII white-space runs become one
/// space, leading and trailing runs vanish.
fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// Pieces of well-formed clipboard HTML: text in three languages with
/// marks, references, and tags with awkward attributes. `SECRET` and
/// `HANDLER` only ever appear where they must not be shown.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "<p>",
        "</p>",
        "<div class=\"a > b\">",
        "</div>",
        "<br>",
        "<br/>",
        "<ul><li>",
        "</li></ul>",
        "<table><tr><td>",
        "</td><td>",
        "</td></tr></table>",
        "<pre>",
        "</pre>",
        "<b>",
        "</b>",
        "<span title='x>y' data-x=HANDLER>",
        "</span>",
        "<img src=x onerror=\"HANDLER()\">",
        "<script>var SECRET = '</p>';</script>",
        "<style>.SECRET{}</style>",
        "<!-- SECRET -->",
        "<svg><text>SECRET</text></svg>",
        "<template><p>SECRET</p></template>",
        "قالَ الوزيـــرُ",
        " «سَنَعملُ» ",
        "\u{200C}\u{200F}",
        "😀👍🏽",
        "Le ministre a déclaré",
        "  \n\t ",
        "\r\n",
        "&nbsp;",
        "&amp;",
        "&lt;",
        "&eacute;",
        "&#1575;",
        "&#x1F600;",
        "&bogus;",
        "a < b",
        "x > y",
        "\u{A0}",
    ])
}

fn html() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_and_never_writes_cr(s in any::<String>()) {
        let out = html_to_text(&s);
        prop_assert!(!out.contains('\r'));
        prop_assert!(!normalise_plain(&s).contains('\r'));
        let _ = check_size(&s);
    }

    #[test]
    fn never_panics_on_markup_like_input(s in "[<>&/!a-z\"'=#;x0-9 \n-]{0,200}") {
        let out = html_to_text(&s);
        prop_assert!(!out.contains('\r'));
    }

    #[test]
    fn text_without_markup_only_collapses_ascii_space(s in any::<String>()) {
        let s: String = s.chars().filter(|&c| c != '<' && c != '&').collect();
        prop_assert_eq!(html_to_text(&s), collapse(&s));
    }

    #[test]
    fn stable_on_its_own_output(s in html()) {
        let out = html_to_text(&s);
        if !out.contains(['<', '&']) {
            // Read again as HTML, its line breaks and tabs are white space.
            prop_assert_eq!(html_to_text(&out), collapse(&out));
            if !out.contains(['\n', '\t']) {
                prop_assert_eq!(html_to_text(&out), out);
            }
        }
    }

    #[test]
    fn lines_are_trimmed_and_blank_lines_capped(s in html()) {
        let out = html_to_text(&s);
        prop_assert!(!out.contains("\n\n\n"));
        prop_assert!(!out.starts_with('\n') && !out.ends_with('\n'));
        for line in out.split('\n') {
            prop_assert!(!line.starts_with([' ', '\t']) && !line.ends_with([' ', '\t']), "{:?}", line);
        }
    }

    #[test]
    fn hidden_content_never_shows(s in html()) {
        let out = html_to_text(&s);
        prop_assert!(!out.contains("SECRET"), "{:?}", out);
        prop_assert!(!out.contains("HANDLER"), "{:?}", out);
        prop_assert!(!out.contains("<p") && !out.contains("<div") && !out.contains("<img"));
    }

    #[test]
    fn plain_text_changes_only_line_endings(s in any::<String>()) {
        let out = normalise_plain(&s);
        prop_assert_eq!(&out, &s.replace("\r\n", "\n").replace('\r', "\n"));
        if !s.contains('\r') {
            prop_assert_eq!(out, s);
        }
    }
}

#[test]
fn a_pasted_news_page() {
    let html = "<html><head><meta charset=\"utf-8\"><title>خبر</title>\
        <style>p{margin:0}</style></head><body><!--StartFragment-->\
        <nav><a href=/>الرئيسية</a> | <a href=/w>العالم</a></nav>\
        <h1>الوزير: &laquo;سنعمل&raquo;</h1>\
        <p>قالَ الوزيرُ&nbsp;أمس إنّ الحكومة\n      ستعمل &#1593;لى الخطة.</p>\
        <figure><img src=a.jpg alt=\"صورة\"><figcaption>صورة أرشيفية</figcaption></figure>\
        <script>track('x')</script>\
        <p>Le ministre a d&eacute;clar&eacute; : &laquo;&nbsp;Nous agirons&nbsp;&raquo;.</p>\
        <!--EndFragment--></body></html>";
    assert_eq!(
        html_to_text(html),
        "الرئيسية | العالم\n\
         الوزير: «سنعمل»\n\
         قالَ الوزيرُ\u{A0}أمس إنّ الحكومة ستعمل على الخطة.\n\
         صورة أرشيفية\n\
         Le ministre a déclaré : «\u{A0}Nous agirons\u{A0}»."
    );
}

#[test]
fn empty_html_paste_is_refused() {
    let out = html_to_text("<p> </p><img src=x><script>x</script>");
    assert_eq!(check_size(&out), Err(PasteError::Empty));
}
