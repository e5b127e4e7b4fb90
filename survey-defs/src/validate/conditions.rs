//! Validation of conditions: references, order, cycles and types.
//!
//! Conditions may only look backwards (at items shown before), so that a response can be
//! checked in one pass in definition order. A reference forward is `forward_reference`,
//! unless it closes a loop (`condition_cycle`); a section condition that reads an item of
//! its own section is a loop too (the item is shown only if the condition holds).

use super::Validator;
use crate::condition::{Condition, ConditionValue};
use crate::date::parse_iso_date;
use crate::item::{Item, ItemKind};
use crate::problem::{Path, ProblemCode};

/// Who owns a condition: a section (its item positions) or an item (its position).
#[derive(Clone, Copy)]
enum Owner {
    Section { first: usize, end: usize },
    Item(usize),
}

impl Validator<'_> {
    pub(super) fn conditions(&mut self) {
        let q = self.q;
        let dependencies = self.dependencies();
        let mut first = 0;
        for (s, section) in q.sections.iter().enumerate() {
            let end = first + section.items.len();
            let path = Path::root().index("sections", s);
            if let Some(condition) = &section.condition {
                self.condition(condition, &path.field("condition"), Owner::Section { first, end }, &dependencies);
            }
            for (i, item) in section.items.iter().enumerate() {
                if let Some(condition) = &item.condition {
                    let item_path = path.index("items", i).field("condition");
                    self.condition(condition, &item_path, Owner::Item(first + i), &dependencies);
                }
            }
            first = end;
        }
    }

    /// For each item position, the positions its visibility depends on.
    fn dependencies(&self) -> Vec<Vec<usize>> {
        let mut deps = Vec::new();
        for section in &self.q.sections {
            let section_refs = section.condition.as_ref().map(Condition::referenced_items).unwrap_or_default();
            for item in &section.items {
                let item_refs = item.condition.as_ref().map(Condition::referenced_items).unwrap_or_default();
                deps.push(
                    section_refs.iter().chain(&item_refs).filter_map(|id| self.positions.get(id).copied()).collect(),
                );
            }
        }
        deps
    }

    fn condition(&mut self, condition: &Condition, path: &Path, owner: Owner, deps: &[Vec<usize>]) {
        let (item_id, value_check) = match condition {
            Condition::All { conditions } | Condition::Any { conditions } => {
                if conditions.is_empty() {
                    self.push(&path.field("conditions"), ProblemCode::EmptyCondition, "no condition inside");
                }
                for (k, inner) in conditions.iter().enumerate() {
                    self.condition(inner, &path.index("conditions", k), owner, deps);
                }
                return;
            }
            Condition::Answered { item } => (item, ValueCheck::Answered),
            Condition::Equals { item, value } | Condition::NotEquals { item, value } => {
                (item, ValueCheck::Equality(value))
            }
            Condition::GreaterThan { item, value } | Condition::LessThan { item, value } => {
                (item, ValueCheck::Order(*value))
            }
            Condition::Includes { item, option } => (item, ValueCheck::Includes(option)),
        };
        let item_path = path.field("item");
        let Some(&target) = self.positions.get(item_id.as_str()) else {
            self.push(&item_path, ProblemCode::UnknownItemReference, format!("no item `{item_id}`"));
            return;
        };
        match owner {
            Owner::Item(own) if target == own => {
                self.push(&item_path, ProblemCode::SelfReference, "an item's condition cannot read the item itself");
            }
            Owner::Section { first, end } if (first..end).contains(&target) => {
                self.push(
                    &item_path,
                    ProblemCode::ConditionCycle,
                    format!("`{item_id}` is in this section: it is shown only if this condition holds"),
                );
            }
            Owner::Item(own) if target > own => self.forward(item_id, &item_path, target, own..own + 1, deps),
            Owner::Section { first, end } if target >= end => {
                self.forward(item_id, &item_path, target, first..end, deps)
            }
            _ => {}
        }
        if let Some(target_item) = self.q.items().nth(target) {
            self.condition_type(target_item, &value_check, path);
        }
    }

    /// A reference to a later item: a cycle if that item depends back on the owner.
    fn forward(
        &mut self,
        item_id: &str,
        path: &Path,
        target: usize,
        owners: std::ops::Range<usize>,
        deps: &[Vec<usize>],
    ) {
        let mut seen = vec![false; deps.len()];
        let mut stack = vec![target];
        let mut loops = false;
        while let Some(pos) = stack.pop() {
            if owners.contains(&pos) {
                loops = true;
                break;
            }
            if let Some(flag) = seen.get_mut(pos)
                && !*flag
            {
                *flag = true;
                stack.extend(deps.get(pos).into_iter().flatten().copied());
            }
        }
        if loops {
            self.push(path, ProblemCode::ConditionCycle, format!("`{item_id}` depends back on this condition"));
        } else {
            self.push(
                path,
                ProblemCode::ForwardReference,
                format!("`{item_id}` comes later: conditions may only read earlier items"),
            );
        }
    }

    fn condition_type(&mut self, target: &Item, check: &ValueCheck<'_>, path: &Path) {
        let kind = &target.kind;
        let type_name = kind.type_name();
        let mismatch = |field: &str, detail: String| Some((path.field(field), detail));
        let problem = match check {
            ValueCheck::Answered => {
                (!kind.is_answerable()).then(|| (path.field("item"), format!("`{}` is a display item", target.id)))
            }
            ValueCheck::Equality(value) => match (kind, value) {
                (ItemKind::SingleChoice { .. } | ItemKind::Likert { .. }, ConditionValue::Text(code)) => {
                    if target.option(code).is_some() {
                        None
                    } else {
                        mismatch("value", format!("`{}` has no option `{code}`", target.id))
                    }
                }
                (ItemKind::MultipleChoice { .. }, _) => {
                    mismatch("op", "compare a multiple choice item with `includes`".to_owned())
                }
                (ItemKind::RatingScale { .. } | ItemKind::Number { .. }, ConditionValue::Number(_))
                | (ItemKind::ShortText { .. } | ItemKind::LongText { .. }, ConditionValue::Text(_))
                | (ItemKind::YesNo, ConditionValue::Bool(_)) => None,
                (ItemKind::Date { .. }, ConditionValue::Text(date)) => {
                    if parse_iso_date(date).is_some() {
                        None
                    } else {
                        mismatch("value", format!("`{date}` is not a date yyyy-mm-dd"))
                    }
                }
                (ItemKind::Display, _) => mismatch("item", format!("`{}` is a display item", target.id)),
                _ => mismatch("value", format!("this value cannot be compared with a `{type_name}` item")),
            },
            ValueCheck::Order(threshold) => {
                let comparable = match kind {
                    ItemKind::SingleChoice { options } | ItemKind::Likert { options } => {
                        options.iter().any(|o| o.value.is_some())
                    }
                    ItemKind::RatingScale { .. } | ItemKind::Number { .. } => true,
                    _ => false,
                };
                if !threshold.is_finite() {
                    mismatch("value", "the threshold must be a finite number".to_owned())
                } else if comparable {
                    None
                } else {
                    mismatch("op", format!("a `{type_name}` item has no number to compare (options need values)"))
                }
            }
            ValueCheck::Includes(option) => match kind {
                ItemKind::MultipleChoice { .. } if target.option(option).is_some() => None,
                ItemKind::MultipleChoice { .. } => {
                    mismatch("option", format!("`{}` has no option `{option}`", target.id))
                }
                _ => mismatch("op", format!("`includes` applies to multiple choice items, not `{type_name}`")),
            },
        };
        if let Some((path, detail)) = problem {
            self.push(&path, ProblemCode::ConditionTypeMismatch, detail);
        }
    }
}

/// What a leaf condition compares, for the type check.
enum ValueCheck<'c> {
    Answered,
    Equality(&'c ConditionValue),
    Order(f64),
    Includes(&'c str),
}
