//! With `DORACAK_TIMINGS`, where the pages' time goes: the CPU each template's pages took
//! (the thread's, so pages rendered at once do not count each other's), summed, said
//! after the pages, the dearest first.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

static COSTS: Mutex<Option<HashMap<String, (Duration, usize)>>> = Mutex::new(None);

/// `f`, its thread CPU counted to `what` where timings are asked for.
pub(super) fn timed<R>(what: &str, f: impl FnOnce() -> R) -> R {
    if !crate::timings_asked() {
        return f();
    }
    let before = crate::thread_cpu();
    let r = f();
    let spent = crate::thread_cpu().saturating_sub(before);
    let mut costs = COSTS.lock().unwrap_or_else(|p| p.into_inner());
    let e = costs
        .get_or_insert_with(HashMap::new)
        .entry(what.to_string())
        .or_default();
    e.0 += spent;
    e.1 += 1;
    r
}

/// Say the costs counted so far, and forget them.
pub(super) fn say() {
    if !crate::timings_asked() {
        return;
    }
    let costs = COSTS.lock().unwrap_or_else(|p| p.into_inner()).take();
    let mut costs: Vec<_> = costs.unwrap_or_default().into_iter().collect();
    costs.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(&b.0)));
    for (what, (cpu, n)) in costs {
        eprintln!(
            "timing: pages of {what:<32} {:>8.1} ms CPU, {n} times",
            cpu.as_secs_f64() * 1000.0
        );
    }
}
