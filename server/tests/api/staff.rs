//! The staff side over HTTP: invitations, sign-in and sign-out, session limits, form
//! tokens, campaigns run from the browser, the audit log.

use crate::harness::TestApp;
use crate::staff_support::{institution, signed_in};
use sea_orm::{ConnectionTrait, Statement};
use server::clock::now_millis;
use server::identity::service::{ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS, NewPerson};
use server::identity::{IdentityError, IdentityService, Role};

fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}

fn hidden(html: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = html.find(&marker).map(|i| i + marker.len()).unwrap_or_else(|| panic!("no {name} in {html}"));
    html[start..].split('"').next().unwrap_or_default().to_string()
}

async fn invite(app: &TestApp, email: &str, role: Role) -> String {
    let identity = IdentityService::new(app.db.clone());
    let new = NewPerson { email: email.into(), display_name: "Marie Curie".into(), institution: "demo".into(), role };
    let id = identity.create_person(new, "test", now_millis()).await.expect("created");
    identity.issue_invitation(id, "test", now_millis()).await.expect("invitation")
}

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.expect("sent");
    (response.status().as_u16(), response.text().await.expect("body"))
}

/// Follows the invitation link and chooses `password`; returns the reply to the form.
async fn choose_password(app: &TestApp, client: &reqwest::Client, link: &str, password: &str) -> reqwest::Response {
    let opened = client.get(app.url(&format!("/connexion/invitation/{link}"))).send().await.expect("sent");
    assert_eq!(location(&opened), "/connexion/bienvenue", "the secret leaves the address bar");
    let (status, html) = page(app, client, "/connexion/bienvenue").await;
    assert_eq!(status, 200, "{html}");
    let form = [
        ("form_token", hidden(&html, "form_token")),
        ("lang", "fr".into()),
        ("password", password.into()),
        ("password_confirm", password.into()),
    ];
    client.post(app.url("/connexion/bienvenue")).form(&form).send().await.expect("sent")
}

async fn sign_in(app: &TestApp, client: &reqwest::Client, email: &str, password: &str) -> reqwest::Response {
    let (_, html) = page(app, client, "/connexion").await;
    let form = [
        ("form_token", hidden(&html, "form_token")),
        ("lang", "fr".into()),
        ("suite", "/equipe".into()),
        ("email", email.into()),
        ("password", password.into()),
    ];
    client.post(app.url("/connexion")).form(&form).send().await.expect("sent")
}

