//! Breakdowns: a campaign's figures per subgroup of respondents — by the option they
//! chose at a single choice item ("by ward", "by age band"), or by the week or month in
//! which they submitted.
//!
//! [`GroupedTally`] routes each stored row to the [`CampaignTally`] of its group, in the
//! same single pass; each group's tally is mergeable, so breakdowns federate like the
//! campaign's own figures. [`GroupedTally::breakdown`] then derives per group what the
//! campaign report shows (answer counts and shares, distributions, score bands), under
//! disclosure control across groups: figures by subgroup are the classic way small
//! groups leak, by subtracting the shown groups from the whole campaign. So group sizes,
//! and per item and per scale the table groups × options (or bands), go through
//! [`disclose_table`]: no shown cell, group or difference of published totals is a
//! group of `0 < n < k` respondents.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use survey_defs::ColumnKind;

use crate::calendar::{day_of, monday_of, year_month};
use crate::disclosure::{
    Disclosed, disclose_counts, disclose_derived, disclose_share, disclose_summary, disclose_table,
};
use crate::error::AnalyticsError;
use crate::item_summary::ItemSummary;
use crate::report::{BandRow, OptionRow};
use crate::scale_summary::ScaleSummary;
use crate::stats::Distribution;
use crate::tally::{CampaignTally, RowBuffers, codes_of};

/// How respondents are grouped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Grouping {
    /// By the option chosen at a single choice or Likert item.
    Item {
        /// The item's id.
        item_id: String,
    },
    /// By ISO week of submission (Monday to Sunday, UTC).
    Week,
    /// By calendar month of submission (UTC).
    Month,
    /// By campaign, for campaigns on the same questionnaire version: each counted on its
    /// own, then put side by side ([`GroupedTally::by_campaign`]).
    Campaign,
}

/// One group of respondents.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "group", rename_all = "snake_case")]
pub enum Group {
    /// Respondents who chose this option of the grouping item.
    Option {
        /// Option index (display order).
        index: u32,
        /// Option code.
        code: String,
    },
    /// Respondents who did not answer the grouping item.
    NotAnswered,
    /// Submitted in the week starting on this Monday (days since 1970-01-01).
    Week {
        /// The Monday, in days since 1970-01-01.
        monday: i32,
    },
    /// Submitted in this month.
    Month {
        /// Year.
        year: i32,
        /// Month, 1 to 12.
        month: u32,
    },
    /// Answered in this campaign.
    Campaign {
        /// Order among the campaigns compared.
        index: u32,
        /// The campaign's name, as its team wrote it.
        name: String,
    },
}

/// A campaign counted group by group, in one pass.
#[derive(Clone, Debug)]
pub struct GroupedTally {
    grouping: Grouping,
    /// For [`Grouping::Item`]: the item's layout column, and its groups: one per
    /// option, in option order, then "not answered".
    item: Option<(usize, Vec<Group>)>,
    /// An empty tally: what each group counts.
    template: CampaignTally,
    groups: BTreeMap<Group, CampaignTally>,
    rows: u64,
}

impl GroupedTally {
    /// Groups answers to `questionnaire`; `template` sets what each group counts (e.g.
    /// `CampaignTally::new(&q)?.with_reliability()`). Fails when the grouping item is not
    /// a single choice or Likert item.
    pub fn new(template: CampaignTally, grouping: Grouping) -> Result<Self, AnalyticsError> {
        let item = match &grouping {
            Grouping::Item { item_id } => {
                let layout = &template.plan().layout;
                let index = layout.column_index(item_id).ok_or_else(|| AnalyticsError::Grouping(item_id.clone()))?;
                match layout.columns.get(index).map(|c| &c.kind) {
                    Some(ColumnKind::Choice { option_codes, .. }) => {
                        let options =
                            (0u32..).zip(option_codes).map(|(index, code)| Group::Option { index, code: code.clone() });
                        Some((index, options.chain([Group::NotAnswered]).collect()))
                    }
                    _ => return Err(AnalyticsError::Grouping(item_id.clone())),
                }
            }
            Grouping::Week | Grouping::Month => None,
            // Rows do not say their campaign: campaigns are counted apart and compared.
            Grouping::Campaign => return Err(AnalyticsError::Grouping("campaign".to_owned())),
        };
        let template = template.empty_like();
        Ok(Self { grouping, item, template, groups: BTreeMap::new(), rows: 0 })
    }

