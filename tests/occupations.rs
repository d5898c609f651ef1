//! The built-in O*NET occupations: the asset, search as people type, the
//! gap to a target and the occupations one step away, on the real data and
//! on small hand-made sets.

#![allow(clippy::expect_used, reason = "a test stops at its first failure")]

use stepstone::io::occupations::{decode, encode, from_tsv, occupations};
use stepstone::model::Level;
use stepstone::model::occupations::{
    Element, ElementKind, GapRow, Occupation, Occupations, Profile, Rating,
};

fn code(data: &Occupations, code: &str) -> usize {
    data.by_code(code).expect("a known O*NET-SOC code")
}

fn codes<'a>(data: &'a Occupations, occupations: &[usize]) -> Vec<&'a str> {
    occupations
        .iter()
        .map(|&o| data.occupations[o].code.as_str())
        .collect()
}

fn names<'a>(data: &'a Occupations, elements: &[usize]) -> Vec<&'a str> {
    elements
        .iter()
        .map(|&e| data.elements[e].name.as_str())
        .collect()
}

fn search_codes<'a>(data: &'a Occupations, query: &str, limit: usize) -> Vec<&'a str> {
    let hits: Vec<usize> = data
        .search(query, limit)
        .iter()
        .map(|h| h.occupation)
        .collect();
    codes(data, &hits)
}

// ---- the built-in asset ----

#[test]
fn the_built_in_data_holds_every_occupation_element_and_rating() {
    let data = occupations();
    assert_eq!(data.elements.len(), 68, "35 skills and 33 knowledge areas");
    let skills = data
        .elements
        .iter()
        .filter(|e| e.kind == ElementKind::Skill)
        .count();
    assert_eq!(skills, 35);
    assert_eq!(data.occupations.len(), 1016);
    let rated: Vec<&Occupation> = data.occupations.iter().filter(|o| o.is_rated()).collect();
    assert_eq!(rated.len(), 879);
    assert!(rated.iter().all(|o| o.ratings.len() == 68));
    let alternates: usize = data.occupations.iter().map(|o| o.alternates.len()).sum();
    assert!(
        alternates >= 55_120,
        "every alternate title, and the short titles as more names: {alternates}"
    );

    // From ratings.tsv: 29-1141.00 2.C.5.a 4.36 4.47 N N (Medicine and
    // Dentistry), and 11-1011.00 2.B.3.c 1.12 0.25 Y N (level not relevant).
    let nurses = &data.occupations[code(data, "29-1141.00")];
    assert_eq!(nurses.title, "Registered Nurses");
    let medicine = data
        .element_named("medicine and dentistry")
        .expect("an element");
    assert_eq!(data.elements[medicine].id, "2.C.5.a");
    assert_eq!(
        nurses.ratings[medicine],
        Rating {
            importance: 4.36,
            level: 4.47,
            suppressed: false
        }
    );
    let chiefs = &data.occupations[code(data, "11-1011.00")];
    let e = data
        .elements
        .iter()
        .position(|e| e.id == "2.B.3.c")
        .expect("Equipment Selection");
    assert!(
        chiefs.ratings[e].level.abs() < f32::EPSILON,
        "not relevant is level 0"
    );
    assert!(
        chiefs.alternates.iter().any(|a| a == "CEO"),
        "the short title CEO is a name too"
    );
}

fn small_set() -> Occupations {
    let element = |id: &str, kind, name: &str| Element {
        id: id.to_string(),
        kind,
        name: name.to_string(),
        description: format!("What {name} is."),
    };
    let rating = |importance, level, suppressed| Rating {
        importance,
        level,
        suppressed,
    };
    Occupations::new(
        vec![
            element("2.A.1", ElementKind::Skill, "Speaking"),
            element("2.C.1", ElementKind::Knowledge, "Pâtisserie"),
        ],
        vec![
            Occupation {
                code: "35-1011.00".to_string(),
                title: "Chefs and Head Cooks".to_string(),
                description: "Direct the cooking.\tWith a tab and é.".to_string(),
                alternates: vec!["Sous Chef".to_string(), "Chef de Cuisine".to_string()],
                ratings: vec![rating(3.25, 4.5, false), rating(5.0, 6.96, true)],
            },
            Occupation {
                code: "35-9099.00".to_string(),
                title: "Food Workers, All Other".to_string(),
                description: String::new(),
                alternates: Vec::new(),
                ratings: Vec::new(),
            },
        ],
    )
}

