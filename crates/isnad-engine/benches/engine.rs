//! Throughput of the whole `analyze` (MB/s) on real and pathological text:
//! the Karabakh wire story, the 22 dev articles concatenated, 5 MB of
//! repeated dev articles, 1 MB of unbalanced quotation marks among words,
//! and 1 MB with no punctuation at all. Without `../shared` only the
//! synthetic inputs run. The `interchange` group times a W3C export and its
//! import back onto the text, and re-anchoring an `isnad/1` file onto the
//! text with a line added at the top, for the Karabakh story (or the
//! synthetic article). Budgets and figures: `BENCHMARKS.md`; run with
//! `scripts/bench-engine`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use isnad_engine::export::ExportMeta;
use isnad_engine::{analyze, Lang, Options};

const MB: usize = 1 << 20;

/// A short Arabic wire paragraph written for this bench (not from shared/).
const SYNTHETIC_ARTICLE: &str = "قال وزير الخارجية سامي العلي، اليوم الاثنين، إن المحادثات ستُستأنف الأسبوع المقبل في عمّان. \
وأضاف في مؤتمر صحفي: «نأمل أن نصل إلى اتفاق قبل نهاية الشهر»، مشيرا إلى أن 1200 شخص نزحوا منذ بداية الأزمة.\n\
وبحسب مصادر مطلعة، فإن الحكومة تدرس خطة بقيمة ٣٫٥ مليار دولار لإعادة الإعمار.\n\
The minister said on Monday that talks would resume \"as soon as possible\", adding that 40% of the aid had arrived.\n\
Le porte-parole a déclaré que « la situation reste fragile » selon l’agence.\n\
اقرأ أيضا: محادثات جديدة في موسكو\n";

/// `unit` repeated until the text is at least `bytes` long.
fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + unit.len());
    while out.len() < bytes {
        out.push_str(unit);
    }
    out
}

/// 1 MB of words mixed with unbalanced quotation marks of every kind.
fn unbalanced_quotes() -> String {
    repeat_to("« “ \" ‹ word قال „ ’ said « كلمة » » ” ", MB)
}

/// 1 MB of words and spaces: no punctuation and no line break anywhere.
fn no_punctuation() -> String {
    repeat_to(
        "قال الوزير ان المحادثات ستستانف the minister said talks will resume le ministre a dit que ",
        MB,
    )
}

/// The inputs to measure: `(name, text, language)`.
fn inputs() -> Vec<(String, String, Lang)> {
    let mut inputs = Vec::new();
    let shared = common::shared_path();
    if shared.join("fixtures").is_dir() {
        let karabakh = common::karabakh(&shared);
        let dev: Vec<String> = common::dev_articles(&shared)
            .into_iter()
            .map(|(_, text, _)| text)
            .collect();
        let dev_all = dev.join("\n\n");
        inputs.push(("karabakh-6KB".to_string(), karabakh, Lang::Ar));
        inputs.push(("dev-22-articles".to_string(), dev_all.clone(), Lang::Ar));
        inputs.push((
            "dev-repeated-5MB".to_string(),
            repeat_to(&format!("{dev_all}\n\n"), 5 * MB),
            Lang::Ar,
        ));
    } else {
        eprintln!(
            "bench: ../shared is missing ({}): synthetic inputs only",
            shared.display()
        );
        inputs.push((
            "synthetic-article-6KB".to_string(),
            repeat_to(SYNTHETIC_ARTICLE, 6 * 1024),
            Lang::Ar,
        ));
        inputs.push((
            "synthetic-repeated-5MB".to_string(),
            repeat_to(SYNTHETIC_ARTICLE, 5 * MB),
            Lang::Ar,
        ));
    }
    inputs.push((
        "unbalanced-quotes-1MB".to_string(),
        unbalanced_quotes(),
        Lang::Ar,
    ));
    inputs.push(("no-punctuation-1MB".to_string(), no_punctuation(), Lang::Ar));
    inputs
}

fn bench_analyze(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    for (name, text, lang) in inputs() {
        let options = Options {
            language: Some(lang),
            ..Default::default()
        };
        if text.len() >= MB {
            group.sample_size(10);
        } else {
            group.sample_size(50);
        }
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &text, |b, text| {
            b.iter(|| black_box(analyze(black_box(text), &options)))
        });
    }
    group.finish();
}

fn bench_interchange(c: &mut Criterion) {
    let shared = common::shared_path();
    let (name, text) = if shared.join("fixtures").is_dir() {
        ("karabakh-6KB", common::karabakh(&shared))
    } else {
        (
            "synthetic-article-6KB",
            repeat_to(SYNTHETIC_ARTICLE, 6 * 1024),
        )
    };
    let options = Options {
        language: Some(Lang::Ar),
        ..Default::default()
    };
    let analysis = analyze(&text, &options);
    let meta = ExportMeta::new("2026-05-01T00:00:00Z");
    let mut group = c.benchmark_group("interchange");
    group.sample_size(50);
    group.bench_function(BenchmarkId::new("w3c-export-import", name), |b| {
        b.iter(|| {
            let json = isnad_engine::w3c::to_w3c(black_box(&analysis), &meta).to_string();
            black_box(isnad_engine::import::import(
                "bench.json",
                &json,
                Some(&text),
            ))
        })
    });
    let edited = format!("عاجل\n{text}");
    group.bench_function(BenchmarkId::new("isnad-reanchor", name), |b| {
        b.iter(|| {
            black_box(isnad_engine::anchor::reanchor(
                black_box(&analysis),
                &edited,
            ))
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = bench_analyze, bench_interchange
}
criterion_main!(benches);
