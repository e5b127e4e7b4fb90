//! Admins managing people from the browser: inviting with a role (the link shown once),
//! changing and removing roles, disabling and re-enabling accounts; never the last
//! admin, never their own account, never another institution's people or an account
//! they do not wholly manage. Every change is in the audit log.

use crate::harness::TestApp;
use crate::staff_support::{Person, institution, signed_in};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use server::clock::now_millis;
use server::entities::{audit_log, membership};
use server::identity::{IdentityService, Role};
use std::sync::Arc;

/// A browser holding `person`'s session.
fn browser_of(app: &TestApp, person: &Person) -> reqwest::Client {
    let jar = reqwest::cookie::Jar::default();
    let url: reqwest::Url = app.address.parse().expect("url");
    jar.add_cookie_str(&format!("{}; Path=/", person.cookie), &url);
    reqwest::Client::builder()
        .cookie_provider(Arc::new(jar))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.expect("sent");
    (response.status().as_u16(), response.text().await.expect("body"))
}

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    csrf: &str,
    extra: &[(&str, &str)],
) -> reqwest::Response {
    let mut form = vec![("csrf", csrf.to_string()), ("lang", "fr".to_string())];
    form.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
    client.post(app.url(path)).header("sec-fetch-site", "same-origin").form(&form).send().await.expect("sent")
}

fn person_id(person: &Person) -> i32 {
    match &person.caller {
        server::identity::Caller::Person { person_id, .. } => *person_id,
        _ => panic!("a person"),
    }
}

async fn membership_of(app: &TestApp, person: i32) -> i32 {
    membership::Entity::find()
        .filter(membership::Column::PersonId.eq(person))
        .order_by_asc(membership::Column::Id)
        .one(&app.db)
        .await
        .expect("db")
        .expect("a role")
        .id
}

async fn audit_actions(app: &TestApp) -> Vec<(String, String, String, Option<i32>)> {
    audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Id)
        .all(&app.db)
        .await
        .expect("db")
        .into_iter()
        .map(|e| (e.action, e.subject, e.detail, e.institution_id))
        .collect()
}

/// The id at the end of `/equipe/personnes/{id}?…`.
fn id_in(location: &str) -> i32 {
    location
        .trim_start_matches("/equipe/personnes/")
        .split('?')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no person in {location}"))
}