    /// The group of a time in days, for time groupings.
    fn time_group(&self, day: i32) -> Group {
        if self.grouping == Grouping::Month {
            let (year, month) = year_month(day);
            Group::Month { year, month }
        } else {
            Group::Week { monday: monday_of(day) }
        }
    }

    /// Counts stored rows, each with its submission time in milliseconds since the epoch
    /// (UTC; ignored when grouping by an item). A row of the wrong length is an error.
    pub fn add_rows<'a>(&mut self, rows: impl IntoIterator<Item = (&'a [u8], i64)>) -> Result<(), AnalyticsError> {
        if self.grouping == Grouping::Campaign {
            return Err(AnalyticsError::Grouping("campaign".to_owned()));
        }
        let plan = std::sync::Arc::clone(self.template.plan());
        let mut buffers = RowBuffers::default();
        // Rows usually come in time order: the group of the last day is kept.
        let mut last_day: Option<(i32, Group)> = None;
        for (bytes, submitted_ms) in rows {
            let row = usize::try_from(self.rows).unwrap_or(usize::MAX);
            let codes = codes_of(bytes, plan.width(), row)?;
            let group: &Group = match &self.item {
                Some((column, groups)) => {
                    let code = codes.get(*column).map(|&b| i32::from_le_bytes(b));
                    let index = code.and_then(|c| usize::try_from(c).ok()).filter(|&i| i + 1 < groups.len());
                    // The last group is "not answered".
                    match index.or(groups.len().checked_sub(1)).and_then(|i| groups.get(i)) {
                        Some(group) => group,
                        None => continue,
                    }
                }
                None => {
                    let day = day_of(submitted_ms);
                    if last_day.as_ref().is_none_or(|(d, _)| *d != day) {
                        last_day = Some((day, self.time_group(day)));
                    }
                    match &last_day {
                        Some((_, group)) => group,
                        None => continue,
                    }
                }
            };
            let tally = match self.groups.get_mut(group) {
                Some(tally) => tally,
                None => self.groups.entry(group.clone()).or_insert_with(|| self.template.empty_like()),
            };
            tally.count_row(&plan, codes, &mut buffers);
            self.rows += 1;
        }
        Ok(())
    }

    /// Campaigns on the same questionnaire version side by side, each from its own tally
    /// (`(name, tally)`, in the order to show them): the breakdown "by campaign". Fails
    /// without campaigns, or when their questionnaires differ.
    pub fn by_campaign(campaigns: Vec<(String, CampaignTally)>) -> Result<Self, AnalyticsError> {
        let Some((_, first)) = campaigns.first() else {
            return Err(AnalyticsError::Grouping("campaign".to_owned()));
        };
        let template = first.empty_like();
        let mut grouped = Self { grouping: Grouping::Campaign, item: None, template, groups: BTreeMap::new(), rows: 0 };
        for (index, (name, tally)) in (0u32..).zip(campaigns) {
            let mut mine = grouped.template.empty_like();
            // Merging checks that both count the same questionnaire.
            mine.merge(&tally)?;
            grouped.rows += mine.respondents();
            grouped.groups.insert(Group::Campaign { index, name }, mine);
        }
        Ok(grouped)
    }

    /// Adds another grouped tally of the same questionnaire and grouping (exact).
    pub fn merge(&mut self, other: &Self) -> Result<(), AnalyticsError> {
        if self.grouping != other.grouping {
            return Err(AnalyticsError::MergeMismatch {
                left: format!("{:?}", self.grouping),
                right: format!("{:?}", other.grouping),
            });
        }
        self.template.merge(&other.template)?;
        for (group, tally) in &other.groups {
            match self.groups.get_mut(group) {
                Some(mine) => mine.merge(tally)?,
                None => {
                    let mut mine = self.template.empty_like();
                    mine.merge(tally)?;
                    self.groups.insert(group.clone(), mine);
                }
            }
        }
        self.rows += other.rows;
        Ok(())
    }

    /// The groups met, in order, with their tallies.
    pub fn groups(&self) -> impl Iterator<Item = (&Group, &CampaignTally)> {
        self.groups.iter()
    }

    /// The whole campaign: every group merged.
    pub fn overall(&self) -> Result<CampaignTally, AnalyticsError> {
        let mut overall = self.template.empty_like();
        for tally in self.groups.values() {
            overall.merge(tally)?;
        }
        Ok(overall)
    }

    /// Figures per group under disclosure control (see the module documentation).
    pub fn breakdown(&self, k: u32) -> Result<Breakdown, AnalyticsError> {
        let overall = self.overall()?;
        Ok(Breakdown::derive(&self.grouping, &overall, self.groups.iter().collect(), k))
    }
}

