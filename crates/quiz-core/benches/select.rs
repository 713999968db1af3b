//! Native micro-benchmarks of the quiz rules over the real bank and a generated bank of
//! 10,000 questions: filter + seeded shuffle (a 10-question draw), and scoring a session.
//! A simple harness: warm-up, then the median and p95 of 31 samples.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use quiz_core::parse::load_dir;
use quiz_core::{Count, Difficulty, Question, Response, Selection, Session, select};

fn measure(name: &str, mut f: impl FnMut()) -> (f64, f64) {
    for _ in 0..50 {
        f();
    }
    // Enough iterations per sample to last ~2 ms.
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
    (median, p95)
}

fn generated(n: usize, real: &[Question]) -> Vec<Question> {
    (0..n)
        .map(|i| {
            let mut q = real[i % real.len()].clone();
            q.id = format!("{}-{i}", q.id);
            q.topic = format!("topic-{}", i % 400);
            q
        })
        .collect()
}

fn bench(label: &str, bank: &[Question]) {
    let sel = Selection {
        difficulties: vec![Difficulty::Easy, Difficulty::Hard],
        topics: vec![],
        count: Count::Total(10),
        ids: vec![],
        seed: 42,
    };
    let mut seed = 0u32;
    measure(
        &format!("{label}: filter + seeded shuffle, draw 10"),
        || {
            seed = seed.wrapping_add(1);
            black_box(
                select(
                    black_box(bank),
                    &Selection {
                        seed,
                        ..sel.clone()
                    },
                )
                .unwrap(),
            );
        },
    );
    let quiz = select(bank, &sel).unwrap();
    measure(&format!("{label}: score a 10-question session"), || {
        let mut s = Session::new(quiz.clone());
        while let Some(p) = s.current() {
            let r = match p.question.answer.choices().len() {
                0 => Response::Text("x".into()),
                _ => Response::Choice(0),
            };
            s.submit(r, 1);
            s.advance();
        }
        black_box(s.score());
    });
}

fn main() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let t = Instant::now();
    let real: Vec<Question> = load_dir(&content, "content")
        .unwrap()
        .questions()
        .cloned()
        .collect();
    println!(
        "parsed + validated the real bank ({} questions) in {:.1} ms",
        real.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    bench(&format!("real bank ({})", real.len()), &real);
    bench("generated bank (10,000)", &generated(10_000, &real));
}