#[tokio::test]
async fn an_admin_invites_someone_whose_link_is_shown_once_and_works() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, "admin@chu.example", Role::Admin, "demo").await;
    let browser = browser_of(&app, &admin);

    let (status, list) = page(&app, &browser, "/equipe/personnes").await;
    assert_eq!(status, 200, "{list}");
    assert!(list.contains("Test admin@chu.example") && list.contains("administrateur"), "{list}");
    let (_, home) = page(&app, &browser, "/equipe").await;
    assert!(home.contains(r#"href="/equipe/personnes?lang=fr""#), "a link from the staff home: {home}");

    let payload = "Zoé <script>alert(1)</script>";
    let invited = post(
        &app,
        &browser,
        "/equipe/personnes",
        &admin.csrf,
        &[
            ("email", " Zoe.Martin@CHU.example "),
            ("name", payload),
            ("institution", "demo"),
            ("role", "patient_partner"),
        ],
    )
    .await;
    let to = location(&invited);
    assert!(to.starts_with("/equipe/personnes/") && to.ends_with("?lang=fr&fait=invited"), "{to}");
    assert!(!to.contains("invitation"), "the link never goes into an address");
    let zoe = id_in(&to);

    let (status, shown) = page(&app, &browser, &to).await;
    assert_eq!(status, 200);
    assert!(shown.contains("La personne est invitée : son lien lui est envoyé par e-mail."), "{shown}");
    assert!(!shown.contains("<script>alert(1)"), "names are escaped: {shown}");
    assert!(shown.contains("&lt;script&gt;alert(1)"), "{shown}");
    assert!(shown.contains("zoe.martin@chu.example") && shown.contains("invité, pas encore connecté"), "{shown}");
    let marker = format!("{}/connexion/invitation/", app.address);
    let start = shown.find(&marker).unwrap_or_else(|| panic!("the link is shown: {shown}"));
    let link = shown[start + app.address.len()..].split('<').next().unwrap_or_default().to_string();
    let (_, again) = page(&app, &browser, &to).await;
    assert!(!again.contains("/connexion/invitation/"), "shown once: {again}");
    // The same link went to the person by email.
    let mails = app.mails(1).await;
    assert_eq!(mails[0].to, "zoe.martin@chu.example");
    assert_eq!(mails[0].link("/connexion/invitation/"), link);

    // The invited person follows it and chooses a password.
    let invitee = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build();
    let invitee = invitee.expect("client");
    let opened = invitee.get(app.url(&link)).send().await.expect("sent");
    assert_eq!(location(&opened), "/connexion/bienvenue");
    let (status, welcome) = page(&app, &invitee, "/connexion/bienvenue").await;
    assert_eq!(status, 200, "{welcome}");
    let token_marker = r#"name="form_token" value=""#;
    let at = welcome.find(token_marker).map(|i| i + token_marker.len()).expect("form token");
    let token = welcome[at..].split('"').next().unwrap_or_default().to_string();
    let password = "la boucle des patients";
    let form = [
        ("form_token", token),
        ("lang", "fr".into()),
        ("password", password.into()),
        ("password_confirm", password.into()),
    ];
    let chosen = invitee.post(app.url("/connexion/bienvenue")).form(&form).send().await.expect("sent");
    assert_eq!(location(&chosen), "/equipe?lang=fr");
    let (status, _) = page(&app, &invitee, "/equipe/personnes").await;
    assert_eq!(status, 403, "a patient-partner does not manage people");

    let (_, list) = page(&app, &browser, "/equipe/personnes").await;
    assert!(list.contains("patient partenaire (Hôpital de démonstration)"), "{list}");
    assert!(list.contains("actif"), "{list}");

    let log = audit_actions(&app).await;
    let subject = format!("person:{zoe}");
    assert!(
        log.iter().any(|(a, s, d, i)| a == "role.granted" && *s == subject && d == "patient_partner" && i.is_some())
    );
    assert!(log.iter().any(|(a, s, _, _)| a == "account.invitation_issued" && *s == subject));
}

#[tokio::test]
async fn invitations_are_checked_and_an_existing_account_just_gets_the_role() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, "admin@chu.example", Role::Admin, "demo").await;
    let browser = browser_of(&app, &admin);
    let invite = |email: &'static str, name: &'static str, role: &'static str| {
        let (app, browser, csrf) = (&app, &browser, admin.csrf.clone());
        async move {
            let fields = [("email", email), ("name", name), ("institution", "demo"), ("role", role)];
            location(&post(app, browser, "/equipe/personnes", &csrf, &fields).await)
        }
    };
    assert_eq!(invite("pas-une-adresse", "X", "observer").await, "/equipe/personnes?lang=fr&erreur=people-error-email");
    assert_eq!(invite("x@chu.example", "  ", "observer").await, "/equipe/personnes?lang=fr&erreur=people-error-name");
    assert_eq!(invite("x@chu.example", "X", "superuser").await, "/equipe/personnes?lang=fr&erreur=people-error-role");
    let (_, html) = page(&app, &browser, "/equipe/personnes?lang=fr&erreur=people-error-email").await;
    assert!(html.contains("Indiquez une adresse e-mail valide."), "{html}");

    // Someone who already uses Boucle gets the role, and no link: they sign in as before.
    let colleague = signed_in(&app, "collegue@chu.example", Role::Observer, "demo").await;
    let added = post(
        &app,
        &browser,
        "/equipe/personnes",
        &admin.csrf,
        &[("email", "collegue@chu.example"), ("name", ""), ("institution", "demo"), ("role", "professional")],
    )
    .await;
    assert_eq!(location(&added), format!("/equipe/personnes/{}?lang=fr&fait=role-added", person_id(&colleague)));
    assert!(added.headers().get("set-cookie").is_none(), "no sign-in link for an account in use");
    let again = post(
        &app,
        &browser,
        "/equipe/personnes",
        &admin.csrf,
        &[("email", "collegue@chu.example"), ("name", ""), ("institution", "demo"), ("role", "professional")],
    )
    .await;
    assert!(location(&again).ends_with("fait=role-held"));

    // An institution that is not theirs does not exist for them.
    institution(&app, "autre").await;
    let elsewhere = invite("y@chu.example", "Y", "observer").await;
    assert!(elsewhere.ends_with("fait=invited"), "{elsewhere}");
    let fields = [("email", "z@chu.example"), ("name", "Z"), ("institution", "autre"), ("role", "admin")];
    let refused = post(&app, &browser, "/equipe/personnes", &admin.csrf, &fields).await;
    assert_eq!(refused.status().as_u16(), 404);
}

