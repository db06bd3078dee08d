//! Counting work, so that tests can show how the cost of an operation grows
//! with its input without timing it.
//!
//! In: `tick(n)` calls in the loops whose cost could grow faster than the
//! input (edit distance cells, diff candidates, cycle walks, scanned bytes).
//! Out: `measure(f)` returns what `f` returned and the ticks it made on this
//! thread. Not part of the stable API; a counter is one add on a
//! thread-local, cheap enough to stay in release builds.

use std::cell::Cell;

thread_local! {
    static TICKS: Cell<u64> = const { Cell::new(0) };
}

/// Record `n` units of work.
#[doc(hidden)]
#[inline]
pub fn tick(n: usize) {
    TICKS.with(|t| t.set(t.get().saturating_add(n as u64)));
}

/// Run `f` and return its result with the work it recorded on this thread.
#[doc(hidden)]
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, u64) {
    let before = TICKS.with(Cell::get);
    let r = f();
    let after = TICKS.with(Cell::get);
    (r, after.saturating_sub(before))
}

/// Add the work a helper thread recorded: it runs its part under
/// [`measure`], the thread that waits for it passes the pair here, so that
/// `measure` on the waiting thread counts its helpers' work too.
#[doc(hidden)]
pub fn carry<R>((r, ticks): (R, u64)) -> R {
    TICKS.with(|t| t.set(t.get().saturating_add(ticks)));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_helper_threads_work_counts_where_it_is_carried() {
        let ((), ticks) = measure(|| {
            tick(2);
            let helped = std::thread::scope(|s| s.spawn(|| measure(|| tick(5))).join());
            if let Ok(pair) = helped {
                carry(pair);
            }
        });
        assert_eq!(ticks, 7);
    }
}