/// A campaign's figures per group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Breakdown {
    /// How respondents were grouped.
    pub grouping: Grouping,
    /// The disclosure threshold applied.
    pub k: u32,
    /// The groups, in order, with their sizes.
    pub groups: Vec<GroupSize>,
    /// Per item, in questionnaire order: figures per group, aligned with `groups`.
    pub items: Vec<ItemBreakdown>,
    /// Per scale, in questionnaire order: figures per group, aligned with `groups`.
    pub scales: Vec<ScaleBreakdown>,
}

/// One group and its number of respondents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupSize {
    /// The group.
    pub group: Group,
    /// Its respondents; when withheld, so is every figure of the group.
    pub respondents: Disclosed<u64>,
}

/// One item, group by group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemBreakdown {
    /// Item id.
    pub item_id: String,
    /// Per group (aligned with [`Breakdown::groups`]).
    pub groups: Vec<Disclosed<GroupItemFigures>>,
}

/// What is shown about one item in one group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupItemFigures {
    /// Respondents of the group who answered.
    pub answered: u64,
    /// Respondents of the group who did not.
    pub missing: u64,
    /// Per option (or point, or yes/no); shares of those who answered.
    pub options: Vec<OptionRow>,
    /// Values' distribution; absent when a cell of the group's row is withheld.
    pub distribution: Option<Distribution>,
}

/// One scale, group by group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScaleBreakdown {
    /// Scale id.
    pub scale_id: String,
    /// Per group (aligned with [`Breakdown::groups`]).
    pub groups: Vec<Disclosed<GroupScaleFigures>>,
}

/// What is shown about one scale in one group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupScaleFigures {
    /// Responses of the group with a score.
    pub scored: u64,
    /// Responses of the group without.
    pub not_scored: u64,
    /// Scores: mean with 95 % confidence interval, sd, median, quartiles.
    pub distribution: Distribution,
    /// Per band, in band order.
    pub bands: Vec<BandRow>,
    /// Scores in no band.
    pub outside_bands: Disclosed<u64>,
}

/// Whether each cell of a row of counts is shown by the campaign report (totals that a
/// reader can subtract from): the report shows the row when at least `k` answered, and
/// then the cells that [`disclose_counts`] leaves.
fn published(counts: &[u64], n: u64, k: u32) -> Vec<bool> {
    let whole = disclose_summary(n, k, ()).shown().is_some();
    disclose_counts(counts, k).iter().map(|c| whole && !c.is_suppressed()).collect()
}

impl Breakdown {
    fn derive(grouping: &Grouping, overall: &CampaignTally, groups: Vec<(&Group, &CampaignTally)>, k: u32) -> Self {
        let sizes: Vec<u64> = groups.iter().map(|(_, t)| t.respondents()).collect();
        // Group sizes: one row whose total (the campaign's respondents) is published.
        let size_table = disclose_table(std::slice::from_ref(&sizes), &[true], &vec![false; sizes.len()], k);
        let size_cells = size_table.cells.into_iter().next().unwrap_or_default();
        let shown: Vec<bool> = size_cells.iter().map(|c| !c.is_suppressed()).collect();
        let group_sizes = groups
            .iter()
            .zip(size_cells)
            .map(|((group, _), respondents)| GroupSize { group: (*group).clone(), respondents })
            .collect();

        let item_summaries: Vec<Vec<ItemSummary>> = groups.iter().map(|(_, t)| t.item_summaries()).collect();
        let items = overall
            .item_summaries()
            .iter()
            .enumerate()
            .map(|(index, whole)| {
                let per_group: Vec<Option<&ItemSummary>> = item_summaries.iter().map(|s| s.get(index)).collect();
                item_breakdown(whole, &per_group, &shown, k)
            })
            .collect();
        let scale_summaries: Vec<Vec<ScaleSummary>> = groups.iter().map(|(_, t)| t.scale_summaries()).collect();
        let scales = overall
            .scale_summaries()
            .iter()
            .enumerate()
            .map(|(index, whole)| {
                let per_group: Vec<Option<&ScaleSummary>> = scale_summaries.iter().map(|s| s.get(index)).collect();
                scale_breakdown(whole, &per_group, &shown, k)
            })
            .collect();
        Self { grouping: grouping.clone(), k, groups: group_sizes, items, scales }
    }
}