#[tokio::test]
async fn roles_change_and_go_but_an_institution_keeps_its_last_admin() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, "admin@chu.example", Role::Admin, "demo").await;
    let me = person_id(&admin);
    let my_role = membership_of(&app, me).await;
    let browser = browser_of(&app, &admin);
    let mine = format!("/equipe/personnes/{me}/roles/{my_role}");

    let demoted = post(&app, &browser, &mine, &admin.csrf, &[("role", "observer")]).await;
    assert_eq!(location(&demoted), format!("/equipe/personnes/{me}?lang=fr&erreur=people-error-last-admin"));
    let removed = post(&app, &browser, &format!("{mine}/retrait"), &admin.csrf, &[("confirm", "yes")]).await;
    assert_eq!(location(&removed), format!("/equipe/personnes/{me}?lang=fr&erreur=people-error-last-admin"));
    let (_, html) = page(&app, &browser, &location(&removed)).await;
    assert!(html.contains("dernier administrateur"), "{html}");

    // A professional becomes quality team, then a second admin.
    let pro = signed_in(&app, "pro@chu.example", Role::Professional, "demo").await;
    let (pro_id, pro_role) = (person_id(&pro), membership_of(&app, person_id(&pro)).await);
    let theirs = format!("/equipe/personnes/{pro_id}/roles/{pro_role}");
    let changed = post(&app, &browser, &theirs, &admin.csrf, &[("role", "quality_team")]).await;
    assert_eq!(location(&changed), format!("/equipe/personnes/{pro_id}?lang=fr&fait=role-changed"));
    let (_, html) = page(&app, &browser, &location(&changed)).await;
    assert!(html.contains("équipe qualité (") && html.contains("Le rôle est changé."), "{html}");
    post(&app, &browser, &theirs, &admin.csrf, &[("role", "admin")]).await;

    // With another admin, the first may step down; they then no longer manage people.
    let unticked = post(&app, &browser, &format!("{mine}/retrait"), &admin.csrf, &[]).await;
    assert!(location(&unticked).ends_with("erreur=people-error-confirm"));
    let stepped_down = post(&app, &browser, &mine, &admin.csrf, &[("role", "professional")]).await;
    assert_eq!(location(&stepped_down), "/equipe?lang=fr");
    let (status, _) = page(&app, &browser, "/equipe/personnes").await;
    assert_eq!(status, 403);

    // The new admin removes the other's role: gone from their institution, back to the list.
    let new_admin = browser_of(&app, &pro);
    let removed = post(&app, &new_admin, &format!("{mine}/retrait"), &pro.csrf, &[("confirm", "yes")]).await;
    assert_eq!(location(&removed), "/equipe/personnes?lang=fr&fait=role-removed");
    let (status, _) = page(&app, &new_admin, &format!("/equipe/personnes/{me}")).await;
    assert_eq!(status, 404, "no role here any more");

    let log = audit_actions(&app).await;
    let changes: Vec<&str> =
        log.iter().filter(|(a, ..)| a.starts_with("role.")).map(|(_, _, d, _)| d.as_str()).collect();
    assert!(
        changes.contains(&"professional -> quality_team") && changes.contains(&"quality_team -> admin"),
        "{changes:?}"
    );
    assert!(changes.contains(&"admin -> professional"), "{changes:?}");
    assert!(log.iter().any(|(a, s, d, _)| a == "role.removed" && *s == format!("person:{me}") && d == "professional"));
}

