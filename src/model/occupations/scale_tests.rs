//! O*NET's scales against the plan's, worked by hand.

use super::{Rating, onet_level, plan_level};
use crate::model::Level;

#[test]
fn onet_levels_map_onto_the_plans_scale_by_five_sevenths_rounded() {
    // level × 5 / 7, rounded half up: the table a person can check.
    for (onet, plan) in [
        (0.0, 0),
        (0.69, 0), // 0.49
        (0.71, 1), // 0.51
        (1.4, 1),  // 1.0
        (2.1, 2),  // 1.5: half up
        (3.0, 2),  // 2.14
        (3.5, 3),  // 2.5: half up
        (4.62, 3), // 3.3
        (4.9, 4),  // 3.5: half up
        (5.6, 4),  // 4.0
        (6.3, 5),  // 4.5: half up
        (7.0, 5),
    ] {
        assert_eq!(plan_level(onet), Level(plan), "{onet} of 7");
    }
    // Off the scale, clamped.
    assert_eq!(plan_level(-1.0), Level(0));
    assert_eq!(plan_level(9.0), Level(5));
    assert_eq!(plan_level(f32::NAN), Level(0));
}

#[test]
fn plan_levels_go_back_onto_onet_and_round_trip() {
    for l in 0..=5 {
        assert_eq!(plan_level(onet_level(Level(l))), Level(l));
    }
    assert!((onet_level(Level(5)) - 7.0).abs() < f32::EPSILON);
    // A level off the plan's scale counts as its top.
    assert!((onet_level(Level(9)) - 7.0).abs() < f32::EPSILON);
}

#[test]
fn an_element_matters_from_importance_three() {
    let r = |importance| Rating {
        importance,
        level: 4.0,
        suppressed: false,
    };
    assert!(!r(2.99).is_important());
    assert!(r(3.0).is_important());
    assert!(r(5.0).is_important());
}