#[test]
fn the_data_round_trips_through_the_asset_layout() {
    let data = small_set();
    let again = decode(&encode(&data)).expect("decodes");
    assert_eq!(again.elements, data.elements);
    assert_eq!(again.occupations, data.occupations);
    assert_eq!(
        again.search("sous", 5).first().map(|h| h.occupation),
        Some(0),
        "the index is built on decoding"
    );
}

#[test]
fn a_damaged_asset_is_refused_with_a_message() {
    let bytes = encode(&small_set());
    assert!(decode(b"not deflate at all").is_err());
    let cut = decode(&bytes[..bytes.len() / 2]).expect_err("half an asset");
    assert!(cut.contains("occupations data"), "{cut}");
    let other = miniz_oxide::deflate::compress_to_vec(b"another layout", 6);
    let refused = decode(&other).expect_err("not ours");
    assert!(refused.contains("not Stepstone's"), "{refused}");
}

#[test]
fn tsv_rows_become_occupations_with_short_titles_and_not_relevant_levels() {
    let elements = "element_id\tkind\tname\tdescription\n\
        2.A.1.a\tskill\tReading Comprehension\tUnderstanding written sentences.\n\
        2.C.1.a\tknowledge\tAdministration and Management\tBusiness principles.\n";
    let occupations = "O*NET-SOC Code\tTitle\tDescription\n\
        11-1011.00\tChief Executives\tDetermine policies.\n\
        11-1011.99\tExecutives, All Other\tUnrated.\n";
    let alternates = "O*NET-SOC Code\tAlternate Title\tShort Title\n\
        11-1011.00\tCEO (Chief Executive Officer)\tCEO\n\
        11-1011.00\tAgency Owner\tn/a\n\
        11-1011.00\tCEO\tn/a\n";
    let ratings = "onet_soc_code\telement_id\timportance_1_5\tlevel_0_7\tlevel_not_relevant\tlevel_suppress\n\
        11-1011.00\t2.A.1.a\t4.12\t4.62\tN\tN\n\
        11-1011.00\t2.C.1.a\t1.12\t0.25\tY\t\n";
    let data = from_tsv(elements, occupations, alternates, ratings).expect("reads");
    let chiefs = &data.occupations[0];
    assert_eq!(
        chiefs.alternates,
        [
            "CEO (Chief Executive Officer)",
            "CEO",
            "Agency Owner",
            "CEO"
        ],
        "a short title is one more name, once; the data's own rows stay as they are"
    );
    assert_eq!(
        chiefs.ratings,
        [
            Rating {
                importance: 4.12,
                level: 4.62,
                suppressed: false
            },
            Rating {
                importance: 1.12,
                level: 0.0,
                suppressed: false
            }
        ]
    );
    assert!(!data.occupations[1].is_rated());

    let short = "onet_soc_code\telement_id\timportance_1_5\tlevel_0_7\tlevel_not_relevant\tlevel_suppress\n\
        11-1011.00\t2.A.1.a\t4.12\t4.62\tN\tN\n";
    let error = from_tsv(elements, occupations, alternates, short).expect_err("one missing");
    assert!(error.contains("11-1011.00"), "{error}");
    let bad = from_tsv(
        elements,
        "Code\tTitle\tDescription\n11-1\tOnly two\n",
        "",
        "",
    )
    .expect_err("a short row");
    assert_eq!(bad, "occupations.tsv:2: 2 fields where 3 were expected");
}

// ---- search ----

#[test]
fn registered_nurse_finds_registered_nurses_first() {
    let data = occupations();
    let hits = data.search("registered nurse", 10);
    let first = hits.first().expect("found");
    assert_eq!(data.occupations[first.occupation].code, "29-1141.00");
    assert_eq!(first.matched, None, "its own title matched (nurse: Nurses)");
}

#[test]
fn logistics_manager_finds_its_occupation_through_an_alternate_title() {
    let data = occupations();
    let hits = data.search("logistics manager", 10);
    let first = hits.first().expect("found");
    assert_eq!(data.occupations[first.occupation].code, "11-3071.00");
    assert_eq!(first.matched.as_deref(), Some("Logistics Manager"));
}

#[test]
fn a_one_letter_typo_still_finds_the_logistics_managers() {
    let data = occupations();
    for typo in [
        "logistcs manager",
        "logistica manager",
        "lgoistics manager",
        "logistics mnager",
    ] {
        let found = search_codes(data, typo, 5);
        assert!(found.contains(&"11-3071.00"), "{typo}: {found:?}");
    }
    assert!(
        search_codes(data, "lgoistcs manager", 50).is_empty(),
        "two typos in one word are too many"
    );
}

