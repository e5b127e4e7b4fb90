//! Campaign administration and single-use invitations.

use crate::harness::TestApp;
use sea_orm::{EntityTrait, PaginatorTrait};
use server::campaigns::{CampaignAdmin, CampaignError, NewCampaign};
use server::config::CampaignAction;
use server::entities::response;

fn new_campaign(invitations_only: bool) -> NewCampaign {
    NewCampaign {
        institution: "demo".into(),
        questionnaire: "gad-7".into(),
        title: "Anxiété en consultation".into(),
        audience: "Patients de la consultation".into(),
        invitations_only,
        min_cell_size: 5,
        closes_at: None,
        results_promised_at: 1_900_000_000_000,
        languages: vec!["fr".into(), "en".into()],
    }
}

fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}

fn hidden(html: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = html.find(&marker).map(|i| i + marker.len()).unwrap_or_else(|| panic!("no {name}"));
    html[start..].split('"').next().unwrap_or_default().to_string()
}

/// Opens `link` then agrees on the campaign page; returns the consent reply.
async fn follow_and_consent(app: &TestApp, client: &reqwest::Client, link: &str, campaign: &str) -> reqwest::Response {
    let opened = client.get(app.url(link)).send().await.expect("sent");
    assert_eq!(location(&opened), format!("/r/{campaign}"));
    let page = client.get(app.url(&format!("/r/{campaign}"))).send().await.expect("sent").text().await.expect("body");
    let token = hidden(&page, "form_token");
    client
        .post(app.url(&format!("/r/{campaign}/consent")))
        .form(&[("form_token", token.as_str()), ("consent_version", "1"), ("consent", "yes"), ("lang", "fr")])
        .send()
        .await
        .expect("sent")
}

#[tokio::test]
async fn staff_create_a_campaign_count_it_and_close_it() {
    let app = TestApp::spawn().await;
    let admin = CampaignAdmin::new(app.db.clone());
    let id = admin.create(new_campaign(false)).await.expect("created");
    assert_eq!(id.len(), 16);
    let (status, page) = app.get_text(&format!("/r/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Anxiété en consultation") && page.contains("consent_version"));
    let counts = admin.counts(&id).await.expect("counts");
    assert_eq!((counts.submitted, counts.in_progress), (0, 0));
    admin.close(&id).await.expect("closed");
    let (_, page) = app.get_text(&format!("/r/{id}")).await;
    assert!(page.contains("Ce questionnaire est fermé"));
}

#[tokio::test]
async fn bad_campaign_settings_are_refused_with_reasons() {
    let app = TestApp::spawn().await;
    let admin = CampaignAdmin::new(app.db.clone());
    let mut small = new_campaign(false);
    small.min_cell_size = 2;
    assert!(matches!(admin.create(small).await, Err(CampaignError::Invalid(_))));
    let mut unknown = new_campaign(false);
    unknown.questionnaire = "nope".into();
    assert!(matches!(admin.create(unknown).await, Err(CampaignError::UnknownQuestionnaire(_))));
    let mut no_french = new_campaign(false);
    no_french.languages = vec!["en".into()];
    assert!(matches!(admin.create(no_french).await, Err(CampaignError::Invalid(_))));
    assert!(matches!(admin.invite("nope", 3).await, Err(CampaignError::UnknownCampaign(_))));
    let bad_date = server::admin::run(
        app.db.clone(),
        CampaignAction::Create {
            questionnaire: "gad-7".into(),
            title: "t".into(),
            audience: String::new(),
            institution: "demo".into(),
            invitations_only: false,
            min_cell_size: 5,
            closes_on: None,
            results_on: "31/12/2027".into(),
            languages: vec!["fr".into()],
        },
    )
    .await;
    assert!(matches!(bad_date, Err(CampaignError::Invalid(message)) if message.contains("YYYY-MM-DD")));
}

#[tokio::test]
async fn an_invitation_opens_exactly_one_response_even_used_fifty_times_at_once() {
    let app = TestApp::spawn().await;
    let admin = CampaignAdmin::new(app.db.clone());
    let id = admin.create(new_campaign(true)).await.expect("created");
    let csv = server::admin::run(
        app.db.clone(),
        CampaignAction::Invite { campaign: id.clone(), count: 2, base_url: String::new() },
    )
    .await
    .expect("invitations");
    let links: Vec<String> =
        csv.lines().skip(1).map(|line| line.split(',').nth(1).expect("link").to_string()).collect();
    assert_eq!(links.len(), 2);
    assert!(links.iter().all(|l| l.starts_with("/i/")));

    // Without an invitation, the campaign takes no answer.
    let stranger = browser();
    let page = stranger.get(app.url(&format!("/r/{id}"))).send().await.expect("sent").text().await.expect("body");
    assert!(page.contains("lien personnel reçu par message") && !page.contains("consent_version"));

    // The same invitation, 50 browsers at once: one response.
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let (link, id) = (links[0].clone(), id.clone());
        let app_url = app.address.clone();
        tasks.push(tokio::spawn(async move {
            let client = browser();
            let opened = client.get(format!("{app_url}{link}")).send().await.expect("sent");
            let status = opened.status();
            assert_eq!(location(&opened), format!("/r/{id}"), "{status}: {}", opened.text().await.unwrap_or_default());
            let page = client.get(format!("{app_url}/r/{id}")).send().await.expect("sent").text().await.expect("body");
            let token = hidden(&page, "form_token");
            let consent = client
                .post(format!("{app_url}/r/{id}/consent"))
                .form(&[("form_token", token.as_str()), ("consent_version", "1"), ("consent", "yes")])
                .send()
                .await
                .expect("sent");
            location(&consent)
        }));
    }
    for task in tasks {
        assert_eq!(task.await.expect("task"), format!("/r/{id}/q/1?lang=fr"));
    }
    assert_eq!(response::Entity::find().count(&app.db).await.expect("count"), 1);
    let counts = admin.counts(&id).await.expect("counts");
    assert_eq!(counts.invitations, (2, 1));

    // The second invitation opens a second response.
    let consent = follow_and_consent(&app, &browser(), &links[1], &id).await;
    assert_eq!(location(&consent), format!("/r/{id}/q/1?lang=fr"));
    assert_eq!(response::Entity::find().count(&app.db).await.expect("count"), 2);
}

#[tokio::test]
async fn an_unknown_invitation_says_so() {
    let app = TestApp::spawn().await;
    let client = browser();
    let opened = client.get(app.url("/i/not-a-real-token")).send().await.expect("sent");
    assert_eq!(location(&opened), "/lien-invalide");
    let page = client.get(app.url("/lien-invalide")).send().await.expect("sent");
    assert_eq!(page.status(), 404);
    assert!(page.text().await.expect("body").contains("Ce lien d'invitation ne fonctionne pas"));
}

#[tokio::test]
async fn the_poster_qr_code_holds_the_open_link() {
    let app = TestApp::spawn().await;
    let svg = server::admin::run(
        app.db.clone(),
        CampaignAction::Qr { campaign: "demo-phq-9".into(), base_url: "https://boucle.example.org".into() },
    )
    .await
    .expect("svg");
    assert!(svg.starts_with("<svg"));
}
