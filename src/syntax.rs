//! Step one: text → parse tree (pest), and syntax errors in plain words.
//!
//! In: the source text. Out: pest pairs for `lower`, or one diagnostic that
//! names what was expected in words a drafter knows (never raw rule names),
//! with the block it happened in and the attributes that block takes.

use crate::diagnostic::{Diagnostic, Label};
use crate::span::Span;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/pakt.pest"]
pub struct PaktParser;

pub type Pair<'i> = pest::iterators::Pair<'i, Rule>;

/// Parse a whole file into its `file` pair. `check` parses block by block
/// (`blockwise`); this whole-file parse is the reference they are tested
/// against, and what the fuzzer drives.
pub fn parse(text: &str) -> Result<Pair<'_>, Diagnostic> {
    if let Some(d) = empty_file(text) {
        return Err(d);
    }
    parse_piece(text, 0, text.len(), true)
}

/// The diagnostic for a file with nothing to parse.
pub fn empty_file(text: &str) -> Option<Diagnostic> {
    if text.trim().is_empty() || only_comments(text) {
        return Some(
            Diagnostic::error(
                "P005",
                "empty-file",
                "the file contains no agreement",
                Label::new(Span::new(0, text.len()), "nothing here but white space and comments"),
            )
            .with_help("an agreement file starts with a header: agreement my_agreement { title \"…\" }"),
        );
    }
    None
}

/// Parse the piece `text[start..end]` of a file: the first piece (it holds
/// the header) with `file`, any other with `block_items`. Spans of the
/// pairs are relative to `start`; a syntax error is in file offsets.
pub fn parse_piece(text: &str, start: usize, end: usize, first: bool) -> Result<Pair<'_>, Diagnostic> {
    let piece = text.get(start..end).unwrap_or("");
    let rule = if first { Rule::file } else { Rule::block_items };
    match PaktParser::parse(rule, piece) {
        Ok(mut pairs) => pairs.next().ok_or_else(|| {
            Diagnostic::error(
                "P001",
                "syntax-error",
                "the parser returned nothing",
                Label::new(Span::new(start, start), "here"),
            )
        }),
        Err(err) => Err(syntax_error(text, start, end, &err)),
    }
}

fn only_comments(text: &str) -> bool {
    text.split(['\n', '\r']).all(|l| {
        let t = l.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        t.is_empty() || t.starts_with("//")
    })
}

/// The diagnostic for a parse error in the piece `text[start..end]`.
fn syntax_error(text: &str, start: usize, end: usize, err: &pest::error::Error<Rule>) -> Diagnostic {
    let pos = start
        + match err.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        };
    let scan = scan(text, start, end, pos);
    if let Some(open) = scan.unterminated_string {
        let line_end = text.get(open..).and_then(|t| t.find(['\n', '\r'])).map_or(text.len(), |i| open + i);
        return Diagnostic::error(
            "P002",
            "unterminated-string",
            "this text is never closed",
            Label::new(Span::new(open, line_end), "the text starts here and runs to the end of the file"),
        )
        .with_help(
            "close the text with `\"`; a quotation mark inside a text is written `\\\"` (or use „German quotes“)",
        );
    }
    let (found_span, found) = found_at(text, pos);
    let mut expected: Vec<String> = match &err.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            positives.iter().map(|r| rule_name(*r).to_string()).collect()
        }
        pest::error::ErrorVariant::CustomError { message } => vec![message.clone()],
    };
    expected.sort();
    expected.dedup();
    // The attributes every block takes are named in the help line, not in
    // every "expected" list.
    const COMMON_NAMES: [&str; 5] = ["`allow`", "`assumption`", "`note`", "`section`", "`wording`"];
    if COMMON_NAMES.iter().all(|c| expected.iter().any(|e| e == c)) && expected.len() > COMMON_NAMES.len() {
        expected.retain(|e| !COMMON_NAMES.contains(&e.as_str()));
    }
    let expected_text = join_or(&expected);
    let hint = crate::syntax_hints::known_mistake(text, found_span, &expected);
    let mut diag = match &hint {
        Some(h) => Diagnostic::error("P001", "syntax-error", h.message.clone(), Label::new(h.span, h.label.clone())),
        None => Diagnostic::error(
            "P001",
            "syntax-error",
            format!("expected {expected_text}, found {found}"),
            Label::new(found_span, format!("expected {expected_text}")),
        ),
    };
    if let Some(h) = hint {
        diag = diag.with_help(h.help);
    }
    if let Some(block) = scan.block {
        diag = diag.with_label(Label::new(block.span, format!("in this `{}` block", block.keyword)));
        let word = text.get(found_span.start..found_span.end).unwrap_or("");
        let at_margin = found_span.start == 0 || text.get(..found_span.start).is_some_and(|t| t.ends_with('\n'));
        if diag.help.is_some() {
            // A known mistake's fix says more than the list of attributes.
        } else if at_margin && crate::split::is_item_keyword(word) {
            diag = diag.with_help(format!(
                "`{word}` starts a new block: is the `{}` block above missing its closing `}}`?",
                block.keyword
            ));
        } else if let Some(attrs) = block_attributes(block.keyword) {
            let article = if block.keyword.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
            diag = diag.with_help(format!("{article} `{}` block takes: {attrs}", block.keyword));
        }
    } else if diag.help.is_some() {
        // As above.
    } else if expected.iter().any(|e| e.contains("`goal`")) {
        diag = diag.with_help(
            "at the top level, write blocks: goal, party, office, actor, body, obligation, service, project, financing, procedure, term, approval, signature",
        );
    }
    diag
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => "something else".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The token at `pos`, for "found …".
fn found_at(text: &str, pos: usize) -> (Span, String) {
    let rest = text.get(pos..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        return (Span::new(text.len(), text.len()), "the end of the file".to_string());
    };
    let len: usize = if first.is_alphanumeric() || first == '_' {
        rest.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-' || *c == '.')
            .map(char::len_utf8)
            .sum()
    } else {
        first.len_utf8()
    };
    let word = rest.get(..len).unwrap_or("");
    let shown = if first == '"' { "a quoted text".to_string() } else { format!("`{word}`") };
    (Span::new(pos, pos + len), shown)
}

