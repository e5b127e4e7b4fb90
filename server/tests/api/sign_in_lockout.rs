//! The limit on failed password sign-ins per account: refused with the same answer
//! whether the account exists or not, the right password included, until the window
//! moves on; written to the audit log. Times are injected (no sleeping).

use crate::harness::TestApp;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use server::clock::now_millis;
use server::entities::audit_log;
use server::identity::lockout::{LIMIT, WINDOW_MS};
use server::identity::service::NewPerson;
use server::identity::{IdentityError, IdentityService, Role};

const PASSWORD: &str = "une phrase de passe solide";

/// An account with `PASSWORD`, in the demo institution; returns its id.
async fn account(identity: &IdentityService, email: &str) -> i32 {
    let new = NewPerson {
        email: email.into(),
        display_name: "Compte".into(),
        institution: "demo".into(),
        role: Role::Observer,
    };
    let id = identity.create_person(new, "test", now_millis()).await.expect("created");
    let link = identity.issue_invitation(id, "test", now_millis()).await.expect("invitation");
    identity.accept_invitation(&link, PASSWORD, now_millis()).await.expect("password chosen");
    id
}

fn locked_for(result: Result<impl std::fmt::Debug, IdentityError>) -> i64 {
    match result {
        Err(IdentityError::Locked { retry_after_ms }) => retry_after_ms,
        other => panic!("expected a lockout, got {other:?}"),
    }
}

async fn audit_entries(app: &TestApp, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .order_by_asc(audit_log::Column::Id)
        .all(&app.db)
        .await
        .expect("db")
}

#[tokio::test]
async fn the_right_password_is_refused_during_a_lockout_and_accepted_after_it() {
    let app = TestApp::spawn().await;
    let identity = IdentityService::new(app.db.clone());
    let person = account(&identity, "cible@chu.example").await;
    let t0 = now_millis();

    for i in 0..LIMIT as i64 {
        let wrong = identity.sign_in_with_password("cible@chu.example", "pas le bon", t0 + i * 1000).await;
        assert!(matches!(wrong, Err(IdentityError::BadCredentials)), "attempt {i}: {wrong:?}");
    }
    // Locked until the first failure leaves the window.
    let during = t0 + 10_000;
    let wait = locked_for(identity.sign_in_with_password("CIBLE@chu.example ", PASSWORD, during).await);
    assert_eq!(wait, t0 + WINDOW_MS - during);
    let wait = locked_for(identity.sign_in_with_password("cible@chu.example", PASSWORD, t0 + WINDOW_MS - 1).await);
    assert_eq!(wait, 1);
    // The first failure has left the window: one attempt is checked again, and it is right.
    let after = identity.sign_in_with_password("cible@chu.example", PASSWORD, t0 + WINDOW_MS).await;
    assert!(after.is_ok(), "{after:?}");

    let locked = audit_entries(&app, "account.sign_in_locked").await;
    assert_eq!(locked.len(), 1, "one entry when the lock starts");
    assert_eq!(locked[0].subject, format!("person:{person}"));
    assert!(locked[0].institution_id.is_some(), "the institution's admins read it");
    assert!(!locked[0].detail.contains("cible"), "no address in the log: {}", locked[0].detail);
    let refused = audit_entries(&app, "session.sign_in_refused").await;
    assert_eq!(refused.len(), 2, "each refused attempt");
    assert!(refused.iter().all(|e| e.subject == format!("person:{person}")));
}

#[tokio::test]
async fn an_address_that_is_nobodys_is_limited_exactly_like_an_account() {
    let app = TestApp::spawn().await;
    let identity = IdentityService::new(app.db.clone());
    account(&identity, "vraie@chu.example").await;
    let t0 = now_millis();
    for email in ["vraie@chu.example", "personne@chu.example"] {
        for i in 0..LIMIT as i64 {
            let wrong = identity.sign_in_with_password(email, "pas le bon", t0 + i).await;
            assert!(matches!(wrong, Err(IdentityError::BadCredentials)), "{email} {i}: {wrong:?}");
        }
    }
    let real = locked_for(identity.sign_in_with_password("vraie@chu.example", PASSWORD, t0 + 100).await);
    let nobody = locked_for(identity.sign_in_with_password("personne@chu.example", PASSWORD, t0 + 100).await);
    assert_eq!(real, nobody);
    let unknown = audit_entries(&app, "account.sign_in_locked").await;
    assert_eq!(unknown.len(), 2);
    assert_eq!(unknown[1].subject, "account:unknown");
    assert_eq!(unknown[1].institution_id, None);
}