fn item_breakdown(whole: &ItemSummary, per_group: &[Option<&ItemSummary>], shown: &[bool], k: u32) -> ItemBreakdown {
    let whole_counts: Vec<u64> = whole.options().iter().map(|o| o.count).collect();
    let columns = published(&whole_counts, whole.answered(), k);
    let rows: Vec<Vec<u64>> = per_group
        .iter()
        .map(|item| item.map(|i| i.options().iter().map(|o| o.count).collect()).unwrap_or_default())
        .map(|mut row: Vec<u64>| {
            row.resize(columns.len(), 0);
            row
        })
        .collect();
    // Items without options (numbers, dates, texts): one column of answered counts,
    // whose row totals are then the line protected.
    let (rows, columns) = if columns.is_empty() {
        (per_group.iter().map(|item| vec![item.map_or(0, |i| i.answered())]).collect(), vec![false])
    } else {
        (rows, columns)
    };
    let table = disclose_table(&rows, shown, &columns, k);
    let groups = per_group
        .iter()
        .zip(table.cells.into_iter().zip(table.withheld))
        .map(|(item, (cells, withheld))| match item {
            Some(item) if !withheld => {
                let answered = item.answered();
                let options = item.options();
                let distribution = if options.is_empty() {
                    item.distribution()
                } else {
                    item.distribution().and_then(|d| disclose_derived(&cells, d))
                };
                let options = options
                    .into_iter()
                    .zip(cells)
                    .map(|(o, count)| OptionRow { code: o.code, pct: disclose_share(&count, answered), count })
                    .collect();
                Disclosed::Shown(GroupItemFigures { answered, missing: item.missing(), options, distribution })
            }
            _ => Disclosed::Suppressed { fewer_than: k.max(1) },
        })
        .collect();
    ItemBreakdown { item_id: whole.item_id.clone(), groups }
}

fn scale_breakdown(
    whole: &ScaleSummary,
    per_group: &[Option<&ScaleSummary>],
    shown: &[bool],
    k: u32,
) -> ScaleBreakdown {
    let row_of = |scale: &ScaleSummary| {
        let (mut counts, outside) = scale.band_counts();
        counts.push(outside);
        counts
    };
    let columns = published(&row_of(whole), whole.scored(), k);
    let rows: Vec<Vec<u64>> = per_group.iter().map(|s| s.map_or_else(|| vec![0; columns.len()], &row_of)).collect();
    let table = disclose_table(&rows, shown, &columns, k);
    let groups = per_group
        .iter()
        .zip(table.cells.into_iter().zip(table.withheld))
        .map(|(scale, (mut cells, withheld))| match (scale, scale.and_then(|s| s.distribution())) {
            (Some(scale), Some(distribution)) if !withheld => {
                let scored = scale.scored();
                let outside_bands = cells.pop().unwrap_or(Disclosed::Shown(0));
                let bands = cells
                    .into_iter()
                    .enumerate()
                    .map(|(band, count)| BandRow { band, pct: disclose_share(&count, scored), count })
                    .collect();
                Disclosed::Shown(GroupScaleFigures {
                    scored,
                    not_scored: scale.not_scored(),
                    distribution,
                    bands,
                    outside_bands,
                })
            }
            _ => Disclosed::Suppressed { fewer_than: k.max(1) },
        })
        .collect();
    ScaleBreakdown { scale_id: whole.scale_id.clone(), groups }
}

#[cfg(test)]
#[path = "breakdown_tests.rs"]
mod tests;
