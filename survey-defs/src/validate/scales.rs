//! Validation of scales and their bands.

use std::collections::BTreeSet;

use super::Validator;
use crate::problem::{Path, ProblemCode};
use crate::scale::{Scale, ScoringMethod};
use crate::scoring::ScaleInfo;

/// Tolerance when comparing band bounds with the possible range (scores have 2 decimals).
const EPSILON: f64 = 1e-9;

impl Validator<'_> {
    pub(super) fn scales(&mut self) {
        let mut ids = BTreeSet::new();
        for (k, scale) in self.q.scales.iter().enumerate() {
            let path = Path::root().index("scales", k);
            self.check_id(&scale.id, &path.field("id"), "scale id");
            if !ids.insert(scale.id.as_str()) {
                self.push(
                    &path.field("id"),
                    ProblemCode::DuplicateId,
                    format!("scale id `{}` is used twice", scale.id),
                );
            }
            self.required_text(&scale.title, &path.field("title"));
            self.optional_text(scale.caveat.as_ref(), &path.field("caveat"));
            self.scale_items(scale, &path);
            self.bands(scale, &path);
        }
    }

    fn scale_items(&mut self, scale: &Scale, path: &Path) {
        if scale.items.is_empty() {
            self.push(&path.field("items"), ProblemCode::NoItems, "the scale has no item");
        }
        let mut seen = BTreeSet::new();
        for (j, id) in scale.items.iter().enumerate() {
            let item_path = path.index("items", j);
            if !seen.insert(id.as_str()) {
                self.push(&item_path, ProblemCode::DuplicateId, format!("`{id}` is listed twice"));
                continue;
            }
            match self.q.item(id) {
                None => self.push(&item_path, ProblemCode::UnknownScaleItem, format!("no item `{id}`")),
                Some(item) => {
                    if item.score_range().is_none_or(|(min, max)| min >= max) {
                        self.push(
                            &item_path,
                            ProblemCode::NonScorableScaleItem,
                            format!(
                                "`{id}` ({}) cannot be scored: use choice/Likert items with at least two option values, rating scales or whole-number items",
                                item.kind.type_name()
                            ),
                        );
                    }
                }
            }
        }
        for (j, id) in scale.reverse_items.iter().enumerate() {
            if !scale.items.contains(id) {
                self.push(
                    &path.index("reverse_items", j),
                    ProblemCode::ReverseItemNotInScale,
                    format!("`{id}` is not among the scale's items"),
                );
            }
        }
        let count = u32::try_from(scale.items.len()).unwrap_or(u32::MAX);
        if scale.min_answered == 0 || scale.min_answered > count {
            self.push(
                &path.field("min_answered"),
                ProblemCode::InvalidMinAnswered,
                format!("{}: expected 1 to the number of items ({count})", scale.min_answered),
            );
        }
    }

    fn bands(&mut self, scale: &Scale, path: &Path) {
        let range = ScaleInfo::new(self.q, scale).map(|info| info.possible_range());
        let mut ordered = true;
        for (b, band) in scale.bands.iter().enumerate() {
            let band_path = path.index("bands", b);
            self.required_text(&band.label, &band_path.field("label"));
            self.optional_text(band.description.as_ref(), &band_path.field("description"));
            if !band.min.is_finite() || !band.max.is_finite() || band.min > band.max {
                self.push(
                    &band_path,
                    ProblemCode::InvalidRange,
                    format!("{} to {}: expected min ≤ max", band.min, band.max),
                );
                ordered = false;
                continue;
            }
            if let Some(previous) = b.checked_sub(1).and_then(|p| scale.bands.get(p))
                && band.min <= previous.max
            {
                self.push(
                    &band_path,
                    ProblemCode::BandOverlap,
                    format!(
                        "starts at {} but the previous band ends at {}: bands must be ascending, without overlap",
                        band.min, previous.max
                    ),
                );
                ordered = false;
            }
            if let Some((low, high)) = range
                && (band.min < low - EPSILON || band.max > high + EPSILON)
            {
                self.push(
                    &band_path,
                    ProblemCode::BandOutOfRange,
                    format!("{} to {} goes beyond the possible scores {low} to {high}", band.min, band.max),
                );
                ordered = false;
            }
        }
        // Sums of whole values are whole (prorated sums fall in the band below a gap of
        // less than 1): every whole score must have a band.
        if let (true, Some((low, high)), ScoringMethod::Sum) = (ordered, range, scale.method) {
            self.band_gaps(scale, path, low, high);
        }
    }

    fn band_gaps(&mut self, scale: &Scale, path: &Path, low: f64, high: f64) {
        let (Some(first), Some(last)) = (scale.bands.first(), scale.bands.last()) else {
            return;
        };
        if first.min > low + EPSILON {
            self.push(
                &path.index("bands", 0),
                ProblemCode::BandGap,
                format!("scores from {low} to below {} have no band", first.min),
            );
        }
        for (b, pair) in scale.bands.windows(2).enumerate() {
            if pair[1].min - pair[0].max > 1.0 + EPSILON {
                self.push(
                    &path.index("bands", b + 1),
                    ProblemCode::BandGap,
                    format!("scores between {} and {} have no band", pair[0].max, pair[1].min),
                );
            }
        }
        if last.max < high - EPSILON {
            let index = scale.bands.len() - 1;
            self.push(
                &path.index("bands", index),
                ProblemCode::BandGap,
                format!("scores above {} up to {high} have no band", last.max),
            );
        }
    }
}
