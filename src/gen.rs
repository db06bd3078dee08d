//! Synthetic but valid agreements of any size, for benchmarks, fuzz seeds
//! and property tests.
//!
//! In: a size (roughly the number of elements, as `Model::element_count`
//! counts them) and a seed. Out: pakt source that checks without a single
//! diagnostic. The same size and seed always give the same text.
//!
//! The agreement is built from *clusters* of about 35 elements each: two or
//! three parties (one state, one or two municipal) with their signatures, an
//! office, an actor, a goal, a paritätisch body whose chair is one of its
//! seats, obligations, services, projects, financings with yearly tranches
//! inside the term, a procedure whose money-committing steps come after a
//! consent on financing of all parties, and sometimes an approval. References
//! also point into earlier clusters (reporting lines, beneficiaries, payers),
//! so resolution sees a web, not islands. Everything is invented.

use std::fmt::Write as _;

/// A tiny xorshift64* generator: deterministic, no dependencies.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that seeds 0, 1, 2 … start far apart
        // (and never at the all-zero state xorshift cannot leave).
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One element of a slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let i = self.below(items.len() as u64) as usize;
        items.get(i)
    }
}

const WORDS: &[&str] = &[
    "Verwaltung",
    "Kommunen",
    "Digitalisierung",
    "Portal",
    "Netz",
    "Sicherheit",
    "Basisdienste",
    "Fachverfahren",
    "Bürgerinnen",
    "Bürger",
    "Unternehmen",
    "Standards",
    "Infrastruktur",
    "Rechenzentrum",
    "Beratung",
    "Schulung",
    "Onlinezugang",
    "Akte",
    "Vorgangsbearbeitung",
    "Zahlungsverkehr",
    "Identität",
    "Kommunikation",
    "Plattform",
    "Geodaten",
    "Register",
    "Schnittstellen",
    "Interoperabilität",
    "Datenschutz",
    "Informationssicherheit",
    "Fortbildung",
];
const VERBS: &[&str] = &[
    "bereitstellen",
    "betreiben",
    "einführen",
    "fördern",
    "abstimmen",
    "weiterentwickeln",
    "prüfen",
    "begleiten",
    "beraten",
    "koordinieren",
    "dokumentieren",
    "finanzieren",
    "anschließen",
    "evaluieren",
    "veröffentlichen",
];
const NAMES: &[&str] = &[
    "Dr. Erika Mustermann",
    "Max Mustermann",
    "Maria Musterfrau",
    "Jörg Beispiel",
    "Anna Überall",
    "Özlem Probe",
    "Hans-Peter Platzhalter",
    "Dr. Änne Weiß",
];
const PLACES: &[&str] = &["Musterstadt", "Beispielburg", "Neustadt an der Probe", "Großmusterhausen"];

/// Produce a valid agreement with roughly `size` elements (at least one
/// cluster, about 35 elements). Deterministic for `(size, seed)`.
pub fn generate(size: usize, seed: u64) -> String {
    generate_counted(size, seed).0
}

/// Like `generate`, and also the number of elements produced, as
/// `Model::element_count` counts them.
pub fn generate_counted(size: usize, seed: u64) -> (String, usize) {
    generate_shaped(size, seed, None)
}

/// Like `generate_counted`, but with a fixed set of parties: only the first
/// `party_groups` clusters define parties (two or three each, with their
/// signatures); later clusters give their bodies, obligations and money to
/// those parties. Real agreements have a handful of parties however long
/// they are; `generate` lets the parties grow with the size instead.
pub fn generate_with_party_groups(size: usize, seed: u64, party_groups: usize) -> (String, usize) {
    generate_shaped(size, seed, Some(party_groups.max(1)))
}