#[tokio::test]
async fn a_successful_sign_in_forgets_earlier_failures() {
    let app = TestApp::spawn().await;
    let identity = IdentityService::new(app.db.clone());
    account(&identity, "distraite@chu.example").await;
    let t0 = now_millis();
    for round in 0..3 {
        for i in 0..LIMIT as i64 - 1 {
            let at = t0 + round * 100 + i;
            let wrong = identity.sign_in_with_password("distraite@chu.example", "faute de frappe", at).await;
            assert!(matches!(wrong, Err(IdentityError::BadCredentials)), "round {round}: {wrong:?}");
        }
        let right = identity.sign_in_with_password("distraite@chu.example", PASSWORD, t0 + round * 100 + 50).await;
        assert!(right.is_ok(), "round {round}: {right:?}");
    }
}

#[tokio::test]
async fn attempts_sent_at_once_get_no_more_guesses_than_the_limit() {
    let app = TestApp::spawn().await;
    let identity = IdentityService::new(app.db.clone());
    account(&identity, "assiegee@chu.example").await;
    let now = now_millis();
    let attempts = (0..4 * LIMIT).map(|i| {
        let identity = identity.clone();
        tokio::spawn(
            async move { identity.sign_in_with_password("assiegee@chu.example", &format!("essai {i}"), now).await },
        )
    });
    let mut checked = 0;
    let mut refused = 0;
    for attempt in attempts.collect::<Vec<_>>() {
        match attempt.await.expect("joined") {
            Err(IdentityError::BadCredentials) => checked += 1,
            Err(IdentityError::Locked { .. }) => refused += 1,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!((checked, refused), (LIMIT, 3 * LIMIT));
}

fn browser_from(address: [u8; 4]) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .local_address(std::net::IpAddr::from(address))
        .build()
        .expect("client")
}

/// Posts the sign-in form as a browser would (form token from the page).
async fn sign_in(app: &TestApp, client: &reqwest::Client, email: &str, password: &str) -> reqwest::Response {
    let html = client.get(app.url("/connexion")).send().await.expect("sent").text().await.expect("body");
    let marker = r#"name="form_token" value=""#;
    let start = html.find(marker).map(|i| i + marker.len()).expect("form token");
    let token = html[start..].split('"').next().unwrap_or_default().to_string();
    let form = [("form_token", token), ("lang", "fr".into()), ("email", email.into()), ("password", password.into())];
    client.post(app.url("/connexion")).form(&form).send().await.expect("sent")
}

#[tokio::test]
async fn a_locked_account_is_answered_like_an_unknown_one_with_retry_after() {
    let app = TestApp::spawn().await;
    account(&IdentityService::new(app.db.clone()), "soignant@chu.example").await;
    // Two addresses, so that the limit per address (10 a minute) stays out of the way.
    let mut answers = Vec::new();
    for (email, address) in [("soignant@chu.example", [127, 0, 0, 1]), ("inconnu@chu.example", [127, 0, 0, 2])] {
        let client = browser_from(address);
        for _ in 0..LIMIT {
            let wrong = sign_in(&app, &client, email, "pas le bon").await;
            let location = wrong.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default();
            assert_eq!(location, "/connexion?lang=fr&erreur=signin-bad-credentials");
        }
        let refused = sign_in(&app, &client, email, PASSWORD).await;
        assert_eq!(refused.status().as_u16(), 303);
        let header = |name: &str| refused.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default();
        let retry_after: i64 = header("retry-after").parse().expect("Retry-After in seconds");
        assert!((WINDOW_MS / 1000 - 60..=WINDOW_MS / 1000).contains(&retry_after), "{retry_after}");
        assert!(!header("set-cookie").contains("boucle_session"), "no session");
        answers.push(header("location").to_string());
        let (status, html) = {
            let page = client.get(app.url(header("location"))).send().await.expect("sent");
            (page.status().as_u16(), page.text().await.expect("body"))
        };
        assert_eq!(status, 200);
        assert!(
            html.contains("Trop d&#x27;essais de connexion. Réessayez dans 15 minutes.")
                || html.contains("Trop d'essais de connexion. Réessayez dans 15 minutes."),
            "{html}"
        );
    }
    assert_eq!(answers[0], "/connexion?lang=fr&erreur=signin-throttled&attente=15");
    assert_eq!(answers[0], answers[1], "nothing tells an account from an unknown address");
}