#[tokio::test]
async fn a_disabled_account_loses_its_sessions_until_it_is_enabled_again() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, "admin@chu.example", Role::Admin, "demo").await;
    let browser = browser_of(&app, &admin);
    let pro = signed_in(&app, "pro@chu.example", Role::Professional, "demo").await;
    let pro_id = person_id(&pro);
    let pro_browser = browser_of(&app, &pro);
    assert_eq!(page(&app, &pro_browser, "/equipe").await.0, 200);

    let me = person_id(&admin);
    let own =
        post(&app, &browser, &format!("/equipe/personnes/{me}/desactivation"), &admin.csrf, &[("confirm", "yes")])
            .await;
    assert_eq!(location(&own), format!("/equipe/personnes/{me}?lang=fr&erreur=people-error-own-account"));
    let (_, my_page) = page(&app, &browser, &format!("/equipe/personnes/{me}")).await;
    assert!(my_page.contains("vous ne pouvez pas le désactiver vous-même"), "{my_page}");
    assert!(!my_page.contains("/desactivation"), "no such form on one's own page");

    let path = format!("/equipe/personnes/{pro_id}/desactivation");
    let unticked = post(&app, &browser, &path, &admin.csrf, &[]).await;
    assert!(location(&unticked).ends_with("erreur=people-error-confirm"));
    assert_eq!(page(&app, &pro_browser, "/equipe").await.0, 200, "nothing happened");
    let disabled = post(&app, &browser, &path, &admin.csrf, &[("confirm", "yes")]).await;
    assert_eq!(location(&disabled), format!("/equipe/personnes/{pro_id}?lang=fr&fait=disabled"));
    assert_eq!(page(&app, &pro_browser, "/equipe").await.0, 302, "the session ended");
    let identity = IdentityService::new(app.db.clone());
    let refused = identity.sign_in_with_password("pro@chu.example", "une phrase de passe solide", now_millis()).await;
    assert!(matches!(refused, Err(server::identity::IdentityError::Disabled)), "{refused:?}");
    let link = post(&app, &browser, &format!("/equipe/personnes/{pro_id}/lien"), &admin.csrf, &[]).await;
    assert!(location(&link).ends_with("erreur=people-error-disabled"));
    let (_, html) = page(&app, &browser, "/equipe/personnes").await;
    assert!(html.contains("désactivé"), "{html}");

    let enabled = post(&app, &browser, &format!("/equipe/personnes/{pro_id}/reactivation"), &admin.csrf, &[]).await;
    assert_eq!(location(&enabled), format!("/equipe/personnes/{pro_id}?lang=fr&fait=enabled"));
    assert_eq!(page(&app, &pro_browser, "/equipe").await.0, 302, "ended sessions stay ended");
    let back = identity.sign_in_with_password("pro@chu.example", "une phrase de passe solide", now_millis()).await;
    assert!(back.is_ok(), "{back:?}");

    let log = audit_actions(&app).await;
    let subject = format!("person:{pro_id}");
    assert!(log.iter().any(|(a, s, _, i)| a == "account.disabled" && *s == subject && i.is_some()));
    assert!(log.iter().any(|(a, s, _, _)| a == "account.enabled" && *s == subject));
}

