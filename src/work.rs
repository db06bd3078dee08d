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

/// Run `f` on a thread that works for another: returns its result with the
/// work it recorded, which the waiting thread adds with [`carry`], so that
/// `measure` there counts what its helpers did too.
#[doc(hidden)]
pub fn for_other<R>(f: impl FnOnce() -> R) -> (R, u64) {
    measure(f)
}

/// Add the work a helper thread recorded (see [`for_other`]).
#[doc(hidden)]
pub fn carry<R>((r, ticks): (R, u64)) -> R {
    TICKS.with(|t| t.set(t.get().saturating_add(ticks)));
    r
}
