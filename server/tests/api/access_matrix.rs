//! The access matrix: every axum route, every page and every server function, called
//! by every kind of caller (anonymous, respondent, each role of the campaign's
//! institution, an admin of another institution). Staff routes must answer as
//! `identity::policy::decide` says; nothing answers with a server error. The lists
//! come from `server::routes`, so a new route is in the matrix the day it is added,
//! and a server function without a rule fails here. The people routes are about a
//! professional of the demo institution, the project routes about a project of the demo
//! institution in which the patient-partner and the observer hold project roles.

use crate::harness::TestApp;
use crate::staff_support::{Person, institution, signed_in};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use server::clock::now_millis;
use server::entities::{
    campaign as campaign_entity, finding as finding_entity, institution as institution_entity,
    membership as membership_entity, plan_publication as plan_publication_entity,
    planned_action as planned_action_entity, project as project_entity, project_member as project_member_entity,
    questionnaire_draft as questionnaire_draft_entity, suggestion as suggestion_entity,
};
use server::identity::service::NewPerson;
use server::identity::{Caller, Decision, IdentityService, ProjectGrant, ProjectRole, Role, decide};
use server::routes::{Access, Need, RouteRule, page_rules, route_rules, server_fn_access};

struct Who {
    name: String,
    cookie: String,
    csrf: String,
    caller: Caller,
}

/// A person of the demo institution whom the people routes are about (nobody signs in
/// as them), and their role there.
struct Target {
    person: String,
    membership: String,
    project: String,
    project_member: String,
    suggestion: String,
    finding: String,
    action: String,
    publication: String,
}