#[tokio::test]
async fn a_new_sign_in_link_replaces_the_earlier_ones() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, "admin@chu.example", Role::Admin, "demo").await;
    let browser = browser_of(&app, &admin);
    let identity = IdentityService::new(app.db.clone());
    let new = server::identity::service::NewPerson {
        email: "oubli@chu.example".into(),
        display_name: "Oublieuse".into(),
        institution: "demo".into(),
        role: Role::Observer,
    };
    let id = identity.create_person(new, "test", now_millis()).await.expect("created");
    let first = identity.issue_invitation(id, "test", now_millis()).await.expect("first link");
    let made = post(&app, &browser, &format!("/equipe/personnes/{id}/lien"), &admin.csrf, &[]).await;
    assert_eq!(location(&made), format!("/equipe/personnes/{id}?lang=fr&fait=link"));
    let cookie = made.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/equipe/personnes")
    );
    let (_, html) = page(&app, &browser, &location(&made)).await;
    assert!(html.contains("/connexion/invitation/"), "{html}");
    assert!(identity.invitation_holder(&first, now_millis()).await.expect("db").is_none(), "the first link is void");
}

#[tokio::test]
async fn another_institutions_people_do_not_exist_and_shared_accounts_stay_out_of_reach() {
    let app = TestApp::spawn().await;
    institution(&app, "autre").await;
    let demo_admin = signed_in(&app, "admin@demo.example", Role::Admin, "demo").await;
    let other_admin = signed_in(&app, "admin@autre.example", Role::Admin, "autre").await;
    let demo_pro = signed_in(&app, "pro@demo.example", Role::Professional, "demo").await;
    let pro_id = person_id(&demo_pro);
    let pro_role = membership_of(&app, pro_id).await;
    let other = browser_of(&app, &other_admin);

    let (_, list) = page(&app, &other, "/equipe/personnes").await;
    assert!(!list.contains("pro@demo.example") && !list.contains("admin@demo.example"), "{list}");
    assert_eq!(page(&app, &other, &format!("/equipe/personnes/{pro_id}")).await.0, 404);
    assert_eq!(page(&app, &other, "/equipe/personnes/999999").await.0, 404);
    for (path, fields) in [
        (format!("/equipe/personnes/{pro_id}/roles/{pro_role}"), vec![("role", "observer")]),
        (format!("/equipe/personnes/{pro_id}/roles/{pro_role}/retrait"), vec![("confirm", "yes")]),
        (format!("/equipe/personnes/{pro_id}/desactivation"), vec![("confirm", "yes")]),
        (format!("/equipe/personnes/{pro_id}/reactivation"), vec![]),
        (format!("/equipe/personnes/{pro_id}/lien"), vec![]),
    ] {
        let response = post(&app, &other, &path, &other_admin.csrf, &fields).await;
        assert_eq!(response.status().as_u16(), 404, "{path}");
    }
    // A membership of someone else, named under a person the admin does see, is not theirs either.
    let demo = browser_of(&app, &demo_admin);
    let other_role = membership_of(&app, person_id(&other_admin)).await;
    let crossed = post(
        &app,
        &demo,
        &format!("/equipe/personnes/{pro_id}/roles/{other_role}"),
        &demo_admin.csrf,
        &[("role", "observer")],
    )
    .await;
    assert_eq!(crossed.status().as_u16(), 404);
    // A professional of the institution is refused, not told the page is missing.
    let pro_browser = browser_of(&app, &demo_pro);
    assert_eq!(page(&app, &pro_browser, &format!("/equipe/personnes/{pro_id}")).await.0, 403);

    // The other institution's admin is invited into demo as an observer: they get the
    // role, but the demo admin may neither send their account a password link nor disable it.
    let added = post(
        &app,
        &demo,
        "/equipe/personnes",
        &demo_admin.csrf,
        &[("email", "admin@autre.example"), ("name", ""), ("institution", "demo"), ("role", "observer")],
    )
    .await;
    let shared = id_in(&location(&added));
    assert!(location(&added).ends_with("fait=role-added"));
    assert!(added.headers().get("set-cookie").is_none(), "no link for a shared account");
    let (_, html) = page(&app, &demo, &format!("/equipe/personnes/{shared}")).await;
    assert!(
        html.contains("établissement que vous n&#x27;administrez pas") || html.contains("que vous n'administrez pas")
    );
    assert!(!html.contains("Hôpital autre"), "the other institution's roles stay hidden: {html}");
    for path in [format!("/equipe/personnes/{shared}/lien"), format!("/equipe/personnes/{shared}/desactivation")] {
        let refused = post(&app, &demo, &path, &demo_admin.csrf, &[("confirm", "yes")]).await;
        assert!(location(&refused).ends_with("erreur=people-error-shared-account"), "{path}");
    }
    assert_eq!(page(&app, &other, "/equipe").await.0, 200, "still signed in");
}

