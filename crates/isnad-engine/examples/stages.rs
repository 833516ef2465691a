//! Prints how long each engine stage takes on a text file, to find where
//! the time goes: `cargo run --release -p isnad-engine --example stages -- FILE [LANG]`.

use std::time::Instant;

use isnad_engine::{boilerplate, claims, quotes, speakers, Lang, Prepared};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: stages FILE [ar|en|fr]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("stages: cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let lang = args.next().and_then(|l| Lang::from_code(&l));
    // Warm the lexicons once so their one-time build is not counted.
    let _ = isnad_engine::analyze(&text, &isnad_engine::Options::default());
    // ISNAD_ROUNDS=1 for instruction counting under callgrind.
    let rounds = std::env::var("ISNAD_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or((20_000_000 / text.len().max(1)).clamp(1, 200));
    let mut t = [0f64; 6];
    for _ in 0..rounds {
        let s = Instant::now();
        let p = Prepared::new(&text, lang);
        t[0] += s.elapsed().as_secs_f64();
        let s = Instant::now();
        let noise = boilerplate::detect(&p);
        t[1] += s.elapsed().as_secs_f64();
        let s = Instant::now();
        let q = quotes::detect(&p, &noise);
        t[2] += s.elapsed().as_secs_f64();
        let s = Instant::now();
        let _ = speakers::cluster(&p, &q);
        t[3] += s.elapsed().as_secs_f64();
        let s = Instant::now();
        let _ = claims::detect(&p, &noise, &q);
        t[4] += s.elapsed().as_secs_f64();
    }
    let mb = text.len() as f64 / 1e6;
    let total: f64 = t.iter().sum::<f64>() / rounds as f64;
    for (name, secs) in ["prepare", "boilerplate", "quotes", "speakers", "claims"]
        .iter()
        .zip(t)
    {
        let per = secs / rounds as f64;
        println!(
            "{name:<12} {:>9.3} ms  {:>5.1}%",
            per * 1e3,
            per / total * 100.0
        );
    }
    println!(
        "{:<12} {:>9.3} ms  {:.1} MB/s ({} bytes, {rounds} rounds)",
        "total",
        total * 1e3,
        mb / total,
        text.len()
    );
}
