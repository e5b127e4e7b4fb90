//! Signed-in people for tests: created through the identity service, signed in through
//! their invitation, each with their own cookie.

use crate::harness::TestApp;
use server::clock::now_millis;
use server::identity::service::NewPerson;
use server::identity::{Caller, IdentityService, Role};

/// A signed-in person as a test client sees them.
pub struct Person {
    pub cookie: String,
    pub csrf: String,
    pub caller: Caller,
}

/// Creates `email` with `role` in `institution` and signs them in.
pub async fn signed_in(app: &TestApp, email: &str, role: Role, institution: &str) -> Person {
    let identity = IdentityService::new(app.db.clone());
    let new =
        NewPerson { email: email.into(), display_name: format!("Test {email}"), institution: institution.into(), role };
    let id = identity.create_person(new, "test", now_millis()).await.expect("person created");
    let link = identity.issue_invitation(id, "test", now_millis()).await.expect("invitation");
    let session =
        identity.accept_invitation(&link, "une phrase de passe solide", now_millis()).await.expect("accepted");
    let me = identity.resolve(&session.secret, now_millis()).await.expect("db").expect("live session");
    Person { cookie: format!("boucle_session={}", session.secret), csrf: me.csrf_token.clone(), caller: me.caller() }
}

/// Adds an institution.
pub async fn institution(app: &TestApp, slug: &str) {
    let action = server::config::AdminAction::CreateInstitution { slug: slug.into(), name: format!("Hôpital {slug}") };
    server::admin::run_admin(app.db.clone(), action, "http://test").await.expect("institution created");
}