#[tokio::test]
async fn people_forms_need_the_session_token_and_a_same_site_origin() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, "admin@chu.example", Role::Admin, "demo").await;
    let browser = browser_of(&app, &admin);
    let fields = [("email", "x@chu.example"), ("name", "X"), ("institution", "demo"), ("role", "admin")];
    let forged = post(&app, &browser, "/equipe/personnes", "forged", &fields).await;
    assert_eq!(forged.status().as_u16(), 403);
    let mut form = vec![("csrf", admin.csrf.clone()), ("lang", "fr".to_string())];
    form.extend(fields.iter().map(|(k, v)| (*k, v.to_string())));
    let cross_site = browser
        .post(app.url("/equipe/personnes"))
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .expect("sent");
    assert_eq!(cross_site.status().as_u16(), 403);
    let (_, list) = page(&app, &browser, "/equipe/personnes").await;
    assert!(!list.contains("x@chu.example"), "nobody was invited: {list}");
}

#[tokio::test]
async fn the_people_pages_speak_english_too() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, "admin@chu.example", Role::Admin, "demo").await;
    let browser = browser_of(&app, &admin);
    let (status, html) = page(&app, &browser, "/equipe/personnes?lang=en").await;
    assert_eq!(status, 200);
    assert!(html.contains("People with a role in your institutions") && html.contains("Invite someone"), "{html}");
    let me = person_id(&admin);
    let (_, mine) = page(&app, &browser, &format!("/equipe/personnes/{me}?lang=en")).await;
    assert!(mine.contains("This is your account: you cannot disable it yourself."), "{mine}");
}

#[tokio::test]
async fn two_admins_demoting_each_other_at_once_leave_one_admin() {
    let app = TestApp::spawn().await;
    let a = signed_in(&app, "a@chu.example", Role::Admin, "demo").await;
    let b = signed_in(&app, "b@chu.example", Role::Admin, "demo").await;
    let (a_id, b_id) = (person_id(&a), person_id(&b));
    let (a_role, b_role) = (membership_of(&app, a_id).await, membership_of(&app, b_id).await);
    let (a_browser, b_browser) = (browser_of(&app, &a), browser_of(&app, &b));
    let a_demotes_b = format!("/equipe/personnes/{b_id}/roles/{b_role}");
    let b_demotes_a = format!("/equipe/personnes/{a_id}/roles/{a_role}");
    let (first, second) = tokio::join!(
        post(&app, &a_browser, &a_demotes_b, &a.csrf, &[("role", "observer")]),
        post(&app, &b_browser, &b_demotes_a, &b.csrf, &[("role", "observer")]),
    );
    // The one that comes second is refused: as the last admin's demotion, or (if its
    // author was demoted before their request was read) as no longer an admin's to make.
    let outcomes = [(first.status().as_u16(), location(&first)), (second.status().as_u16(), location(&second))];
    let done = outcomes.iter().filter(|(_, l)| l.ends_with("fait=role-changed")).count();
    let refused = outcomes.iter().filter(|(s, l)| l.ends_with("erreur=people-error-last-admin") || *s == 403).count();
    assert_eq!((done, refused), (1, 1), "{outcomes:?}");
    let admins =
        membership::Entity::find().filter(membership::Column::Role.eq("admin")).all(&app.db).await.expect("db");
    assert_eq!(admins.len(), 1);
}