#[test]
fn words_in_any_order_find_the_same_occupation() {
    let data = occupations();
    assert_eq!(
        search_codes(data, "nurse registered", 1),
        ["29-1141.00"],
        "word order does not matter"
    );
    assert_eq!(
        search_codes(data, "MANAGER logistics", 1),
        ["11-3071.00"],
        "nor does case"
    );
}

#[test]
fn accents_and_partly_typed_words_match() {
    let data = occupations();
    assert_eq!(search_codes(data, "régistered nürse", 1), ["29-1141.00"]);
    assert_eq!(
        search_codes(data, "regis nur", 1),
        ["29-1141.00"],
        "prefixes, as while typing"
    );
}

#[test]
fn an_empty_query_finds_nothing() {
    let data = occupations();
    assert!(data.search("", 10).is_empty());
    assert!(data.search("  , ", 10).is_empty());
    assert!(data.search("nurse", 0).is_empty());
}

#[test]
fn an_occupation_appears_once_with_its_best_name_whole_words_first() {
    let data = occupations();
    let hits = data.search("chef", 50);
    let mut seen: Vec<usize> = hits.iter().map(|h| h.occupation).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), hits.len(), "each occupation once");
    assert!(
        hits.windows(2).all(|w| w[0].score >= w[1].score),
        "best first"
    );
    assert_eq!(
        data.occupations[hits[0].occupation].title, "Chefs and Head Cooks",
        "its own title with the whole word before alternates like Pastry Chef"
    );
    let chef_title_hit = hits
        .iter()
        .find(|h| h.matched.as_deref() == Some("Pastry Chef"))
        .expect("Bakers, through Pastry Chef");
    assert_eq!(
        data.occupations[chef_title_hit.occupation].code,
        "51-3011.00"
    );
}

// ---- the gap ----

/// Six elements named A to F (the name is the tie-break), and two
/// occupations: 0 where the person is, 1 the target.
fn gap_pair() -> Occupations {
    let elements = ["A", "B", "C", "D", "E", "F"]
        .map(|name| Element {
            id: format!("2.A.{name}"),
            kind: ElementKind::Skill,
            name: name.to_string(),
            description: String::new(),
        })
        .to_vec();
    let r = |importance, level| Rating {
        importance,
        level,
        suppressed: false,
    };
    let from = vec![
        r(3.0, 2.8),
        r(1.0, 0.0),
        r(3.0, 4.2),
        r(3.0, 1.4),
        r(2.0, 7.0),
        r(3.0, 1.4),
    ];
    let mut target = vec![
        r(5.0, 7.0),
        r(4.0, 5.6),
        r(3.0, 4.2),
        r(2.9, 7.0),
        r(5.0, 1.4),
        r(3.0, 2.8),
    ];
    target[2].suppressed = true;
    let occupation = |code: &str, ratings| Occupation {
        code: code.to_string(),
        title: code.to_string(),
        description: String::new(),
        alternates: Vec::new(),
        ratings,
    };
    Occupations::new(
        elements,
        vec![occupation("1", from), occupation("2", target)],
    )
}

#[test]
fn the_gap_puts_the_biggest_gap_weighted_by_importance_first() {
    let data = gap_pair();
    let mut from = data.profile(0).expect("rated");
    from.levels[1] = None; // the person's level of B is not known
    let rows = data.gap(&from, 1);
    // By hand, on the plan's scale (round(level × 5 / 7)):
    //   A: need 7.0 → 5, have 2.8 → 2: 3 to go × 5 = 15
    //   B: need 5.6 → 4, have unknown: 4 to go × 4 = 16
    //   C: need 4.2 → 3, have 4.2 → 3: 0, importance 3, suppressed
    //   D: importance 2.9, not important: no row
    //   E: need 1.4 → 1, have 7.0 → 5: 0, importance 5
    //   F: need 2.8 → 2, have 1.4 → 1: 1 to go × 3 = 3
    let row = |element, have: Option<u8>, need, importance, uncertain| GapRow {
        element,
        have: have.map(Level),
        need: Level(need),
        importance,
        uncertain,
    };
    assert_eq!(
        rows,
        [
            row(1, None, 4, 4.0, false),
            row(0, Some(2), 5, 5.0, false),
            row(5, Some(1), 2, 3.0, false),
            row(4, Some(5), 1, 5.0, false),
            row(2, Some(3), 3, 3.0, true),
        ]
    );
    assert_eq!(
        rows.iter().map(GapRow::levels_to_go).collect::<Vec<_>>(),
        [4, 3, 1, 0, 0]
    );
}