#[tokio::test]
async fn an_invited_person_chooses_a_password_signs_in_and_signs_out() {
    let app = TestApp::spawn().await;
    let link = invite(&app, "Marie@CHU.example", Role::Professional).await;
    let client = browser();

    let weak = choose_password(&app, &client, &link, "azerty123").await;
    assert_eq!(location(&weak), "/connexion/bienvenue?lang=fr&erreur=password-too-common");
    let (_, html) = page(&app, &client, "/connexion/bienvenue?lang=fr&erreur=password-too-common").await;
    assert!(html.contains("trop facile à deviner"), "the reason is shown: {html}");

    let chosen = choose_password(&app, &client, &link, "la boucle est bouclée").await;
    assert_eq!(location(&chosen), "/equipe?lang=fr");
    let cookie = chosen.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let (status, home) = page(&app, &client, "/equipe").await;
    assert_eq!(status, 200);
    assert!(home.contains("Marie Curie") && home.contains("Enquête PHQ-9") || home.contains("demo-phq-9"), "{home}");

    // Sign out, then the same cookie is worthless.
    let session = cookie.split(';').next().unwrap_or_default().to_string();
    let csrf = hidden(&home, "csrf");
    let out =
        client.post(app.url("/deconnexion")).form(&[("csrf", csrf), ("lang", "fr".into())]).send().await.expect("sent");
    assert_eq!(location(&out), "/connexion?lang=fr&fin=1");
    let replay = app.client.post(app.url("/_sfn/staff_home")).header("cookie", &session).send().await.expect("sent");
    assert_eq!(replay.status().as_u16(), 401, "the old cookie after sign-out");
    let page_again = app.client.get(app.url("/equipe")).header("cookie", &session).send().await.expect("sent");
    assert_eq!(page_again.status().as_u16(), 302);
    assert!(location(&page_again).starts_with("/connexion?suite=/equipe"));

    // The password works from a new browser, whatever the case of the email.
    let again = sign_in(&app, &browser(), "marie@chu.EXAMPLE", "la boucle est bouclée").await;
    assert_eq!(location(&again), "/equipe?lang=fr");

    // The link worked once.
    let reused = browser().get(app.url(&format!("/connexion/invitation/{link}"))).send().await.expect("sent");
    assert_eq!(location(&reused), "/connexion/bienvenue");
    let (status, _) = page(&app, &browser(), "/connexion/bienvenue").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn wrong_passwords_are_refused_without_saying_which_part_was_wrong_then_throttled() {
    let app = TestApp::spawn().await;
    let link = invite(&app, "chef@chu.example", Role::QualityTeam).await;
    let identity = IdentityService::new(app.db.clone());
    identity.accept_invitation(&link, "un mot de passe correct", now_millis()).await.expect("accepted");

    let client = browser();
    let wrong = sign_in(&app, &client, "chef@chu.example", "un mot de passe faux").await;
    assert_eq!(location(&wrong), "/connexion?lang=fr&erreur=signin-bad-credentials");
    let unknown = sign_in(&app, &client, "personne@chu.example", "un mot de passe faux").await;
    assert_eq!(location(&unknown), "/connexion?lang=fr&erreur=signin-bad-credentials");
    assert!(wrong.headers().get("set-cookie").is_none_or(|c| !c.to_str().unwrap_or("").contains("boucle_session")));
    for _ in 0..10 {
        sign_in(&app, &client, "chef@chu.example", "encore faux !").await;
    }
    let throttled = sign_in(&app, &client, "chef@chu.example", "un mot de passe correct").await;
    assert!(location(&throttled).starts_with("/connexion?lang=fr&erreur=signin-throttled&attente="));
    assert!(throttled.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn sessions_end_when_idle_when_too_old_and_at_sign_out() {
    let app = TestApp::spawn().await;
    let identity = IdentityService::new(app.db.clone());
    let link = invite(&app, "obs@chu.example", Role::Observer).await;
    let t0 = now_millis();
    let first = identity.accept_invitation(&link, "observer la boucle", t0).await.expect("accepted");
    assert!(identity.resolve(&first.secret, t0 + IDLE_LIMIT_MS - 1).await.expect("db").is_some());
    // Activity within the idle limit keeps it alive, up to the absolute limit.
    let mut now = t0;
    while now + IDLE_LIMIT_MS / 2 < t0 + ABSOLUTE_LIMIT_MS {
        now += IDLE_LIMIT_MS / 2;
        assert!(identity.resolve(&first.secret, now).await.expect("db").is_some(), "alive at {now}");
    }
    assert!(identity.resolve(&first.secret, t0 + ABSOLUTE_LIMIT_MS).await.expect("db").is_none(), "absolute limit");

    let second = identity.sign_in_with_password("obs@chu.example", "observer la boucle", now).await.expect("signed in");
    assert_ne!(second.secret, first.secret, "a new session id at each sign-in");
    assert!(identity.resolve(&second.secret, now + IDLE_LIMIT_MS).await.expect("db").is_none(), "idle limit");

    let third = identity.sign_in_with_password("obs@chu.example", "observer la boucle", now).await.expect("signed in");
    identity.sign_out(&third.secret, now + 1).await.expect("signed out");
    assert!(identity.resolve(&third.secret, now + 2).await.expect("db").is_none(), "signed out");
}

#[tokio::test]
async fn an_invitation_raced_by_two_browsers_opens_one_session() {
    let app = TestApp::spawn().await;
    let link = invite(&app, "course@chu.example", Role::Professional).await;
    let identity = IdentityService::new(app.db.clone());
    let (a, b) = tokio::join!(
        identity.accept_invitation(&link, "premier arrivé ici", now_millis()),
        identity.accept_invitation(&link, "second arrivé là", now_millis()),
    );
    let successes = [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count();
    assert_eq!(successes, 1);
    let refused = if a.is_ok() { b } else { a };
    assert!(matches!(refused, Err(IdentityError::InvalidLink)));
}

#[tokio::test]
async fn staff_forms_need_the_session_token_and_a_same_site_origin() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, "admin@chu.example", Role::Admin, "demo").await;
    let post = |form: Vec<(&'static str, String)>, site: &'static str| {
        app.client
            .post(app.url("/equipe/campagnes/demo-phq-9/cloture"))
            .header("cookie", &admin.cookie)
            .header("sec-fetch-site", site)
            .form(&form)
            .send()
    };
    let no_token = post(vec![("confirm", "yes".into())], "same-origin").await.expect("sent");
    assert_eq!(no_token.status().as_u16(), 403);
    let wrong_token =
        post(vec![("confirm", "yes".into()), ("csrf", "forged".into())], "same-origin").await.expect("sent");
    assert_eq!(wrong_token.status().as_u16(), 403);
    let cross_site =
        post(vec![("confirm", "yes".into()), ("csrf", admin.csrf.clone())], "cross-site").await.expect("sent");
    assert_eq!(cross_site.status().as_u16(), 403);
    let (_, page) = app.get_text("/r/demo-phq-9").await;
    assert!(page.contains("consent"), "the campaign is still open: {page}");

    let proper =
        post(vec![("confirm", "yes".into()), ("csrf", admin.csrf.clone())], "same-origin").await.expect("sent");
    assert_eq!(location(&proper), "/equipe/campagnes/demo-phq-9?lang=fr&ferme=1");
}

#[tokio::test]
async fn a_professional_runs_a_campaign_from_the_browser() {
    let app = TestApp::spawn().await;
    let pro = signed_in(&app, "pro@chu.example", Role::Professional, "demo").await;
    let form = |title: &str, k: &str, results: &str| {
        vec![
            ("csrf", pro.csrf.clone()),
            ("lang", "fr".to_string()),
            ("institution", "demo".into()),
            ("questionnaire", "gad-7".into()),
            ("title", title.into()),
            ("audience", "Patients de la consultation d'anxiété".into()),
            ("distribution", "invitations".into()),
            ("languages", "fr".into()),
            ("languages", "en".into()),
            ("min_cell_size", k.into()),
            ("closes_on", "2027-01-31".into()),
            ("results_on", results.into()),
        ]
    };
    let create = |form: Vec<(&'static str, String)>| {
        app.client.post(app.url("/equipe/campagnes")).header("cookie", &pro.cookie).form(&form).send()
    };
    let bad_k = create(form("Anxiété", "2", "2027-03-01")).await.expect("sent");
    assert_eq!(location(&bad_k), "/equipe/campagnes/nouvelle?lang=fr&erreur=campaign-error-k");
    let bad_dates = create(form("Anxiété", "5", "2026-12-01")).await.expect("sent");
    assert_eq!(location(&bad_dates), "/equipe/campagnes/nouvelle?lang=fr&erreur=campaign-error-dates");

    let payload = "</title><script>alert('x')</script><img src=x onerror=alert(1)>";
    let created = create(form(payload, "5", "2027-03-01")).await.expect("sent");
    let desk = location(&created);
    assert!(desk.starts_with("/equipe/campagnes/"), "{desk}");
    let id = desk.trim_start_matches("/equipe/campagnes/").split('?').next().unwrap_or_default().to_string();

    let html = app
        .client
        .get(app.url(&format!("/equipe/campagnes/{id}")))
        .header("cookie", &pro.cookie)
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("body");
    assert!(!html.contains("<script>alert"), "the title is escaped: {html}");
    assert!(html.contains("&lt;script&gt;alert"), "{html}");

    let csv = app
        .client
        .post(app.url(&format!("/equipe/campagnes/{id}/invitations")))
        .header("cookie", &pro.cookie)
        .form(&[("csrf", pro.csrf.clone()), ("lang", "fr".into()), ("count", "3".into())])
        .send()
        .await
        .expect("sent");
    assert_eq!(csv.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("text/csv; charset=utf-8"));
    assert_eq!(csv.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let body = csv.text().await.expect("csv");
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines.len(), 4, "{body}");
    assert!(lines[1].starts_with(&format!("1,{}/i/", app.address)), "{body}");

    let (_, desk_html) = {
        let r = app.client.get(app.url(&format!("/equipe/campagnes/{id}"))).header("cookie", &pro.cookie).send().await;
        let r = r.expect("sent");
        (r.status().as_u16(), r.text().await.expect("body"))
    };
    assert!(desk_html.contains("3 créées, 0 utilisées"), "{desk_html}");

    let closed = app
        .client
        .post(app.url(&format!("/equipe/campagnes/{id}/cloture")))
        .header("cookie", &pro.cookie)
        .form(&[("csrf", pro.csrf.clone()), ("lang", "fr".into()), ("confirm", "yes".into())])
        .send()
        .await
        .expect("sent");
    assert_eq!(location(&closed), format!("/equipe/campagnes/{id}?lang=fr&ferme=1"));
    let invited = browser();
    let link =
        lines[1].split_once(',').map(|(_, l)| l.trim_start_matches(&app.address).to_string()).unwrap_or_default();
    let opened = invited.get(app.url(&link)).send().await.expect("sent");
    assert_eq!(location(&opened), format!("/r/{id}"));
    let (_, start) = page(&app, &invited, &format!("/r/{id}")).await;
    assert!(!start.contains("name=\"consent\""), "a closed campaign takes no consent: {start}");
}

#[tokio::test]
async fn admins_read_their_institutions_audit_log_and_a_tampered_log_is_reported() {
    let app = TestApp::spawn().await;
    institution(&app, "autre").await;
    let demo_admin = signed_in(&app, "admin@demo.example", Role::Admin, "demo").await;
    signed_in(&app, "admin@autre.example", Role::Admin, "autre").await;
    let app = &app;
    let read = |cookie: String| async move {
        let r = app.client.get(app.url("/equipe/journal?action=session")).header("cookie", cookie).send().await;
        let r = r.expect("sent");
        (r.status().as_u16(), r.text().await.expect("body"))
    };
    let (status, html) = read(demo_admin.cookie.clone()).await;
    assert_eq!(status, 200);
    assert!(html.contains("session.signed_in") && html.contains("La chaîne du journal est intacte"), "{html}");
    let demo_entries = html.matches("session.signed_in").count();
    assert_eq!(demo_entries, 1, "only the demo admin's own sign-in, not the other institution's: {html}");

    let professional = signed_in(app, "pro@demo.example", Role::Professional, "demo").await;
    let (status, _) = read(professional.cookie).await;
    assert_eq!(status, 403);

    let verdict = server::admin::run_admin(app.db.clone(), server::config::AdminAction::VerifyAudit, "http://x").await;
    assert!(verdict.expect("intact").starts_with("the audit log is intact"));
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            "UPDATE audit_log SET subject = 'forged' WHERE id = 2",
        ))
        .await
        .expect("tampered");
    let verdict = server::admin::run_admin(app.db.clone(), server::config::AdminAction::VerifyAudit, "http://x").await;
    let message = verdict.expect_err("broken").to_string();
    assert!(message.contains("entry 2"), "{message}");
    let (_, html) = read(demo_admin.cookie).await;
    assert!(html.contains("rompue à l&#x27;entrée 2") || html.contains("rompue à l'entrée 2"), "{html}");
}

#[tokio::test]
async fn create_user_prints_a_working_invitation_link() {
    let app = TestApp::spawn().await;
    let action = server::config::AdminAction::CreateUser {
        email: "patiente@asso.example".into(),
        name: "Patiente partenaire".into(),
        institution: "demo".into(),
        role: "patient_partner".into(),
    };
    let printed = server::admin::run_admin(app.db.clone(), action, &app.address).await.expect("created");
    let link = printed.trim().trim_start_matches(&app.address).to_string();
    assert!(link.starts_with("/connexion/invitation/"), "{printed}");
    let client = browser();
    let token = link.trim_start_matches("/connexion/invitation/");
    let done = choose_password(&app, &client, token, "je co-construis les questionnaires").await;
    assert_eq!(location(&done), "/equipe?lang=fr");
    let (status, html) = page(&app, &client, "/equipe/campagnes/nouvelle").await;
    assert_eq!(status, 403, "a patient-partner does not run campaigns: {html}");

    let bad_role = server::config::AdminAction::CreateUser {
        email: "x@y.z".into(),
        name: "X".into(),
        institution: "demo".into(),
        role: "superuser".into(),
    };
    let err = server::admin::run_admin(app.db.clone(), bad_role, &app.address).await.expect_err("refused");
    assert!(err.to_string().contains("unknown role 'superuser'"));
}