fn concrete(path: &str, target: &Target) -> String {
    let mut path = path.to_string();
    for (name, value) in [
        ("person", target.person.as_str()),
        ("membership", target.membership.as_str()),
        ("project", target.project.as_str()),
        ("member", target.project_member.as_str()),
        ("draft", "matrixdraft00001"),
        ("item", "phq9_1"),
        ("suggestion", target.suggestion.as_str()),
        ("finding", target.finding.as_str()),
        ("action", target.action.as_str()),
        ("publication", target.publication.as_str()),
        ("revision", "1"),
        ("campaign", "demo-phq-9"),
        ("id", "phq-9"),
        ("version", "1.0.0"),
        ("number", "1"),
        ("secret", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        ("token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        ("provider", "none"),
        ("chart", "over-time.svg"),
    ] {
        path = path.replace(&format!("{{{name}}}"), value).replace(&format!(":{name}"), value);
    }
    path
}

/// Whether a need concerns the demo campaign (or institution) named in the request,
/// rather than whatever the caller may do somewhere.
fn about_demo(rule: &RouteRule) -> bool {
    rule.path.contains("{campaign}")
        || rule.path.contains(":campaign")
        || rule.path.contains("{person}")
        || rule.path.contains("{project}")
        || rule.path.contains(":project")
        || rule.path.contains(":person")
        || (rule.method == "POST"
            && ["/equipe/campagnes", "/equipe/personnes", "/equipe/projets"].contains(&rule.path.as_str()))
        || [
            "/_sfn/campaign_desk",
            "/_sfn/person_page",
            "/_sfn/campaign_results",
            "/_sfn/project_page",
            "/_sfn/draft_page",
            "/_sfn/plan_page",
        ]
        .contains(&rule.path.as_str())
}

fn expected(who: &Who, need: Need, (demo, project): (i32, i32), scoped: bool) -> Decision {
    if scoped {
        return decide(&who.caller, need.action(demo, project));
    }
    match &who.caller {
        Caller::Person { grants, .. } => {
            if grants.iter().any(|g| decide(&who.caller, need.action(g.institution_id, project)).allowed()) {
                Decision::Allow
            } else {
                Decision::Forbidden
            }
        }
        _ => Decision::SignInRequired,
    }
}

async fn call(app: &TestApp, rule: &RouteRule, who: &Who, target: &Target) -> u16 {
    let url = app.url(&concrete(&rule.path, target));
    let request = if rule.method == "POST" {
        let mut form = vec![("csrf", who.csrf.clone()), ("lang", "fr".to_string()), ("institution", "demo".into())];
        // Server functions get the arguments they take; a missing one is a 400 (tested below).
        match rule.path.as_str() {
            "/_sfn/campaign_desk" | "/_sfn/respondent_state" => form = vec![("campaign", "demo-phq-9".into())],
            "/_sfn/audit_page" => form = vec![("action", String::new())],
            "/_sfn/campaign_results" => form = vec![("campaign", "demo-phq-9".into()), ("lang", "fr".into())],
            "/_sfn/return_view" => form = vec![("lang", "fr".into())],
            "/_sfn/person_page" => form = vec![("person", target.person.clone())],
            "/_sfn/project_page" => form = vec![("project", target.project.clone())],
            "/_sfn/draft_page" => {
                form = vec![("project", target.project.clone()), ("draft", "matrixdraft00001".into())]
            }
            "/_sfn/plan_page" => form = vec![("project", target.project.clone()), ("campaign", "demo-phq-9".into())],
            "/_sfn/loop_dashboard" => form = vec![("lang", "fr".into())],
            "/_sfn/questionnaire" | "/_sfn/questionnaire_history" => form = vec![("id", "phq-9".into())],
            _ => {}
        }
        app.client.post(url).header("sec-fetch-site", "same-origin").form(&form)
    } else {
        app.client.get(url)
    };
    let response = request.header("cookie", &who.cookie).send().await.expect("request sent");
    response.status().as_u16()
}

fn agrees(decision: Decision, status: u16) -> bool {
    match decision {
        Decision::Allow => !matches!(status, 401 | 403 | 404) && status < 500,
        Decision::SignInRequired => matches!(status, 302 | 303 | 401),
        Decision::Forbidden => status == 403,
        Decision::NotFound => status == 404,
    }
}

#[tokio::test]
async fn every_route_answers_every_caller_as_the_policy_says() {
    let app = TestApp::spawn().await;
    institution(&app, "autre").await;
    let demo = institution_entity::Entity::find()
        .filter(institution_entity::Column::Slug.eq("demo"))
        .one(&app.db)
        .await
        .expect("db")
        .expect("demo institution")
        .id;

    let mut callers = vec![
        Who { name: "anonymous".into(), cookie: String::new(), csrf: String::new(), caller: Caller::Anonymous },
        Who {
            name: "respondent".into(),
            cookie: "boucle_return=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA; boucle_resume_demo-phq-9=AAAA".into(),
            csrf: String::new(),
            caller: Caller::Respondent,
        },
    ];
    for role in Role::ALL {
        let Person { cookie, csrf, caller } = signed_in(&app, &format!("{}@demo.test", role.key()), role, "demo").await;
        callers.push(Who { name: role.key().into(), cookie, csrf, caller });
    }
    let Person { cookie, csrf, caller } = signed_in(&app, "admin@autre.test", Role::Admin, "autre").await;
    callers.push(Who { name: "admin of another institution".into(), cookie, csrf, caller });
    // Posts about them change nothing lasting: removing and disabling need a ticked
    // box, and the matrix sends none.
    let target = NewPerson {
        email: "cible@demo.test".into(),
        display_name: "Cible".into(),
        institution: "demo".into(),
        role: Role::Professional,
    };
    let person_id =
        IdentityService::new(app.db.clone()).create_person(target, "test", now_millis()).await.expect("created");
    let membership = membership_entity::Entity::find()
        .filter(membership_entity::Column::PersonId.eq(person_id))
        .one(&app.db)
        .await
        .expect("db")
        .expect("their role")
        .id;
    // A project of the demo institution: the target person leads it (so the matrix's
    // removals are refused: a project keeps its lead); the patient-partner and the
    // observer are members, each with their own role in it; the others are not.
    let project = project_entity::ActiveModel {
        public_id: Set("matrixproject001".into()),
        institution_id: Set(demo),
        title: Set("Projet de la matrice".into()),
        created_by: Set(person_id),
        created_at: Set(now_millis()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("project");
    let join = |person: i32, role: ProjectRole| project_member_entity::ActiveModel {
        project_id: Set(project.id),
        person_id: Set(person),
        role: Set(role.key().into()),
        joined_at: Set(now_millis()),
        ..Default::default()
    };
    let lead = join(person_id, ProjectRole::Professional).insert(&app.db).await.expect("lead");
    for who in callers.iter_mut() {
        let role = match who.name.as_str() {
            "patient_partner" => ProjectRole::PatientPartner,
            "observer" => ProjectRole::Observer,
            _ => continue,
        };
        let Caller::Person { person_id, projects, .. } = &mut who.caller else { continue };
        join(*person_id, role).insert(&app.db).await.expect("member");
        projects.push(ProjectGrant { project_id: project.id, role });
    }
    // A draft with an open suggestion by the lead, for the draft and vote routes.
    let draft = questionnaire_draft_entity::ActiveModel {
        project_id: Set(project.id),
        public_id: Set("matrixdraft00001".into()),
        definition: Set(survey_defs::builtin("phq-9").expect("phq-9").to_canonical_json()),
        based_on_version_id: Set(None),
        revision: Set(0),
        created_by: Set(person_id),
        created_at: Set(now_millis()),
        updated_at: Set(now_millis()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("draft");
    let suggestion = suggestion_entity::ActiveModel {
        draft_id: Set(draft.id),
        author_id: Set(person_id),
        item_id: Set("phq9_1".into()),
        language: Set("fr".into()),
        new_text: Set("Peu d'envie".into()),
        rationale: Set("Plus court".into()),
        status: Set("open".into()),
        created_at: Set(now_millis()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("suggestion");
    // The demo campaign belongs to the project, with a finding, an action proposed by
    // the lead, and the lead's open proposal to publish, for the plan routes.
    let demo_campaign = campaign_entity::Entity::find()
        .filter(campaign_entity::Column::PublicId.eq("demo-phq-9"))
        .one(&app.db)
        .await
        .expect("db")
        .expect("demo campaign");
    campaign_entity::ActiveModel { id: Set(demo_campaign.id), project_id: Set(Some(project.id)), ..Default::default() }
        .update(&app.db)
        .await
        .expect("linked");
    let finding = finding_entity::ActiveModel {
        project_id: Set(project.id),
        campaign_id: Set(demo_campaign.id),
        statement: Set("Constat".into()),
        evidence: Set("[]".into()),
        author_id: Set(person_id),
        created_at: Set(now_millis()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("finding");
    let action = planned_action_entity::ActiveModel {
        finding_id: Set(finding.id),
        what: Set("Action".into()),
        owner: Set("Cadre".into()),
        due_on: Set(None),
        status: Set("proposed".into()),
        reason: Set(None),
        author_id: Set(person_id),
        created_at: Set(now_millis()),
        updated_at: Set(now_millis()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("action");
    let publication = plan_publication_entity::ActiveModel {
        campaign_id: Set(demo_campaign.id),
        author_id: Set(person_id),
        status: Set("open".into()),
        reason: Set(None),
        created_at: Set(now_millis()),
        decided_at: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("publication");
    let target = Target {
        finding: finding.id.to_string(),
        action: action.id.to_string(),
        publication: publication.id.to_string(),
        suggestion: suggestion.id.to_string(),
        person: person_id.to_string(),
        membership: membership.to_string(),
        project: project.public_id.clone(),
        project_member: lead.id.to_string(),
    };

    // Enough responses for the campaign's charts to exist (k = 5).
    for i in 0..5 {
        let answers: serde_json::Map<String, serde_json::Value> =
            (1..=9).map(|n| (format!("phq9_{n}"), serde_json::json!(((i + n) % 4).to_string()))).collect();
        let sent = app
            .client
            .post(app.url("/api/v1/campaigns/demo-phq-9/responses"))
            .header("idempotency-key", format!("matrix-response-{i:04}"))
            .json(&serde_json::json!({ "language": "fr", "consent_version": "1", "answers": answers }))
            .send()
            .await
            .expect("sent");
        assert_eq!(sent.status(), 201);
    }

    let mut rules = route_rules();
    rules.extend(page_rules());
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        let access = server_fn_access(path).unwrap_or_else(|| panic!("server function {path} has no access rule"));
        let method = if method == http::Method::GET { "GET" } else { "POST" };
        rules.push(RouteRule { method, path: path.to_string(), access });
    }
    // Signing out ends the session the other rows use: last.
    rules.sort_by_key(|rule| rule.path == "/deconnexion");
    assert!(rules.iter().filter(|r| matches!(r.access, Access::Staff(_))).count() >= 22, "the staff side is listed");
    let people_rules = rules.iter().filter(|r| r.access == Access::Staff(Need::ManagePeople)).count();
    assert_eq!(people_rules, 10, "two pages, two server functions and six posts manage people");

    let mut failures = Vec::new();
    for rule in &rules {
        for who in &callers {
            let status = call(&app, rule, who, &target).await;
            let ok = match rule.access {
                Access::Staff(need) => agrees(expected(who, need, (demo, project.id), about_demo(rule)), status),
                Access::Public | Access::SignIn | Access::Respondent => status < 500,
            };
            if !ok {
                failures.push(format!("{} {} as {}: {status}", rule.method, rule.path, who.name));
            }
        }
    }
    assert!(failures.is_empty(), "answers that disagree with the policy:\n{}", failures.join("\n"));
}

#[tokio::test]
async fn a_server_function_called_without_its_arguments_is_a_bad_request() {
    let app = TestApp::spawn().await;
    let response = app.client.post(app.url("/_sfn/questionnaire")).form(&[("x", "1")]).send().await.expect("sent");
    assert_eq!(response.status().as_u16(), 400);
    assert!(response.text().await.expect("body").contains("missing field `id`"));
}
