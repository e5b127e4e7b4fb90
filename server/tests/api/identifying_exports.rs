//! Identifying data leaves Boucle only through an admin, and every download is logged:
//! the people list, and the addresses respondents left to hear about results.

use crate::harness::TestApp;
use crate::mail::submitted_respondent;
use crate::staff_support::signed_in;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::audit_log;
use server::identity::Role;

async fn download(app: &TestApp, cookie: &str, path: &str) -> (u16, String, String) {
    let response = app.client.get(app.url(path)).header("cookie", cookie).send().await.expect("sent");
    let status = response.status().as_u16();
    let cache = response.headers().get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    (status, cache, response.text().await.expect("body"))
}

#[tokio::test]
async fn only_admins_download_identifying_data_and_each_download_is_logged() {
    let app = TestApp::spawn().await;
    let admin = signed_in(&app, "admin@demo.test", Role::Admin, "demo").await;
    let quality = signed_in(&app, "qualite@demo.test", Role::QualityTeam, "demo").await;
    let partner = signed_in(&app, "=cmd|' /C calc'!A0@demo.test", Role::PatientPartner, "demo").await;

    // Two respondents: one leaves an address for the results, one only gets the link.
    let (who, token) = submitted_respondent(&app).await;
    let kept = [("form_token", token.as_str()), ("lang", "fr"), ("email", "lea@exemple.fr"), ("keep_address", "yes")];
    assert!(
        crate::respondents::location(&who.post("/r/demo-phq-9/lien-par-email", &kept).await).contains("envoye-suivi")
    );
    let (other, token) = submitted_respondent(&app).await;
    let once = [("form_token", token.as_str()), ("lang", "fr"), ("email", "tom@exemple.fr")];
    assert!(crate::respondents::location(&other.post("/r/demo-phq-9/lien-par-email", &once).await).contains("envoye"));

    // The campaign page tells the admin how many addresses there are; nobody else.
    let (status, _, desk) = download(&app, &admin.cookie, "/equipe/campagnes/demo-phq-9").await;
    assert_eq!(status, 200);
    assert!(desk.contains("Un répondant a laissé son adresse") && desk.contains("/adresses.csv"), "{desk}");
    let (_, _, desk) = download(&app, &quality.cookie, "/equipe/campagnes/demo-phq-9").await;
    assert!(!desk.contains("/adresses.csv") && !desk.contains("laissé son adresse"));

    for person in [&quality, &partner] {
        assert_eq!(download(&app, &person.cookie, "/equipe/campagnes/demo-phq-9/adresses.csv").await.0, 403);
        assert_eq!(download(&app, &person.cookie, "/equipe/personnes.csv").await.0, 403);
    }
    assert_eq!(download(&app, "", "/equipe/personnes.csv").await.0, 401);

    let (status, cache, contacts) = download(&app, &admin.cookie, "/equipe/campagnes/demo-phq-9/adresses.csv").await;
    assert_eq!(status, 200);
    assert_eq!(cache, "no-store");
    let lines: Vec<&str> = contacts.lines().collect();
    assert_eq!(lines.len(), 2, "{contacts}");
    assert_eq!(lines[0], "email,language,left_on");
    assert!(lines[1].starts_with("lea@exemple.fr,fr,20"), "only the address kept: {contacts}");

    let (status, _, people) = download(&app, &admin.cookie, "/equipe/personnes.csv").await;
    assert_eq!(status, 200);
    assert!(people.starts_with("name,email,institution,role,account,last_sign_in\r\n"), "{people}");
    assert!(people.contains("admin@demo.test,Hôpital de démonstration,admin,active,20"), "{people}");
    assert!(people.contains("qualite@demo.test,Hôpital de démonstration,quality_team,active"));
    assert!(people.contains("'=cmd"), "formulas are defused: {people}");

    let exports = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("identifying_data.exported"))
        .all(&app.db)
        .await
        .expect("audit");
    assert_eq!(exports.len(), 2, "refused downloads write nothing, allowed ones are logged");
    assert!(exports.iter().all(|e| e.actor == format!("person:{}", person_id(&admin.caller))));
    assert!(exports.iter().any(|e| e.subject == "campaign:demo-phq-9:contacts" && e.detail == "1 rows"));
    // Reading people's names and addresses on the pages is logged too.
    assert_eq!(download(&app, &admin.cookie, "/equipe/personnes").await.0, 200);
    let reads = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("identifying_data.read"))
        .all(&app.db)
        .await
        .expect("audit");
    assert!(reads.iter().any(|e| e.subject.starts_with("people:institution:")), "{reads:?}");
    assert_eq!(server::audit::verify_chain(&app.db).await.expect("verify"), None);
}

fn person_id(caller: &server::identity::Caller) -> i32 {
    match caller {
        server::identity::Caller::Person { person_id, .. } => *person_id,
        _ => panic!("a person"),
    }
}
