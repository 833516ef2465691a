//! The `theme` option of the embedding API: CSS colours, and nothing that
//! can load anything. `isnad.js` asks [`check`] (through `checkTheme`)
//! before it sets a single `--isnad-*` property, so a refused theme never
//! reaches the page's styles: no `url()`, no `image-set()`, no `var()`, no
//! `;` or `}` to end the declaration early.

use serde_json::Value;

/// The theme keys, one `--isnad-<key>` custom property each.
pub const KEYS: [&str; 6] = ["accent", "quote", "claim", "mention", "background", "text"];

/// The colour functions allowed; their arguments may hold numbers, units
/// and separators only (see [`is_colour`]).
const FUNCTIONS: [&str; 4] = ["rgb", "rgba", "hsl", "hsla"];

/// The words allowed inside a colour function: angle units and `none`.
const FUNCTION_WORDS: [&str; 6] = ["deg", "rad", "grad", "turn", "none", "e"];

/// The CSS named colours (CSS Color 4), plus `transparent` and `currentcolor`.
const NAMED: [&str; 150] = [
    "transparent",
    "currentcolor",
    "aliceblue",
    "antiquewhite",
    "aqua",
    "aquamarine",
    "azure",
    "beige",
    "bisque",
    "black",
    "blanchedalmond",
    "blue",
    "blueviolet",
    "brown",
    "burlywood",
    "cadetblue",
    "chartreuse",
    "chocolate",
    "coral",
    "cornflowerblue",
    "cornsilk",
    "crimson",
    "cyan",
    "darkblue",
    "darkcyan",
    "darkgoldenrod",
    "darkgray",
    "darkgreen",
    "darkgrey",
    "darkkhaki",
    "darkmagenta",
    "darkolivegreen",
    "darkorange",
    "darkorchid",
    "darkred",
    "darksalmon",
    "darkseagreen",
    "darkslateblue",
    "darkslategray",
    "darkslategrey",
    "darkturquoise",
    "darkviolet",
    "deeppink",
    "deepskyblue",
    "dimgray",
    "dimgrey",
    "dodgerblue",
    "firebrick",
    "floralwhite",
    "forestgreen",
    "fuchsia",
    "gainsboro",
    "ghostwhite",
    "gold",
    "goldenrod",
    "gray",
    "green",
    "greenyellow",
    "grey",
    "honeydew",
    "hotpink",
    "indianred",
    "indigo",
    "ivory",
    "khaki",
    "lavender",
    "lavenderblush",
    "lawngreen",
    "lemonchiffon",
    "lightblue",
    "lightcoral",
    "lightcyan",
    "lightgoldenrodyellow",
    "lightgray",
    "lightgreen",
    "lightgrey",
    "lightpink",
    "lightsalmon",
    "lightseagreen",
    "lightskyblue",
    "lightslategray",
    "lightslategrey",
    "lightsteelblue",
    "lightyellow",
    "lime",
    "limegreen",
    "linen",
    "magenta",
    "maroon",
    "mediumaquamarine",
    "mediumblue",
    "mediumorchid",
    "mediumpurple",
    "mediumseagreen",
    "mediumslateblue",
    "mediumspringgreen",
    "mediumturquoise",
    "mediumvioletred",
    "midnightblue",
    "mintcream",
    "mistyrose",
    "moccasin",
    "navajowhite",
    "navy",
    "oldlace",
    "olive",
    "olivedrab",
    "orange",
    "orangered",
    "orchid",
    "palegoldenrod",
    "palegreen",
    "paleturquoise",
    "palevioletred",
    "papayawhip",
    "peachpuff",
    "peru",
    "pink",
    "plum",
    "powderblue",
    "purple",
    "rebeccapurple",
    "red",
    "rosybrown",
    "royalblue",
    "saddlebrown",
    "salmon",
    "sandybrown",
    "seagreen",
    "seashell",
    "sienna",
    "silver",
    "skyblue",
    "slateblue",
    "slategray",
    "slategrey",
    "snow",
    "springgreen",
    "steelblue",
    "tan",
    "teal",
    "thistle",
    "tomato",
    "turquoise",
    "violet",
    "wheat",
    "white",
    "whitesmoke",
    "yellow",
    "yellowgreen",
];

