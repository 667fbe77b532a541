//! What the build takes of the machine: its memory handed back between stages, and the
//! peak memory and CPU time `DORACAK_TIMINGS` reports.

/// Return the heap's freed memory to the system (glibc keeps it for reuse otherwise; so does
/// mimalloc, the binary's allocator, in each thread's heap): a stage that dropped large
/// values hands their memory back before the next builds on top (issue 28, peak memory).
///
/// It runs a task on every thread of rayon's pool (`rayon::broadcast`) and waits for all:
/// call it only where no worker can be blocked outside rayon (on a channel, or on a lock
/// the caller holds), as from the build's own thread or `serve`'s watcher (adversary 52).
pub(crate) fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory at the top of the heaps and arenas.
    unsafe {
        libc::malloc_trim(0);
    }
    // Each of rayon's threads, and this one, hands back what its heap freed.
    rayon::broadcast(|_| give_back_thread_memory());
    give_back_thread_memory();
}

/// Return what this thread's heap freed to the system now (mimalloc keeps a thread's freed
/// pages for reuse otherwise): for a worker that has just dropped a large transient value
/// and goes on to other work.
pub(crate) fn give_back_thread_memory() {
    // SAFETY: mi_collect only returns memory the allocator holds unused.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

/// The process's peak resident memory so far in MiB (Linux; 0 elsewhere), for
/// `DORACAK_TIMINGS`.
pub fn peak_rss_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

/// The CPU time this thread has used (user and system), for `DORACAK_TIMINGS`: on a
/// shared machine the wall time of a stage says little.
pub(crate) fn thread_cpu() -> std::time::Duration {
    cpu_clock(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// The CPU time the whole process has used so far (every thread), for `DORACAK_TIMINGS`:
/// a stage's CPU beside its wall time says how parallel it was.
pub(crate) fn process_cpu() -> std::time::Duration {
    cpu_clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

fn cpu_clock(clock: libc::clockid_t) -> std::time::Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to fill.
    if unsafe { libc::clock_gettime(clock, &mut ts) } != 0 {
        return std::time::Duration::ZERO;
    }
    std::time::Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Whether `DORACAK_TIMINGS` asks for the build's timings and memory notes (read once).
pub(crate) fn timings_asked() -> bool {
    static ASKED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ASKED.get_or_init(|| std::env::var_os("DORACAK_TIMINGS").is_some())
}