#[test]
fn the_gap_from_shipping_clerks_to_logistics_managers_starts_with_management() {
    let data = occupations();
    let clerks = data.profile(code(data, "43-5071.00")).expect("rated");
    let rows = data.gap(&clerks, code(data, "11-3071.00"));
    // Checked by hand with awk over ratings.tsv: 11-3071.00 has 34 elements
    // of importance >= 3. Its first rows by levels to go × importance:
    //   Administration and Management: 4.14, level 4.91 → 4; clerks 2.84 → 2: 8.28
    //   Customer and Personal Service: 3.98, level 5.22 → 4; clerks 3.08 → 2: 7.96
    //   Systems Evaluation:            3.50, level 3.50 → 3; clerks 1.62 → 1: 7.00
    //   Transportation:                4.46, level 4.69 → 3; clerks 3.08 → 2: 4.46
    assert_eq!(rows.len(), 34);
    let first: Vec<(&str, Option<Level>, Level)> = rows
        .iter()
        .take(4)
        .map(|r| (data.elements[r.element].name.as_str(), r.have, r.need))
        .collect();
    assert_eq!(
        first,
        [
            ("Administration and Management", Some(Level(2)), Level(4)),
            ("Customer and Personal Service", Some(Level(2)), Level(4)),
            ("Systems Evaluation", Some(Level(1)), Level(3)),
            ("Transportation", Some(Level(2)), Level(3)),
        ]
    );
    assert!(rows.iter().all(|r| r.importance >= 3.0));
}

// ---- one step away ----

#[test]
fn the_nearest_to_registered_nurses_are_nursing_and_care_work() {
    let data = occupations();
    let nurses = code(data, "29-1141.00");
    let profile = data.profile(nurses).expect("rated");
    let near = data.nearest(&profile, Some(nurses), 5);
    let found = codes(data, &near.iter().map(|n| n.occupation).collect::<Vec<_>>());
    // Checked by hand: the first five are Licensed Practical and Licensed
    // Vocational Nurses, Acute Care Nurses, Athletic Trainers, Critical Care
    // Nurses and Midwives: healthcare practitioners (29-), three of them
    // nursing.
    for nursing in ["29-2061.00", "29-1141.01", "29-1141.03"] {
        assert!(found.contains(&nursing), "{nursing} in {found:?}");
    }
    assert!(found.iter().all(|c| c.starts_with("29-")), "{found:?}");
    assert!(!found.contains(&"29-1141.00"), "not itself");
    assert!(near.windows(2).all(|w| w[0].similarity >= w[1].similarity));

    let acute = near
        .iter()
        .find(|n| data.occupations[n.occupation].code == "29-1141.01")
        .expect("Acute Care Nurses");
    assert!(
        names(data, &acute.shared).contains(&"Medicine and Dentistry"),
        "near because both need medicine: {:?}",
        names(data, &acute.shared)
    );
    assert!(acute.shared.len() <= 3 && acute.needs.len() <= 3);
    assert!(acute.needs.iter().all(|e| !acute.shared.contains(e)));
}

#[test]
fn a_profile_is_nearest_to_itself() {
    let data = occupations();
    let clerks = code(data, "43-5071.00");
    let profile = data.profile(clerks).expect("rated");
    let near = data.nearest(&profile, None, 3);
    assert_eq!(near[0].occupation, clerks);
    assert!(
        (near[0].similarity - 1.0).abs() < 1e-4,
        "{}",
        near[0].similarity
    );
    assert!(near[1].similarity < near[0].similarity);
    assert!(near[0].needs.is_empty(), "nothing more to learn");
}

#[test]
fn elements_the_profile_does_not_know_are_left_out() {
    let data = gap_pair();
    // A profile knowing only A: both occupations are compared on A alone.
    let profile = Profile {
        levels: vec![Some(7.0), None, None, None, None, None],
        importance: vec![5.0; 6],
    };
    let near = data.nearest(&profile, None, 5);
    assert_eq!(near.len(), 2);
    assert_eq!(
        data.occupations[near[0].occupation].code, "2",
        "the target, at level 7 in A"
    );
    let nothing = Profile {
        levels: vec![None; 6],
        importance: vec![3.0; 6],
    };
    assert!(
        data.nearest(&nothing, None, 5).is_empty(),
        "no element known"
    );
}