fn generate_shaped(size: usize, seed: u64, party_groups: Option<usize>) -> (String, usize) {
    let mut g = Gen::new(seed);
    g.party_groups = party_groups;
    g.header(size, seed);
    g.term();
    let mut cluster = 0usize;
    loop {
        g.cluster(cluster);
        cluster += 1;
        if g.elements >= size {
            break;
        }
    }
    (g.out, g.elements)
}

struct Gen {
    out: String,
    rng: Rng,
    elements: usize,
    /// Ids of every party so far.
    parties: Vec<String>,
    /// Ids of every body so far.
    bodies: Vec<String>,
    /// `Some(g)`: only the first g clusters define parties.
    party_groups: Option<usize>,
    /// The parties (Land, municipal, second municipal) each defining cluster made.
    groups: Vec<(String, String, Option<String>)>,
    /// Clusters that defined a key.
    keys: Vec<usize>,
    /// The holder named for the last CIO office, who then signs under it (A036).
    cio_holder: Option<&'static str>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Rule {
    Consent,
    Unanimity,
    Majority,
    Qualified,
    Weighted,
    Unspecified,
}

struct Cluster {
    c: usize,
    /// Whether this cluster defines its parties (and their signatures).
    own: bool,
    land: String,
    kv: String,
    kv2: Option<String>,
    cio: String,
    rz: String,
    body: String,
    rule: Rule,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen {
            out: String::new(),
            rng: Rng::new(seed),
            elements: 0,
            parties: Vec::new(),
            bodies: Vec::new(),
            party_groups: None,
            groups: Vec::new(),
            keys: Vec::new(),
            cio_holder: None,
        }
    }

    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn word(&mut self) -> &'static str {
        self.rng.pick(WORDS).copied().unwrap_or("Verwaltung")
    }

    fn verb(&mut self) -> &'static str {
        self.rng.pick(VERBS).copied().unwrap_or("fördern")
    }

    fn person(&mut self) -> &'static str {
        self.rng.pick(NAMES).copied().unwrap_or("Max Mustermann")
    }

    fn place(&mut self) -> &'static str {
        self.rng.pick(PLACES).copied().unwrap_or("Musterstadt")
    }

    /// A short sentence of German-looking words (no quotes in it).
    fn sentence(&mut self, words: u64) -> String {
        let n = self.rng.range(1, words.max(1));
        let mut s = String::from("die");
        for _ in 0..n {
            s.push(' ');
            s.push_str(self.word());
        }
        s.push(' ');
        s.push_str(self.verb());
        s
    }

    /// Optional attributes every block takes (never `allow`: it would count
    /// as a finding).
    fn meta(&mut self, indent: &str, section: &str) {
        if self.rng.chance(40) {
            let _ = writeln!(self.out, "{indent}section \"{section}\"");
        }
        if self.rng.chance(15) {
            // A wording over two lines, with an escaped quote and German quotes.
            let a = self.sentence(6);
            let b = self.word();
            let _ = writeln!(
                self.out,
                "{indent}wording \"Die Partner werden {a}.\n{indent}  Das \\\"{b}\\\" gilt als „gemeinsame Aufgabe“.\""
            );
        }
        if self.rng.chance(10) {
            let _ = writeln!(self.out, "{indent}note \"vgl. https://example.org/{section}\" // a comment after a note");
        }
        if self.rng.chance(5) {
            let w = self.word();
            let _ = writeln!(self.out, "{indent}assumption \"{w} nicht ausdrücklich geregelt\"");
        }
    }

    fn header(&mut self, size: usize, seed: u64) {
        let _ = writeln!(self.out, "// Synthetic agreement made by pakt::gen (size {size}, seed {seed}). Invented.");
        let _ = writeln!(self.out, "agreement synthetic_{seed}_{size} {{");
        self.line("  title \"Synthetische Rahmenvereinbarung über die Zusammenarbeit im E-Government\"");
        self.line("  kind framework_agreement");
        self.line("  land \"Musterland\"");
        self.line("  date 2030-03-01");
        let place = self.place();
        let _ = writeln!(self.out, "  place \"{place}\"");
        self.line("  renews 2020-05-04 \"Kooperationsvereinbarung vom 4. Mai 2020\"");
        self.line("}");
        self.line("");
    }

    fn term(&mut self) {
        self.line("term {");
        self.line("  section \"VII\"");
        self.line("  from 2030-01-01");
        self.line("  until 2039-12-31");
        self.line("  in_writing");
        self.line("  notice 6 months");
        self.line("}");
        self.line("");
        self.elements += 1;
    }

    /// A party of any earlier cluster (or this one).
    fn any_party(&mut self) -> String {
        self.rng.pick(&self.parties).cloned().unwrap_or_else(|| "all".to_string())
    }

    fn cluster(&mut self, c: usize) {
        let _ = writeln!(self.out, "// ---------------------------------------------------------------- cluster {c}");
        let rule = match self.rng.below(10) {
            0 => Rule::Consent,
            1 => Rule::Unanimity,
            2 | 3 => Rule::Qualified,
            4 => Rule::Weighted,
            5 => Rule::Unspecified,
            _ => Rule::Majority,
        };
        // Names: mostly ASCII, sometimes with umlauts or a hyphen.
        let kv = if self.rng.chance(20) { format!("städtetag_{c}") } else { format!("kv_{c}") };
        let kv2 = if self.rng.chance(40) { Some(format!("landkreistag-{c}")) } else { None };
        let own = self.party_groups.is_none_or(|g| c < g);
        let (land, kv, kv2) = match self.groups.get(c % self.groups.len().max(1)) {
            Some(group) if !own => group.clone(),
            _ => (format!("land_{c}"), kv, kv2),
        };
        if own {
            self.groups.push((land.clone(), kv.clone(), kv2.clone()));
        }
        let cl = Cluster {
            c,
            own,
            land,
            kv,
            kv2,
            cio: format!("cio_{c}"),
            rz: format!("rz_{c}"),
            body: format!("gremium_{c}"),
            rule,
        };
        self.goal(&cl);
        self.parties(&cl);
        self.office_actor(&cl);
        self.group_key(&cl);
        self.body(&cl);
        let obligations = self.rng.range(2, 6);
        for j in 0..obligations {
            self.obligation(&cl, j);
        }
        let services = self.rng.range(1, 3);
        for j in 0..services {
            self.service(&cl, j);
        }
        let projects = self.rng.range(0, 2);
        for j in 0..projects {
            self.project(&cl, j);
        }
        let financings = self.rng.range(1, 2);
        for j in 0..financings {
            self.financing(&cl, j);
        }
        self.procedure(&cl);
        if self.rng.chance(50) {
            self.approval(&cl);
        }
        self.signatures(&cl);
        self.bodies.push(cl.body.clone());
    }

    fn goal(&mut self, cl: &Cluster) {
        let c = cl.c;
        let s = self.sentence(4);
        if self.rng.chance(50) {
            let _ = writeln!(self.out, "goal ziel_{c} \"Land und Kommunen {s}.\"");
        } else {
            let _ = writeln!(self.out, "goal ziel_{c} \"Land und Kommunen {s}.\" {{");
            self.meta("  ", &format!("I.{c}"));
            self.line("}");
        }
        self.elements += 1;
    }

    fn parties(&mut self, cl: &Cluster) {
        if !cl.own {
            return;
        }
        let c = cl.c;
        let _ = writeln!(self.out, "party {} \"Ressort {c} des Landes Musterland\" {{", cl.land);
        self.line("  side state");
        let w = self.word();
        let _ = writeln!(self.out, "  represented_by \"Ministerium für {w}\"");
        self.meta("  ", "I.");
        self.line("}");
        let _ = writeln!(
            self.out,
            "party {} \"Kommunaler Spitzenverband {c} e.V.\" {{ side municipal kind association }}",
            cl.kv
        );
        self.parties.push(cl.land.clone());
        self.parties.push(cl.kv.clone());
        self.elements += 2;
        if let Some(kv2) = &cl.kv2 {
            let _ = writeln!(
                self.out,
                "party {kv2} \"Landkreistag {c} e.V.\" {{\n  side municipal\n  kind association\n}}"
            );
            self.parties.push(kv2.clone());
            self.elements += 1;
        }
        self.line("");
    }

    fn office_actor(&mut self, cl: &Cluster) {
        let c = cl.c;
        let _ = writeln!(self.out, "office {} \"Beauftragter für E-Government und IT ({c})\" {{", cl.cio);
        let _ = writeln!(self.out, "  of {}", cl.land);
        self.cio_holder = None;
        if self.rng.chance(50) {
            let p = self.person();
            let _ = writeln!(self.out, "  holder \"{p}\"");
            self.cio_holder = Some(p);
        }
        self.line("}");
        let _ = writeln!(self.out, "actor {} \"Landesrechenzentrum {c}\" {{ side state part_of {} }}", cl.rz, cl.land);
        self.elements += 2;
    }

    /// The municipal side of the cluster as a group, and now and then a
    /// key that weights it (figures marked as an example).
    fn group_key(&mut self, cl: &Cluster) {
        let c = cl.c;
        let members = match &cl.kv2 {
            Some(kv2) => format!("{}, {kv2}", cl.kv),
            None => cl.kv.clone(),
        };
        let _ = writeln!(self.out, "group kommunale_seite_{c} \"die kommunale Seite {c}\" {{ members {members} }}");
        self.elements += 1;
        if self.rng.chance(50) {
            let _ = writeln!(self.out, "key schluessel_{c} \"Verteilungsschlüssel {c}\" {{");
            let _ = writeln!(self.out, "  of kommunale_seite_{c}");
            self.line("  example");
            match &cl.kv2 {
                Some(kv2) => {
                    let a = self.rng.range(1, 99);
                    let _ = writeln!(self.out, "  share {} {a}.5\n  share {kv2} {}.5", cl.kv, 99 - a);
                    self.elements += 2;
                }
                None => {
                    let _ = writeln!(self.out, "  share {} 100", cl.kv);
                    self.elements += 1;
                }
            }
            self.line("}");
            self.elements += 1;
            self.keys.push(c);
        }
    }

    fn body(&mut self, cl: &Cluster) {
        let c = cl.c;
        // Voting seats: state = 1 (cio) + s, municipal = 1 (kv) + e (kv2) + m, with s = e + m.
        let e = u64::from(cl.kv2.is_some());
        let m = self.rng.range(0, 3);
        let s = e + m;
        let advisory = self.rng.chance(30);
        let total = 2 + e + m + s + u64::from(advisory);
        let _ = writeln!(self.out, "body {} \"Beirat „Kommunales E-Government {c}“\" {{", cl.body);
        if self.rng.chance(30) {
            self.line("  kind steering_committee");
        }
        if self.rng.chance(20) {
            let _ = writeln!(self.out, "  legal_basis \"§ {} MusterEGovG\"", 20 + c % 30);
        }
        // A body with an uneven decision rule (a veto, a count of a group,
        // a weighted key) is not declared paritätisch: A020 would rightly
        // say the sides' power differs.
        let uneven = self.rng.chance(40);
        if !uneven {
            self.line("  parity");
        }
        // Advisory attendees are not members: `seats` counts the members.
        let _ = writeln!(self.out, "  seats {}", total - u64::from(advisory));
        let _ = writeln!(self.out, "  seat cio {{ office {} }}", cl.cio);
        if s > 0 {
            let _ = writeln!(self.out, "  seat land \"weitere Vertreter des Landes\" {{ side state count {s} }}");
        }
        let _ = writeln!(self.out, "  seat kv {{ party {} voting }}", cl.kv);
        if let Some(kv2) = &cl.kv2 {
            let _ = writeln!(self.out, "  seat kv2 {{ party {kv2} }}");
        }
        if m > 0 {
            let _ = writeln!(self.out, "  seat kommunal \"kommunale Vertreter\" {{ side municipal count {m} }}");
        }
        if advisory {
            self.line("  seat rz \"Leitung des Rechenzentrums\" { side state advisory }");
        }
        self.line("  chair cio");
        let times = self.rng.range(1, 4);
        let per = match self.rng.below(4) {
            0 => "quarter",
            1 => "month",
            _ => "year",
        };
        let members = total - u64::from(advisory);
        if self.rng.chance(60) {
            let req = self.rng.range(1, members);
            let _ = writeln!(self.out, "  meets at_least {times} per {per} or on_request_of {req}");
        } else if self.rng.chance(20) {
            let _ = writeln!(
                self.out,
                "  meets shall as_a_rule {times} per {per} or on_request_of {} or 1 of kommunale_seite_{c}",
                cl.land
            );
        } else if self.rng.chance(20) {
            self.line("  meets regularly");
        } else {
            let _ = writeln!(self.out, "  meets at_least {times} per {per}");
        }
        if self.rng.chance(20) {
            self.line("  quorum 1/2 of voting");
        } else {
            let quorum = self.rng.range(1, members);
            let _ = writeln!(self.out, "  quorum {quorum}");
        }
        match cl.rule {
            Rule::Consent => self.line("  decides by consent"),
            Rule::Unanimity => self.line("  decides by unanimity"),
            Rule::Majority => self.line("  decides by majority"),
            Rule::Qualified => self.line("  decides by qualified 2/3"),
            Rule::Weighted => self.line("  decides by weighted"),
            Rule::Unspecified => self.line("  decides"),
        }
        if self.rng.chance(30) {
            self.line("  binding all");
        } else {
            let _ = writeln!(self.out, "  binding {}, {}", cl.land, cl.kv);
        }
        if self.rng.chance(30) {
            self.line("  recommendation_to \"Mitglieder der kommunalen Spitzenverbände\"");
        }
        // Report to an earlier body: reporting lines form a forest, never a cycle.
        if !self.bodies.is_empty() && self.rng.chance(70) {
            let to = self.rng.pick(&self.bodies).cloned().unwrap_or_default();
            let _ = writeln!(self.out, "  reports_to {to}");
            if self.rng.chance(30) {
                let _ = writeln!(self.out, "  formed_by {to}");
            }
        }
        if uneven {
            let _ = writeln!(self.out, "  decision beschluesse \"Beschlüsse\" {{");
            self.line("    requires majority of members");
            let _ = writeln!(self.out, "    requires at_least 1 of kommunale_seite_{c} or veto {}", cl.land);
            if self.keys.last() == Some(&c) {
                let _ = writeln!(self.out, "    requires weighted schluessel_{c} 1/2 of kommunale_seite_{c}");
            }
            self.line("  }");
            self.elements += 1;
        }
        self.meta("  ", &format!("II.{c}"));
        let seat_lines = 2 + u64::from(s > 0) + e + u64::from(m > 0) + u64::from(advisory);
        self.elements += 1 + seat_lines as usize;
        // One or two tasks: obligations borne by the body.
        let tasks = self.rng.range(1, 2);
        for t in 0..tasks {
            let v = self.verb();
            let w = self.word();
            let _ = writeln!(self.out, "  task aufgabe_{t} {{\n    must \"{w} {v}\"");
            if self.rng.chance(50) {
                self.line("    frequency regularly");
            } else {
                self.line("    frequency at_least 1 per year");
            }
            self.line("  }");
            self.elements += 1;
        }
        self.line("}");
        self.line("");
    }

    fn obligation(&mut self, cl: &Cluster, j: u64) {
        let c = cl.c;
        let _ = writeln!(self.out, "obligation pflicht_{c}_{j} {{");
        let bearer = match self.rng.below(8) {
            0 => "all".to_string(),
            1 => cl.body.clone(),
            2 => cl.cio.clone(),
            3 => cl.rz.clone(),
            4 => format!("{}, {}", cl.land, cl.kv),
            5 => cl.kv.clone(),
            6 => format!("{}.kv", cl.body), // a seat
            _ => cl.land.clone(),
        };
        let _ = writeln!(self.out, "  bearer {bearer}");
        let modality = *self.rng.pick(&["must", "must", "shall", "may", "examines", "recommends"]).unwrap_or(&"must");
        let s = self.sentence(5);
        let _ = writeln!(self.out, "  {modality} \"{s}\"");
        if self.rng.chance(60) {
            let other = self.any_party();
            if other == cl.kv {
                let _ = writeln!(self.out, "  beneficiary {}", cl.kv);
            } else {
                let _ = writeln!(self.out, "  beneficiary {}, {other}", cl.kv);
            }
        }
        match self.rng.below(3) {
            0 => {
                self.line("  costly");
                self.line("  condition budget_reservation");
            }
            1 => self.line("  free_of_charge"),
            _ => {}
        }
        if self.rng.chance(20) {
            self.line("  condition \"nach Maßgabe der Förderrichtlinie\"");
        }
        if self.rng.chance(30) {
            let per = *self.rng.pick(&["year", "quarter", "month"]).unwrap_or(&"year");
            let _ = writeln!(self.out, "  frequency at_least {} per {per}", self.rng.range(1, 3));
        }
        if self.rng.chance(30) {
            let _ = writeln!(
                self.out,
                "  deadline {}-{:02}-{:02}",
                self.rng.range(2030, 2039),
                self.rng.range(1, 12),
                self.rng.range(1, 28)
            );
        }
        self.meta("  ", &format!("III.{c}"));
        self.line("}");
        self.elements += 1;
    }

    fn service(&mut self, cl: &Cluster, j: u64) {
        let c = cl.c;
        let w = self.word();
        let _ = writeln!(self.out, "service dienst_{c}_{j} \"Basisdienst {w} {c}.{j}\" {{");
        let provider = if self.rng.chance(70) { cl.rz.clone() } else { cl.land.clone() };
        let _ = writeln!(self.out, "  provider {provider}");
        match &cl.kv2 {
            Some(kv2) => {
                let _ = writeln!(self.out, "  beneficiary {}, {kv2}", cl.kv);
            }
            None => {
                let _ = writeln!(self.out, "  beneficiary {}", cl.kv);
            }
        }
        let _ = writeln!(self.out, "  chosen_by {}", cl.body);
        if self.rng.chance(70) {
            self.line("  free_of_charge");
        } else {
            self.line("  costly");
            self.line("  condition budget_reservation");
        }
        self.line("}");
        self.elements += 1;
    }

    fn project(&mut self, cl: &Cluster, j: u64) {
        let c = cl.c;
        let w = self.word();
        let _ = writeln!(self.out, "project vorhaben_{c}_{j} \"Gemeinsames Vorhaben {w}\" {{");
        if self.rng.chance(50) {
            self.line("  partners all");
        } else {
            let _ = writeln!(self.out, "  partners {}, {}, {}", cl.land, cl.kv, cl.body);
        }
        self.line("  costly");
        self.line("  condition budget_reservation");
        self.meta("  ", &format!("Anlage, Nr. {c}.{j}"));
        self.line("}");
        self.elements += 1;
    }

    fn financing(&mut self, cl: &Cluster, j: u64) {
        let c = cl.c;
        let euro = if self.rng.chance(20) { "€" } else { "EUR" };
        let _ = writeln!(self.out, "financing foerderung_{c}_{j} \"Förderung {c}.{j} nach § 30 MusterEGovG\" {{");
        // Usually this cluster's Land pays; sometimes another party as well.
        if self.rng.chance(20) {
            let other = self.any_party();
            // The sole recipient does not also pay (A038).
            if other == cl.land || (other == cl.kv && cl.kv2.is_none()) {
                let _ = writeln!(self.out, "  payer {}", cl.land);
            } else {
                // Joint payers state their shares.
                let _ =
                    writeln!(self.out, "  payer {}, {other}\n  share {} 75 %\n  share {other} rest", cl.land, cl.land);
                self.elements += 2;
            }
        } else {
            let _ = writeln!(self.out, "  payer {}", cl.land);
        }
        match &cl.kv2 {
            Some(kv2) => {
                let _ = writeln!(self.out, "  recipient {}, {kv2}", cl.kv);
            }
            None => {
                let _ = writeln!(self.out, "  recipient {}", cl.kv);
            }
        }
        self.line("  legal_basis \"§ 30 Abs. 3 MusterEGovG\"");
        if self.rng.chance(30) {
            self.line("  kind funding");
        }
        // The total in cents, then tranches inside the term that add up to
        // no more than it (or exactly to it).
        let millions = self.rng.range(1, 120) as i64;
        let half = self.rng.chance(20);
        let total: i64 = millions * 100_000_000 + if half { 50_000_000 } else { 0 };
        let exact = self.rng.chance(25);
        let n = self.rng.range(1, 5);
        let first_year = 2030 + self.rng.below(10 - n + 1);
        let base = total / n as i64;
        let mut amounts: Vec<i64> = Vec::new();
        let mut sum = 0i64;
        for i in 0..n {
            let amount = if exact && i + 1 == n {
                total - sum
            } else if exact {
                base
            } else {
                let cut = self.rng.below((base / 2).max(1) as u64) as i64;
                // Keep whole euros now and then, odd cents otherwise.
                let a = base - cut;
                if self.rng.chance(50) {
                    (a / 100).max(1) * 100
                } else {
                    a.max(1)
                }
            };
            sum += amount;
            amounts.push(amount);
        }
        let bound = if exact { "exactly" } else { "up_to" };
        let _ = writeln!(self.out, "  {bound} {}", money(euro, total));
        for (i, a) in amounts.iter().enumerate() {
            let _ = writeln!(self.out, "  tranche {} {bound} {}", first_year + i as u64, money(euro, *a));
        }
        self.line("  condition budget_reservation");
        if self.rng.chance(20) {
            self.line("  condition \"auf der Grundlage einer Förderrichtlinie\"");
        }
        if self.rng.chance(20) {
            self.line("  cost_sharing \"Die Kosten werden im Einzelfall vereinbart.\"");
        }
        self.meta("  ", &format!("IV.{c}"));
        self.line("}");
        self.elements += 1 + n as usize;
    }

    fn procedure(&mut self, cl: &Cluster) {
        let c = cl.c;
        let _ = writeln!(self.out, "procedure verfahren_{c} \"Gemeinsame Vorhaben {c}\" {{");
        let _ = writeln!(self.out, "  step vorschlag \"Vorschlag\" {{ by {} kind propose }}", cl.body);
        let mut steps = 1;
        if self.rng.chance(50) {
            let _ = writeln!(self.out, "  step anhoerung {{ kind consult consultation_of {} }}", cl.kv);
            steps += 1;
        }
        self.line("  step finanzierung \"Einigung über die Finanzierung\" {");
        self.line("    kind agree_financing");
        self.line("    consent_of all // Einvernehmen aller Partner");
        self.line("  }");
        steps += 1;
        // A decision by a body that decides by consent or unanimity needs
        // the consent of every party.
        let needs_all = matches!(cl.rule, Rule::Consent | Rule::Unanimity);
        let _ = writeln!(
            self.out,
            "  step beschluss {{ by {} kind decide commits_money{} }}",
            cl.body,
            if needs_all { " consent_of all" } else { "" }
        );
        steps += 1;
        if self.rng.chance(60) {
            let _ = writeln!(self.out, "  step umsetzung {{ by {} kind implement commits_money }}", cl.rz);
            steps += 1;
        }
        if self.rng.chance(60) {
            let _ = writeln!(
                self.out,
                "  step bericht {{\n    by {}\n    kind report\n    after verfahren_{c}.beschluss\n  }}",
                cl.body
            );
            steps += 1;
        }
        self.meta("  ", &format!("V.{c}"));
        self.line("}");
        self.line("");
        self.elements += 1 + steps;
    }

    fn approval(&mut self, cl: &Cluster) {
        let c = cl.c;
        let _ = writeln!(self.out, "approval zustimmung_{c} \"Zustimmung des Vorstands {c}\" {{");
        let _ = writeln!(self.out, "  by {}", cl.kv);
        let _ = writeln!(self.out, "  date 2030-02-{:02}", self.rng.range(1, 28));
        self.line("}");
        self.elements += 1;
    }

    fn signatures(&mut self, cl: &Cluster) {
        if !cl.own {
            return;
        }
        let place = self.place();
        let drawn = self.person();
        // Whoever holds the office signs under it.
        let person = self.cio_holder.unwrap_or(drawn);
        let day = self.rng.range(1, 15);
        let _ = writeln!(
            self.out,
            "signature unterschrift_{} {{\n  party {}\n  office {}\n  signatory \"{person}\"\n  date 2030-03-{day:02}\n  place \"{place}\"\n}}",
            cl.land, cl.land, cl.cio
        );
        let person = self.person();
        let _ = writeln!(
            self.out,
            "signature unterschrift_{} {{ party {} signatory \"{person}\" date 2030-03-{day:02} }}",
            cl.kv, cl.kv
        );
        self.elements += 2;
        if let Some(kv2) = &cl.kv2 {
            let person = self.person();
            let _ = writeln!(self.out, "signature unterschrift_{kv2} {{ party {kv2} signatory \"{person}\" }}");
            self.elements += 1;
        }
        self.line("");
    }
}

