//! Each campaign's counts, kept in memory and brought up to date incrementally.
//!
//! A results page must not recount a campaign per view (a respondent's return page stays
//! fast with 100,000 responses). So the tallies of a campaign (`analytics::CampaignTally`
//! and its groupings) are built once by one pass over the stored rows, then each view
//! asks the database only how many submitted responses there are and the highest id, and
//! counts the rows added since. When the numbers do not add up (a response was withdrawn,
//! or, on PostgreSQL, a response with a lower id committed late), the campaign is counted
//! again from scratch: correctness never depends on this process having seen every write.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use analytics::{AnalyticsError, CampaignTally, GroupedTally, Grouping};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use survey_defs::Questionnaire;

use crate::entities::response;

/// Rows read per query when counting a campaign.
const PAGE: u64 = 5_000;

/// Why a campaign's figures could not be counted.
#[derive(Debug, thiserror::Error)]
pub enum TallyError {
    /// The database failed.
    #[error("database: {0}")]
    Db(#[from] DbErr),
    /// A stored row does not fit its questionnaire version.
    #[error("stored answers do not fit the questionnaire: {0}")]
    Analytics(#[from] AnalyticsError),
}

/// A campaign's counts: overall, by week and month of submission, and by the option
/// chosen at items asked for so far.
pub struct CampaignTallies {
    /// The questionnaire version answered.
    pub questionnaire: Arc<Questionnaire>,
    /// Every submitted response, with the sums reliability needs.
    pub overall: CampaignTally,
    /// By ISO week of submission.
    pub by_week: GroupedTally,
    /// By month of submission.
    pub by_month: GroupedTally,
    /// By the option chosen at an item, for the items asked for.
    pub by_item: BTreeMap<String, GroupedTally>,
    /// Responses counted.
    counted: u64,
    /// Highest response id counted.
    watermark: i64,
}

impl CampaignTallies {
    fn empty(questionnaire: Arc<Questionnaire>) -> Result<Self, AnalyticsError> {
        let template = CampaignTally::new(&questionnaire)?.with_reliability();
        Ok(Self {
            by_week: GroupedTally::new(template.clone(), Grouping::Week)?,
            by_month: GroupedTally::new(template.clone(), Grouping::Month)?,
            overall: template,
            by_item: BTreeMap::new(),
            questionnaire,
            counted: 0,
            watermark: 0,
        })
    }

    fn add(&mut self, rows: &[StoredRow]) -> Result<(), AnalyticsError> {
        self.overall.add_rows(rows.iter().map(|row| row.codes.as_slice()))?;
        let timed = || rows.iter().map(StoredRow::timed);
        self.by_week.add_rows(timed())?;
        self.by_month.add_rows(timed())?;
        for grouped in self.by_item.values_mut() {
            grouped.add_rows(timed())?;
        }
        if let Some(last) = rows.last() {
            self.watermark = self.watermark.max(last.id);
        }
        self.counted += rows.len() as u64;
        Ok(())
    }

    /// Responses counted.
    pub fn respondents(&self) -> u64 {
        self.counted
    }
}

/// A submitted response as counting and exports read it.
pub struct StoredRow {
    /// Its id (rows are read in id order).
    pub id: i64,
    /// The answers' codes (`survey_defs::AnswerLayout`).
    pub codes: Vec<u8>,
    /// When submitted (ms since the epoch).
    pub submitted_at: Option<i64>,
    /// The language answered in.
    pub language: String,
}

impl StoredRow {
    /// The row with its submission time, as time groupings count it.
    fn timed(&self) -> (&[u8], i64) {
        (self.codes.as_slice(), self.submitted_at.unwrap_or_default())
    }
}

type Slot = Arc<tokio::sync::Mutex<Option<CampaignTallies>>>;

/// The tallies of every campaign viewed since start-up.
pub struct TallyCache {
    db: DatabaseConnection,
    campaigns: std::sync::Mutex<HashMap<i32, Slot>>,
}

impl TallyCache {
    /// An empty cache over `db`.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db, campaigns: std::sync::Mutex::new(HashMap::new()) }
    }

    fn slot(&self, campaign_id: i32) -> Slot {
        // A poisoned lock only means another view panicked mid-insert: the map is intact.
        let mut campaigns = self.campaigns.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        campaigns.entry(campaign_id).or_default().clone()
    }

    /// Runs `read` on the campaign's up-to-date tallies (also grouped by `by_item` when
    /// given: it must be a choice item of the questionnaire).
    pub async fn read<R>(
        &self,
        campaign_id: i32,
        questionnaire: Arc<Questionnaire>,
        by_item: Option<&str>,
        read: impl FnOnce(&CampaignTallies) -> R,
    ) -> Result<R, TallyError> {
        let slot = self.slot(campaign_id);
        let mut guard = slot.lock().await;
        let (count, max_id) = self.submitted(campaign_id).await?;
        let stale = guard.as_ref().is_none_or(|t| t.questionnaire.answer_layout() != questionnaire.answer_layout());
        if stale {
            *guard = None;
        }
        let tallies = match guard.as_mut() {
            Some(tallies) if tallies.counted == count && tallies.watermark == max_id => tallies,
            Some(tallies) => {
                let fresh = self.rows(campaign_id, tallies.watermark, i64::MAX).await?;
                if tallies.counted + fresh.len() as u64 == count {
                    tallies.add(&fresh)?;
                    tallies
                } else {
                    // Withdrawn or late-committed responses: count again.
                    guard.insert(self.count_all(campaign_id, Arc::clone(&questionnaire)).await?)
                }
            }
            None => guard.insert(self.count_all(campaign_id, Arc::clone(&questionnaire)).await?),
        };
        if let Some(item_id) = by_item
            && !tallies.by_item.contains_key(item_id)
        {
            let template = CampaignTally::new(&tallies.questionnaire)?.with_reliability();
            let mut grouped = GroupedTally::new(template, Grouping::Item { item_id: item_id.to_string() })?;
            let mut after = 0;
            loop {
                let page = self.page(campaign_id, after, tallies.watermark).await?;
                let Some(last) = page.last() else { break };
                after = last.id;
                grouped.add_rows(page.iter().map(StoredRow::timed))?;
            }
            tallies.by_item.insert(item_id.to_string(), grouped);
        }
        Ok(read(tallies))
    }

    /// Every submitted response of a campaign, in id order.
    pub async fn export_rows(&self, campaign_id: i32) -> Result<Vec<StoredRow>, DbErr> {
        self.rows(campaign_id, 0, i64::MAX).await
    }

    async fn count_all(
        &self,
        campaign_id: i32,
        questionnaire: Arc<Questionnaire>,
    ) -> Result<CampaignTallies, TallyError> {
        let mut tallies = CampaignTallies::empty(questionnaire)?;
        loop {
            let page = self.page(campaign_id, tallies.watermark, i64::MAX).await?;
            if page.is_empty() {
                return Ok(tallies);
            }
            tallies.add(&page)?;
        }
    }

    /// Submitted responses and their highest id.
    async fn submitted(&self, campaign_id: i32) -> Result<(u64, i64), DbErr> {
        let row: Option<(i64, Option<i64>)> = response::Entity::find()
            .select_only()
            .column_as(response::Column::Id.count(), "n")
            .column_as(response::Column::Id.max(), "last")
            .filter(response::Column::CampaignId.eq(campaign_id))
            .filter(response::Column::Status.eq(response::SUBMITTED))
            .into_tuple()
            .one(&self.db)
            .await?;
        let (n, last) = row.unwrap_or_default();
        Ok((u64::try_from(n).unwrap_or_default(), last.unwrap_or_default()))
    }

    /// Every submitted row after `after`, in id order.
    async fn rows(&self, campaign_id: i32, after: i64, up_to: i64) -> Result<Vec<StoredRow>, DbErr> {
        let mut rows = Vec::new();
        let mut from = after;
        loop {
            let page = self.page(campaign_id, from, up_to).await?;
            let Some(last) = page.last() else { return Ok(rows) };
            from = last.id;
            rows.extend(page);
        }
    }

    async fn page(&self, campaign_id: i32, after: i64, up_to: i64) -> Result<Vec<StoredRow>, DbErr> {
        let page: Vec<(i64, Vec<u8>, Option<i64>, String)> = response::Entity::find()
            .select_only()
            .columns([
                response::Column::Id,
                response::Column::Codes,
                response::Column::SubmittedAt,
                response::Column::Language,
            ])
            .filter(response::Column::CampaignId.eq(campaign_id))
            .filter(response::Column::Status.eq(response::SUBMITTED))
            .filter(response::Column::Id.gt(after))
            .filter(response::Column::Id.lte(up_to))
            .order_by_asc(response::Column::Id)
            .limit(PAGE)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(page
            .into_iter()
            .map(|(id, codes, submitted_at, language)| StoredRow { id, codes, submitted_at, language })
            .collect())
    }
}