/// Whether `value` is a colour isnad accepts: `#rgb`, `#rgba`, `#rrggbb`,
/// `#rrggbbaa`, `rgb()`, `rgba()`, `hsl()`, `hsla()` with numeric
/// arguments, a named colour, `transparent` or `currentColor` (any case,
/// surrounding spaces ignored).
pub fn is_colour(value: &str) -> bool {
    let value = value.trim();
    if value.is_empty() || value.len() > 64 {
        return false;
    }
    if let Some(hex) = value.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    let lower = value.to_ascii_lowercase();
    if NAMED.contains(&lower.as_str()) {
        return true;
    }
    let Some((name, rest)) = lower.split_once('(') else {
        return false;
    };
    let Some(args) = rest.strip_suffix(')') else {
        return false;
    };
    if !FUNCTIONS.contains(&name) {
        return false;
    }
    if !args
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || " .,%/+-".contains(c))
    {
        return false;
    }
    args.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty())
        .all(|word| FUNCTION_WORDS.contains(&word))
}

/// Checks the `theme` option: absent (`null`) or an object whose keys are
/// [`KEYS`] and whose values are colours ([`is_colour`]). The error is the
/// message for the embedder, without the `isnad: ` prefix.
pub fn check(theme: &Value) -> Result<(), String> {
    let entries = match theme {
        Value::Null => return Ok(()),
        Value::Object(entries) => entries,
        _ => {
            return Err(
                "options.theme must be an object of CSS colours, like { accent: '#0b6e4f' }".into(),
            )
        }
    };
    for (key, value) in entries {
        if !KEYS.contains(&key.as_str()) {
            return Err(format!(
                "options.theme: unknown colour {key:?} (known: {})",
                KEYS.join(", ")
            ));
        }
        let Some(colour) = value.as_str() else {
            return Err(format!("options.theme.{key} must be a CSS colour string"));
        };
        if !is_colour(colour) {
            return Err(format!(
                "options.theme.{key}: {colour:?} is not a colour isnad accepts (use #hex, rgb(), rgba(), hsl(), hsla(), a colour name, transparent or currentColor; nothing that loads a file)"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn accepts_colours() {
        for colour in [
            "#0b6e4f",
            "#fff",
            "#FFFA",
            "#0b6e4f80",
            "rgb(1, 2, 3)",
            "rgba(1,2,3,0.5)",
            "rgb(1 2 3 / 50%)",
            "hsl(120deg 50% 40%)",
            "HSLA(120, 50%, 40%, .3)",
            "rebeccapurple",
            "Red",
            "transparent",
            "currentColor",
            " teal ",
            "hsl(0.5turn 10% 10%)",
        ] {
            assert!(is_colour(colour), "{colour}");
            assert_eq!(check(&json!({ "accent": colour })), Ok(()), "{colour}");
        }
    }

    #[test]
    fn refuses_anything_that_can_load_or_escape() {
        for value in [
            "url(https://example.invalid/x.png)",
            "URL(x.png)",
            "url('x.png')",
            "image-set('x.png' 1x)",
            "-webkit-image-set(url(x.png) 1x)",
            "var(--x)",
            "var(--x, url(x.png))",
            "rgb(var(--x))",
            "rgb(1,2,3) url(x.png)",
            "rgb(1,2,3); background: url(x.png)",
            "red; background-image: url(x.png)",
            "red}",
            "env(safe-area-inset-top)",
            "attr(data-x)",
            "calc(1px)",
            "linear-gradient(red, blue)",
            "#12345",
            "#ggg",
            "notacolour",
            "inherit",
            "",
            "rgb(1,2,3",
            "rgb(1,2,3))",
            "\\75 rl(x.png)",
        ] {
            assert!(!is_colour(value), "{value}");
            let error = check(&json!({ "accent": value })).unwrap_err();
            assert!(error.contains("options.theme.accent"), "{error}");
        }
    }

    #[test]
    fn theme_must_be_a_plain_object_of_known_keys_and_strings() {
        assert_eq!(check(&Value::Null), Ok(()));
        assert_eq!(check(&json!({})), Ok(()));
        for theme in [
            json!(5),
            json!(true),
            json!([]),
            json!(["red"]),
            json!("red"),
        ] {
            let error = check(&theme).unwrap_err();
            assert!(
                error.contains("options.theme must be an object"),
                "{theme}: {error}"
            );
        }
        assert!(check(&json!({ "link": "red" }))
            .unwrap_err()
            .contains("unknown colour"));
        assert!(check(&json!({ "accent": 5 }))
            .unwrap_err()
            .contains("colour string"));
    }
}
