//! The people on a path.

use crate::model::ids::PersonId;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How someone relates to you.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Relation {
    Mentor,
    Mentee,
    #[default]
    Colleague,
    Manager,
    Sponsor,
    Other,
}

impl Relation {
    pub const ALL: [Relation; 6] = [
        Relation::Mentor,
        Relation::Mentee,
        Relation::Colleague,
        Relation::Manager,
        Relation::Sponsor,
        Relation::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Relation::Mentor => "Mentor",
            Relation::Mentee => "Mentee",
            Relation::Colleague => "Colleague",
            Relation::Manager => "Manager",
            Relation::Sponsor => "Sponsor",
            Relation::Other => "Other",
        }
    }
}

/// Someone on your path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub relation: Relation,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::dates::strict_opt"
    )]
    pub last_contact: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Person {
    pub fn new(id: PersonId, name: impl Into<String>, relation: Relation) -> Self {
        Self {
            id,
            name: name.into(),
            relation,
            organisation: String::new(),
            last_contact: None,
            notes: String::new(),
        }
    }
}
