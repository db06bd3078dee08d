//! The German explanations of the rules (docs/rules/de/), for `pakt
//! explain --lang de`.
//!
//! In: a rule code. Out: its explanation in German, with the headings in
//! `EXPLANATION_HEADINGS_DE`; a test checks every rule has one.

/// The headings every German explanation has, in this order.
pub const EXPLANATION_HEADINGS_DE: &[&str] =
    &["## Was geprüft wird", "## Warum es wichtig ist", "## Beispiel, das fehlschlägt", "## So wird es behoben"];

/// The German explanation of rule `code`.
pub fn explanation_de(code: &str) -> Option<&'static str> {
    Some(match code {
        "A001" => include_str!("../../docs/rules/de/A001-parity.md"),
        "A002" => include_str!("../../docs/rules/de/A002-seat-count.md"),
        "A003" => include_str!("../../docs/rules/de/A003-meeting-rule.md"),
        "A004" => include_str!("../../docs/rules/de/A004-meeting-threshold.md"),
        "A005" => include_str!("../../docs/rules/de/A005-chair.md"),
        "A006" => include_str!("../../docs/rules/de/A006-consent-before-financing.md"),
        "A007" => include_str!("../../docs/rules/de/A007-unanimity.md"),
        "A008" => include_str!("../../docs/rules/de/A008-tranches.md"),
        "A009" => include_str!("../../docs/rules/de/A009-budget-reservation.md"),
        "A010" => include_str!("../../docs/rules/de/A010-reporting-cycle.md"),
        "A011" => include_str!("../../docs/rules/de/A011-step-cycle.md"),
        "A012" => include_str!("../../docs/rules/de/A012-obligation-bearer.md"),
        "A013" => include_str!("../../docs/rules/de/A013-unbound-party.md"),
        "A014" => include_str!("../../docs/rules/de/A014-signatures.md"),
        "A015" => include_str!("../../docs/rules/de/A015-approval-date.md"),
        "A016" => include_str!("../../docs/rules/de/A016-successor-date.md"),
        "A017" => include_str!("../../docs/rules/de/A017-term.md"),
        "A018" => include_str!("../../docs/rules/de/A018-continuity.md"),
        "A019" => include_str!("../../docs/rules/de/A019-unheld-obligation.md"),
        "A020" => include_str!("../../docs/rules/de/A020-parity-power.md"),
        "A021" => include_str!("../../docs/rules/de/A021-unblockable-binding.md"),
        "A022" => include_str!("../../docs/rules/de/A022-unreachable-threshold.md"),
        "A023" => include_str!("../../docs/rules/de/A023-voteless-veto.md"),
        "A024" => include_str!("../../docs/rules/de/A024-parity-breakers.md"),
        "A025" => include_str!("../../docs/rules/de/A025-group-members.md"),
        "A026" => include_str!("../../docs/rules/de/A026-key-figures.md"),
        "A027" => include_str!("../../docs/rules/de/A027-rotation-seats.md"),
        "A028" => include_str!("../../docs/rules/de/A028-financing-shares.md"),
        "A029" => include_str!("../../docs/rules/de/A029-indeterminate-shares.md"),
        "A030" => include_str!("../../docs/rules/de/A030-impossible-decision.md"),
        "A031" => include_str!("../../docs/rules/de/A031-entry-into-force.md"),
        "A032" => include_str!("../../docs/rules/de/A032-institution.md"),
        "A033" => include_str!("../../docs/rules/de/A033-placeholder.md"),
        "A034" => include_str!("../../docs/rules/de/A034-double-seat.md"),
        "A035" => include_str!("../../docs/rules/de/A035-dates.md"),
        "A036" => include_str!("../../docs/rules/de/A036-signature-consistency.md"),
        "A037" => include_str!("../../docs/rules/de/A037-placeholder-signatory.md"),
        "A038" => include_str!("../../docs/rules/de/A038-self-payment.md"),
        "A039" => include_str!("../../docs/rules/de/A039-free-and-costly.md"),
        "A040" => include_str!("../../docs/rules/de/A040-side-kind.md"),
        "A041" => include_str!("../../docs/rules/de/A041-decide-without-rule.md"),
        "A042" => include_str!("../../docs/rules/de/A042-formed-by-cycle.md"),
        "A043" => include_str!("../../docs/rules/de/A043-third-party-duty.md"),
        _ => return None,
    })
}