/// Money in the ways a drafter writes it: `EUR 12 million`, `€ 1.5 million`,
/// `EUR 1_234_567.89`.
fn money(currency: &str, cents: i64) -> String {
    if cents % 100_000_000 == 0 {
        format!("{currency} {} million", cents / 100_000_000)
    } else if cents % 10_000_000 == 0 {
        format!("{currency} {}.{} million", cents / 100_000_000, (cents / 10_000_000) % 10)
    } else {
        let euros = cents / 100;
        let rest = cents % 100;
        let digits = euros.to_string();
        let mut grouped = String::new();
        let len = digits.len();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (len - i) % 3 == 0 {
                grouped.push('_');
            }
            grouped.push(ch);
        }
        if rest == 0 {
            format!("{currency} {grouped}")
        } else {
            format!("{currency} {grouped}.{rest:02}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_written_as_drafters_do() {
        assert_eq!(money("EUR", 1_200_000_000), "EUR 12 million");
        assert_eq!(money("€", 150_000_000), "€ 1.5 million");
        assert_eq!(money("EUR", 123_456_789), "EUR 1_234_567.89");
        assert_eq!(money("EUR", 100_000), "EUR 1_000");
    }

    #[test]
    fn party_groups_fix_the_parties() {
        let (text, _) = generate_with_party_groups(2_000, 3, 4);
        assert_eq!(text.matches("\nparty ").count(), text.matches("\nsignature ").count());
        assert!(text.matches("\nparty ").count() <= 12);
    }

    #[test]
    fn deterministic() {
        assert_eq!(generate(500, 7), generate(500, 7));
        assert_ne!(generate(500, 7), generate(500, 8));
    }
}