#[derive(Debug, Clone, Copy)]
struct Block {
    keyword: &'static str,
    span: Span,
}

struct Scan {
    /// The innermost block open at the position.
    block: Option<Block>,
    /// Offset of a string opened and never closed.
    unterminated_string: Option<usize>,
}

const BLOCK_KEYWORDS: &[&str] = &[
    "agreement",
    "goal",
    "party",
    "office",
    "actor",
    "body",
    "seat",
    "task",
    "obligation",
    "service",
    "project",
    "financing",
    "procedure",
    "step",
    "term",
    "approval",
    "signature",
    "statute",
    "rules_of_procedure",
    "group",
    "key",
    "decision",
    "ratification",
    "amendment",
    "institution",
    "act",
];

/// A small lexer over strings, comments and braces, enough to find the
/// block that encloses a position and a string that is never closed.
/// Only the piece `text[start..end]` is scanned: it starts at the top level.
fn scan(text: &str, start: usize, end: usize, pos: usize) -> Scan {
    let mut stack: Vec<Block> = Vec::new();
    let mut last_keyword: Option<Block> = None;
    let mut block_at_pos: Option<Option<Block>> = None;
    let piece = text.get(start..end).unwrap_or("");
    let mut chars = piece.char_indices().map(|(i, c)| (start + i, c)).peekable();
    while let Some((i, c)) = chars.next() {
        if i >= pos && block_at_pos.is_none() {
            block_at_pos = Some(stack.last().copied());
        }
        match c {
            // A comment ends at a line break, a lone CR included (as in the
            // grammar's COMMENT); running on to the next LF would swallow a
            // quote and invent an unterminated text.
            '/' if chars.peek().map(|(_, n)| *n) == Some('/') => {
                for (_, n) in chars.by_ref() {
                    if n == '\n' || n == '\r' {
                        break;
                    }
                }
            }
            '"' => {
                let mut closed = false;
                while let Some((_, n)) = chars.next() {
                    match n {
                        '\\' => {
                            chars.next();
                        }
                        '"' => {
                            closed = true;
                            break;
                        }
                        _ => {}
                    }
                }
                if !closed {
                    return Scan { block: block_at_pos.unwrap_or(stack.last().copied()), unterminated_string: Some(i) };
                }
            }
            '{' => {
                if let Some(b) = last_keyword.take() {
                    stack.push(b);
                } else if let Some(top) = stack.last().copied() {
                    stack.push(top);
                }
            }
            '}' => {
                stack.pop();
                last_keyword = None;
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut end = i + c.len_utf8();
                while let Some((j, n)) = chars.peek().copied() {
                    if n.is_alphanumeric() || n == '_' || n == '-' {
                        end = j + n.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let word = text.get(i..end).unwrap_or("");
                let at_line_start = text.get(..i).map_or(true, |before| {
                    before.trim_end_matches([' ', '\t']).ends_with(['\n', '{', '}']) || before.trim().is_empty()
                });
                if at_line_start {
                    // German block keywords are known by their English name.
                    let english = crate::keywords::english_of(word).unwrap_or(word);
                    if let Some(k) = BLOCK_KEYWORDS.iter().find(|k| **k == word || **k == english) {
                        last_keyword = Some(Block { keyword: k, span: Span::new(i, end) });
                    }
                }
            }
            _ => {}
        }
    }
    Scan { block: block_at_pos.unwrap_or(stack.last().copied()), unterminated_string: None }
}

const COMMON: &str = "section, wording, assumption, note, allow, unknown";

fn block_attributes(keyword: &str) -> Option<String> {
    let own = match keyword {
        "agreement" | "statute" | "rules_of_procedure" => "title, kind, land, date, place, supersedes, renews",
        "group" => "members, side",
        "key" => "of, year, source, example, tolerance, share",
        "decision" => "requires, quorum",
        "ratification" => "by, deadline, depositary, date",
        "amendment" => "requires, in_writing, by",
        "institution" => "legal_form, located_in, from, owner, organ, supervision, takes_over",
        "act" => "date, kind",
        "goal" => "",
        "party" => "side, represented_by, kind",
        "office" => "of, holder",
        "actor" => "side, part_of",
        "body" => "kind, legal_basis, parity, seats, seat, chair, deputy, casting_vote, meets, quorum, decides, decision, binding, recommendation_to, reports_to, continues, formed_by, task",
        "seat" => "party, office, side, count, each, variable, voting, advisory, votes_on",
        "task" => "must/shall/may/examines/recommends \"…\", beneficiary, condition, free_of_charge, costly, frequency, deadline",
        "obligation" => "bearer, must/shall/may/examines/recommends \"…\", beneficiary, condition, free_of_charge, costly, frequency, deadline",
        "service" => "provider, beneficiary, chosen_by, condition, free_of_charge, costly",
        "project" => "partners, condition, free_of_charge, costly",
        "financing" => "payer, recipient, legal_basis, kind, up_to, exactly, about, tranche, share, condition, cost_sharing",
        "procedure" => "step",
        "step" => "by, kind, after, consent_of, consultation_of, commits_money, under",
        "term" => "from, until, until_revoked, in_writing, notice, in_force_when, lapses_below, effective_when, withdrawal",
        "approval" => "by, date",
        "signature" => "party, signatory, office, date, place",
        _ => return None,
    };
    Some(if own.is_empty() { COMMON.to_string() } else { format!("{own}; and {COMMON}") })
}

/// How a grammar rule is named in "expected …". Exhaustive on purpose: a
/// new rule must decide how people will read it.
pub fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "the end of the file",
        Rule::WHITESPACE | Rule::COMMENT => "white space",
        Rule::file => "an agreement",
        Rule::item => "a block",
        Rule::block_items => "blocks",
        Rule::header => "the agreement header `agreement ID { … }`",
        Rule::document_kind => "`agreement`, `statute` or `rules_of_procedure`",
        Rule::kw_agreement => "`agreement`",
        Rule::kw_statute => "`statute`",
        Rule::kw_rules_of_procedure => "`rules_of_procedure`",
        Rule::header_attr => "a header attribute",
        Rule::common_attr => "an attribute",
        Rule::title_attr | Rule::kw_title => "`title`",
        Rule::kind_attr | Rule::step_kind_attr | Rule::kw_kind => "`kind`",
        Rule::land_attr | Rule::kw_land => "`land`",
        Rule::date_attr | Rule::kw_date => "`date`",
        Rule::place_attr | Rule::kw_place => "`place`",
        Rule::supersedes_attr | Rule::kw_supersedes => "`supersedes`",
        Rule::renews_attr | Rule::kw_renews => "`renews`",
        Rule::section_attr | Rule::kw_section => "`section`",
        Rule::wording_attr | Rule::kw_wording => "`wording`",
        Rule::kw_for => "`for`",
        Rule::unknown_attr | Rule::kw_unknown => "`unknown`",
        Rule::group | Rule::group_attr | Rule::kw_group => "`group`",
        Rule::members_attr | Rule::kw_members => "`members`",
        Rule::key | Rule::key_attr | Rule::kw_key => "`key`",
        Rule::key_year_attr => "`year`",
        Rule::source_attr | Rule::kw_source => "`source`",
        Rule::example_attr | Rule::kw_example => "`example`",
        Rule::tolerance_attr | Rule::kw_tolerance => "`tolerance`",
        Rule::key_share | Rule::share_attr | Rule::kw_share => "`share`",
        Rule::decimal => "a figure (e.g. 13.04)",
        Rule::percent => "`%`",
        Rule::percentage => "a percentage (e.g. `25 %`)",
        Rule::rotation | Rule::kw_rotating => "`rotating`",
        Rule::kw_among => "`among`",
        Rule::kw_every => "`every`",
        Rule::kw_order => "`order`",
        Rule::deputy_attr | Rule::kw_deputy => "`deputy`",
        Rule::casting_vote_attr | Rule::kw_casting_vote => "`casting_vote`",
        Rule::non_member | Rule::kw_non_member => "`non_member`",
        Rule::meeting_modality => "a modality (`must` or `shall`)",
        Rule::as_a_rule | Rule::kw_as_a_rule => "`as_a_rule`",
        Rule::governed_by | Rule::kw_governed_by => "`governed_by`",
        Rule::requester => "who may call a meeting (a number, `N of GROUP`, or a party)",
        Rule::span => "a period (e.g. `year`, `2 years`)",
        Rule::kw_years => "`years`",
        Rule::fraction => "a fraction (e.g. 2/3)",
        Rule::decision | Rule::decision_attr | Rule::kw_decision => "`decision`",
        Rule::requires_attr | Rule::kw_requires => "`requires`",
        Rule::requirement => "a requirement (`consent`, `unanimity`, `majority`, `qualified N/M`, `veto X`, `at_least N of GROUP` or `weighted KEY N/M`)",
        Rule::req_consent => "`consent`",
        Rule::req_unanimity => "`unanimity`",
        Rule::req_majority => "`majority`",
        Rule::req_qualified => "`qualified`",
        Rule::req_veto | Rule::kw_veto => "`veto`",
        Rule::req_count => "`at_least`",
        Rule::req_weighted => "`weighted`",
        Rule::base => "`of members`, `of present` or `of voting`",
        Rule::kw_present => "`present`",
        Rule::each_attr | Rule::kw_each => "`each`",
        Rule::variable_attr | Rule::kw_variable => "`variable`",
        Rule::votes_on_attr | Rule::kw_votes_on => "`votes_on`",
        Rule::kw_about => "`about`",
        Rule::per_year => "`per year`",
        Rule::for_years => "`for YEAR to YEAR`",
        Rule::kw_to => "`to`",
        Rule::share_by_key => "`by KEY`",
        Rule::share_rest | Rule::kw_rest => "`rest`",
        Rule::before_split | Rule::kw_before_split => "`before_split`",
        Rule::under_attr | Rule::kw_under => "`under`",
        Rule::in_force_attr | Rule::kw_in_force_when => "`in_force_when`",
        Rule::kw_ratifications => "`ratifications`",
        Rule::lapses_attr | Rule::kw_lapses_below => "`lapses_below`",
        Rule::kw_parties => "`parties`",
        Rule::kw_to_end_of => "`to_end_of`",
        Rule::effective_when_attr | Rule::kw_effective_when => "`effective_when`",
        Rule::withdrawal_attr | Rule::kw_withdrawal => "`withdrawal`",
        Rule::kw_continues_for_others => "`continues_for_others`",
        Rule::kw_ends_agreement => "`ends_agreement`",
        Rule::kw_ends => "`ends`",
        Rule::string_list => "quoted texts separated by commas",
        Rule::ratification | Rule::ratification_attr | Rule::kw_ratification => "`ratification`",
        Rule::depositary_attr | Rule::kw_depositary => "`depositary`",
        Rule::amendment | Rule::amendment_attr | Rule::kw_amendment => "`amendment`",
        Rule::institution | Rule::institution_attr | Rule::kw_institution => "`institution`",
        Rule::legal_form_attr | Rule::kw_legal_form => "`legal_form`",
        Rule::located_in_attr | Rule::kw_located_in => "`located_in`",
        Rule::owner_attr | Rule::kw_owner => "`owner`",
        Rule::kw_equal => "`equal`",
        Rule::organ_attr | Rule::kw_organ => "`organ`",
        Rule::kw_max_term => "`max_term`",
        Rule::kw_appointed_by => "`appointed_by`",
        Rule::supervision_attr | Rule::kw_supervision => "`supervision`",
        Rule::takes_over_attr | Rule::kw_takes_over => "`takes_over`",
        Rule::act | Rule::act_attr | Rule::kw_act => "`act`",
        Rule::assumption_attr | Rule::kw_assumption => "`assumption`",
        Rule::note_attr | Rule::kw_note => "`note`",
        Rule::allow_attr | Rule::kw_allow => "`allow`",
        Rule::goal | Rule::goal_block | Rule::kw_goal => "`goal`",
        Rule::party | Rule::party_attr | Rule::party_ref_attr | Rule::kw_party => "`party`",
        Rule::side_attr | Rule::kw_side => "`side`",
        Rule::side => "a side (`federal`, `state` or `municipal`)",
        Rule::kw_federal => "`federal`",
        Rule::kw_state => "`state`",
        Rule::kw_municipal => "`municipal`",
        Rule::represented_by_attr | Rule::kw_represented_by => "`represented_by`",
        Rule::office | Rule::office_attr | Rule::office_ref_attr | Rule::kw_office => "`office`",
        Rule::of_attr | Rule::kw_of => "`of`",
        Rule::holder_attr | Rule::kw_holder => "`holder`",
        Rule::actor | Rule::actor_attr | Rule::kw_actor => "`actor`",
        Rule::part_of_attr | Rule::kw_part_of => "`part_of`",
        Rule::body | Rule::body_attr | Rule::kw_body => "`body`",
        Rule::legal_basis_attr | Rule::kw_legal_basis => "`legal_basis`",
        Rule::parity_attr | Rule::kw_parity => "`parity`",
        Rule::seats_attr | Rule::kw_seats => "`seats`",
        Rule::chair_attr | Rule::kw_chair => "`chair`",
        Rule::meets_attr | Rule::kw_meets => "`meets`",
        Rule::at_least | Rule::kw_at_least => "`at_least`",
        Rule::on_request | Rule::kw_or => "`or`",
        Rule::kw_on_request_of => "`on_request_of`",
        Rule::period => "a period (`year`, `quarter` or `month`)",
        Rule::kw_per => "`per`",
        Rule::kw_year => "`year`",
        Rule::kw_quarter => "`quarter`",
        Rule::kw_month => "`month`",
        Rule::kw_regularly => "`regularly`",
        Rule::quorum_attr | Rule::kw_quorum => "`quorum`",
        Rule::decides_attr | Rule::kw_decides => "`decides`",
        Rule::decision_rule => "a decision rule (`consent`, `unanimity`, `majority`, `qualified N/M` or `weighted`)",
        Rule::kw_by | Rule::by_attr => "`by`",
        Rule::kw_consent => "`consent`",
        Rule::kw_unanimity => "`unanimity`",
        Rule::kw_majority => "`majority`",
        Rule::qualified | Rule::kw_qualified => "`qualified`",
        Rule::kw_weighted => "`weighted`",
        Rule::binding_attr | Rule::kw_binding => "`binding`",
        Rule::recommendation_attr | Rule::kw_recommendation_to => "`recommendation_to`",
        Rule::reports_to_attr | Rule::kw_reports_to => "`reports_to`",
        Rule::continues_attr | Rule::kw_continues => "`continues`",
        Rule::formed_by_attr | Rule::kw_formed_by => "`formed_by`",
        Rule::seat | Rule::seat_attr | Rule::kw_seat => "`seat`",
        Rule::count_attr | Rule::kw_count => "`count`",
        Rule::voting_attr => "`voting`, `advisory`",
        Rule::kw_voting => "`voting`",
        Rule::kw_advisory => "`advisory`",
        Rule::task | Rule::task_attr | Rule::kw_task => "`task`",
        Rule::obligation | Rule::obligation_attr | Rule::kw_obligation => "`obligation`",
        Rule::bearer_attr | Rule::kw_bearer => "`bearer`",
        Rule::duty_attr | Rule::modality => {
            "a duty (`must`, `shall`, `may`, `examines` or `recommends` and a quoted text)"
        }
        Rule::kw_must => "`must`",
        Rule::kw_shall => "`shall`",
        Rule::kw_may => "`may`",
        Rule::kw_examines => "`examines`",
        Rule::kw_recommends => "`recommends`",
        Rule::beneficiary_attr | Rule::kw_beneficiary => "`beneficiary`",
        Rule::condition_attr | Rule::kw_condition => "`condition`",
        Rule::kw_budget_reservation => "`budget_reservation`",
        Rule::flag_attr => "`free_of_charge`, `costly`",
        Rule::kw_free_of_charge => "`free_of_charge`",
        Rule::kw_costly => "`costly`",
        Rule::frequency_attr | Rule::kw_frequency => "`frequency`",
        Rule::deadline_attr | Rule::kw_deadline => "`deadline`",
        Rule::service | Rule::service_attr | Rule::kw_service => "`service`",
        Rule::provider_attr | Rule::kw_provider => "`provider`",
        Rule::chosen_by_attr | Rule::kw_chosen_by => "`chosen_by`",
        Rule::project | Rule::project_attr | Rule::kw_project => "`project`",
        Rule::partners_attr | Rule::kw_partners => "`partners`",
        Rule::financing | Rule::financing_attr | Rule::kw_financing => "`financing`",
        Rule::payer_attr | Rule::kw_payer => "`payer`",
        Rule::recipient_attr | Rule::kw_recipient => "`recipient`",
        Rule::amount_attr | Rule::amount_bound => "`up_to` or `exactly`",
        Rule::kw_up_to => "`up_to`",
        Rule::kw_exactly => "`exactly`",
        Rule::tranche | Rule::kw_tranche => "`tranche`",
        Rule::cost_sharing_attr | Rule::kw_cost_sharing => "`cost_sharing`",
        Rule::procedure | Rule::procedure_attr | Rule::kw_procedure => "`procedure`",
        Rule::step | Rule::step_attr | Rule::kw_step => "`step`",
        Rule::step_kind => "a step kind (`propose`, `consult`, `agree_financing`, `decide`, `implement` or `report`)",
        Rule::kw_propose => "`propose`",
        Rule::kw_consult => "`consult`",
        Rule::kw_agree_financing => "`agree_financing`",
        Rule::kw_decide => "`decide`",
        Rule::kw_implement => "`implement`",
        Rule::kw_report => "`report`",
        Rule::after_attr | Rule::kw_after => "`after`",
        Rule::consent_of_attr | Rule::kw_consent_of => "`consent_of`",
        Rule::consultation_of_attr | Rule::kw_consultation_of => "`consultation_of`",
        Rule::commits_money_attr | Rule::kw_commits_money => "`commits_money`",
        Rule::term | Rule::term_attr | Rule::kw_term => "`term`",
        Rule::from_attr | Rule::kw_from => "`from`",
        Rule::until_attr | Rule::kw_until => "`until`",
        Rule::until_revoked_attr | Rule::kw_until_revoked => "`until_revoked`",
        Rule::in_writing_attr | Rule::kw_in_writing => "`in_writing`",
        Rule::notice_attr | Rule::kw_notice => "`notice`",
        Rule::kw_months => "`months`",
        Rule::approval | Rule::approval_attr | Rule::kw_approval => "`approval`",
        Rule::signature | Rule::signature_attr | Rule::kw_signature => "`signature`",
        Rule::signatory_attr | Rule::kw_signatory => "`signatory`",
        Rule::kw_million => "`million`",
        Rule::scale => "`million`",
        Rule::kw_all => "`all`",
        Rule::reference_list | Rule::reference | Rule::path => "a reference (a name, or `all`)",
        Rule::ident | Rule::ident_start | Rule::ident_char => "a name",
        Rule::string | Rule::string_body | Rule::escape => "a quoted text (\"…\")",
        Rule::integer => "a whole number",
        Rule::year => "a year (YYYY)",
        Rule::date => "a date (YYYY-MM-DD)",
        Rule::money => "an amount of money (e.g. EUR 10_000_000)",
        Rule::currency => "a currency (e.g. EUR)",
        Rule::amount => "an amount (e.g. 10_000_000)",
        Rule::open => "`{`",
        Rule::close => "`}`",
        Rule::comma => "`,`",
        Rule::slash => "`/`",
    }
}
