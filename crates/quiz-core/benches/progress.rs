//! Native micro-benchmarks of the study rules over 10,000 review states, for comparison with
//! the same rules in wasm (bench/progress.mjs): the study queue, the dashboard and mistakes.
//! The history is simulated as in crates/quiz-web/src/bench.rs (first answer 1–180 days ago,
//! 70 % right, then reviewed 0–3 days after each due date, recalled with the predicted
//! probability); the ids are synthetic, of the bank's typical length (~35 characters).
//! A simple harness: warm-up, then the median and p95 of 31 samples.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;
use std::time::Instant;

use quiz_core::Rng;
use quiz_core::progress::{Clock, DAY_MS, Progress};

const TODAY: f64 = 1_780_272_000_000.0;
const N: usize = 10_000;

fn measure(name: &str, mut f: impl FnMut()) {
    for _ in 0..10 {
        f();
    }
    let t = Instant::now();
    f();
    let one = t.elapsed().as_secs_f64().max(1e-9);
    let iters = ((2e-3 / one) as usize).clamp(1, 100_000);
    let mut samples: Vec<f64> = (0..31)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..iters {
                f();
            }
            t.elapsed().as_secs_f64() / iters as f64 * 1e3
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    let (median, p95) = (samples[15], samples[29]);
    println!("{name:<58} median {median:>9.4} ms   p95 {p95:>9.4} ms");
}

fn clock(offset_days: f64) -> Clock {
    let now_ms = TODAY + offset_days * DAY_MS;
    Clock {
        now_ms,
        day_start_ms: (now_ms / DAY_MS).floor() * DAY_MS,
    }
}

fn main() {
    let ids: Vec<String> = (0..N)
        .map(|i| format!("question-id-of-a-typical-length-{i}"))
        .collect();
    let mut rng = Rng::new(1);
    let mut progress = Progress::new();
    let mut reviews = 0u32;
    for id in &ids {
        let mut t = TODAY - f64::from(1 + rng.below(180)) * DAY_MS;
        loop {
            let correct = match progress.get(id) {
                None => rng.below(100) < 70,
                Some(card) => f64::from(rng.next_u32()) / 4_294_967_296.0 < card.retrievability(t),
            };
            let at = Clock {
                now_ms: t,
                day_start_ms: (t / DAY_MS).floor() * DAY_MS,
            };
            let review = progress.record(id, correct, at, 0.9);
            reviews += 1;
            t = review.card.due_ms
                + f64::from(rng.below(4)) * DAY_MS
                + f64::from(rng.below(86_400_000));
            if t > TODAY {
                break;
            }
        }
    }
    println!("{N} questions, {reviews} simulated reviews");
    for (label, days) in [
        ("today", 0.0),
        ("after 30 days away", 30.0),
        ("after 10 years away", 3650.0),
    ] {
        let len = progress.study_queue(&ids, clock(days), 10).len();
        measure(&format!("study queue, {label} (queue {len})"), || {
            black_box(progress.study_queue(black_box(&ids), clock(days), 10));
        });
    }
    measure("dashboard + mistakes, today", || {
        black_box(progress.dashboard(black_box(&ids), clock(0.0), 10));
        black_box(progress.mistakes(black_box(&ids)));
    });
    measure(
        "clone the history (the widget does, to start a session)",
        || {
            black_box(progress.clone());
        },
    );
}
