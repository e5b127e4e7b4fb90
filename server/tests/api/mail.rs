//! Mail: the return link sent to a respondent, the sign-in link sent to a
//! patient-partner, and the outbox's delivery over real SMTP (a small server on
//! loopback that accepts, defers or refuses).

use crate::harness::{TestApp, TestDatabase, read_mail};
use crate::respondents::{Respondent, browser, hidden, location, phq9_answers, post_owned};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, sea_query::Expr};
use server::clock::now_millis;
use server::entities::{audit_log, mail_outbox, return_contact, sign_in_token};
use server::identity::IdentityService;
use server::identity::service::NewPerson;
use server::mail::{Mail, Postman, Transport, enqueue};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

async fn audit_count(app: &TestApp, action: &str) -> u64 {
    audit_log::Entity::find().filter(audit_log::Column::Action.eq(action)).count(&app.db).await.expect("count")
}

async fn outbox_count(db: &sea_orm::DatabaseConnection) -> u64 {
    mail_outbox::Entity::find().count(db).await.expect("count")
}

/// Waits until the postman has emptied the outbox (it deletes a row once delivered).
async fn outbox_drained(app: &TestApp) {
    for _ in 0..100 {
        if outbox_count(&app.db).await == 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the outbox still holds messages");
}

/// A respondent who has answered PHQ-9 (all zeros) and sits on the receipt page;
/// returns them with the receipt's form token.
pub(crate) async fn submitted_respondent(app: &TestApp) -> (Respondent, String) {
    let who = Respondent::new(app);
    let token = who.consent("demo-phq-9").await;
    let saved = post_owned(&who, "/r/demo-phq-9/q/1", &phq9_answers(["0"; 9], &token)).await;
    assert_eq!(location(&saved), "/r/demo-phq-9/review?lang=fr");
    let sent = who.post("/r/demo-phq-9/submit", &[("form_token", &token), ("lang", "fr")]).await;
    assert_eq!(location(&sent), "/r/demo-phq-9/merci?lang=fr");
    let (_, receipt) = who.get("/r/demo-phq-9/merci").await;
    assert!(receipt.contains(r#"action="/r/demo-phq-9/lien-par-email""#), "{receipt}");
    let token = hidden(&receipt, "form_token");
    (who, token)
}

#[tokio::test]
async fn a_respondent_gets_their_return_link_by_email_and_decides_whether_the_address_is_kept() {
    let app = TestApp::spawn().await;
    let (who, token) = submitted_respondent(&app).await;
    let send = |email: &'static str, keep: bool| {
        let mut fields = vec![("form_token", token.as_str()), ("lang", "fr"), ("email", email)];
        if keep {
            fields.push(("keep_address", "yes"));
        }
        let who = &who;
        async move { who.post("/r/demo-phq-9/lien-par-email", &fields).await }
    };

    // A bad address is named, next to the field; nothing is sent.
    let refused = send("marie@", false).await;
    assert_eq!(location(&refused), "/r/demo-phq-9/merci?lang=fr&email=invalide#email");
    let (_, page) = who.get("/r/demo-phq-9/merci?lang=fr&email=invalide").await;
    assert!(
        page.contains("Cette adresse e-mail n&#x27;est pas valide")
            || page.contains("Cette adresse e-mail n'est pas valide")
    );
    assert!(page.contains(r#"aria-invalid="true""#) && page.contains(r#"aria-describedby="email-hint email-error""#));
    assert_eq!(outbox_count(&app.db).await, 0);

    // Sent once, not kept: the message holds a working link; nothing stays behind.
    let sent = send("Marie.Dupont@exemple.fr", false).await;
    assert_eq!(location(&sent), "/r/demo-phq-9/merci?lang=fr&email=envoye#email");
    let mails = app.mails(1).await;
    assert_eq!(mails[0].to, "Marie.Dupont@exemple.fr");
    assert!(mails[0].body.contains("Merci d'avoir répondu au questionnaire"), "{}", mails[0].body);
    let link = mails[0].link(&app.address);
    outbox_drained(&app).await;
    assert_eq!(return_contact::Entity::find().count(&app.db).await.expect("count"), 0);
    assert_eq!(audit_count(&app, "return_link.emailed").await, 1);
    let elsewhere = Respondent::new(&app);
    let opened = elsewhere.client.get(&link).send().await.expect("sent");
    assert_eq!(location(&opened), "/mes-resultats");
    let (status, results) = elsewhere.get("/mes-resultats").await;
    assert_eq!(status, 200);
    assert!(!results.contains("Marie.Dupont@exemple.fr") && !results.contains(r#"id="contact""#));

    // Sent and kept to hear about the results: shown on the return page, deletable there.
    let kept = send("marie@exemple.fr", true).await;
    assert_eq!(location(&kept), "/r/demo-phq-9/merci?lang=fr&email=envoye-suivi#email");
    app.mails(2).await;
    let contacts = return_contact::Entity::find().all(&app.db).await.expect("contacts");
    assert_eq!(contacts.len(), 1);
    assert_eq!((contacts[0].email.as_str(), contacts[0].lang.as_str()), ("marie@exemple.fr", "fr"));
    let (_, results) = elsewhere.get("/mes-resultats").await;
    assert!(results.contains("marie@exemple.fr"), "{results}");
    let return_token = hidden(&results, "form_token");
    let forged = elsewhere.post("/mes-resultats/adresse", &[("form_token", "forged"), ("lang", "fr")]).await;
    assert_eq!(forged.status(), 403);
    let forgotten = elsewhere.post("/mes-resultats/adresse", &[("form_token", &return_token), ("lang", "fr")]).await;
    assert_eq!(location(&forgotten), "/mes-resultats?lang=fr&adresse=effacee#contact");
    assert_eq!(return_contact::Entity::find().count(&app.db).await.expect("count"), 0);
    assert_eq!(audit_count(&app, "return_contact.deleted").await, 1);
    let (_, results) = elsewhere.get("/mes-resultats?lang=fr&adresse=effacee").await;
    assert!(results.contains("Votre adresse est effacée") && !results.contains("marie@exemple.fr"));

    // Kept again, then the response is withdrawn: the address goes with it.
    let kept = send("marie@exemple.fr", true).await;
    assert!(location(&kept).contains("envoye-suivi"));
    assert_eq!(return_contact::Entity::find().count(&app.db).await.expect("count"), 1);
    // Three messages for this link today: a fourth is refused.
    let limited = send("autre@exemple.fr", false).await;
    assert_eq!(location(&limited), "/r/demo-phq-9/merci?lang=fr&email=limite#email");
    let withdrawn = elsewhere
        .post("/mes-resultats/retrait", &[("form_token", &return_token), ("lang", "fr"), ("confirm", "yes")])
        .await;
    assert_eq!(location(&withdrawn), "/mes-resultats/retire?lang=fr");
    assert_eq!(return_contact::Entity::find().count(&app.db).await.expect("count"), 0);

    // A forged form changes nothing.
    let forged = who
        .post("/r/demo-phq-9/lien-par-email", &[("form_token", "forged"), ("lang", "fr"), ("email", "x@exemple.fr")])
        .await;
    assert_eq!(forged.status(), 403);
    assert_eq!(server::audit::verify_chain(&app.db).await.expect("verify"), None);
}

#[tokio::test]
async fn someone_without_a_password_signs_in_with_an_emailed_link_once() {
    let app = TestApp::spawn().await;
    let identity = IdentityService::new(app.db.clone());
    let new = NewPerson {
        email: "claire@exemple.fr".into(),
        display_name: "Claire Patiente-Partenaire".into(),
        institution: "demo".into(),
        role: server::identity::Role::PatientPartner,
    };
    let person = identity.create_person(new, "test", now_millis()).await.expect("created");

    let asker = browser();
    let page = asker.get(app.url("/connexion")).send().await.expect("sent").text().await.expect("page");
    assert!(page.contains(r#"action="/connexion/lien""#), "{page}");
    let token = hidden(&page, "form_token");
    let ask = |email: &'static str| {
        let (asker, token, url) = (&asker, token.clone(), app.url("/connexion/lien"));
        async move {
            asker
                .post(url)
                .form(&[("form_token", token.as_str()), ("lang", "fr"), ("email", email)])
                .send()
                .await
                .expect("sent")
        }
    };

    // The same answer for an address without an account; nothing is sent.
    let unknown = ask("personne@exemple.fr").await;
    assert_eq!(location(&unknown), "/connexion?lang=fr&lien=envoye#link-sent");
    let bad = ask("claire").await;
    assert_eq!(location(&bad), "/connexion?lang=fr&erreur=receipt-email-error-address#link-email");
    let known = ask("  CLAIRE@exemple.fr ").await;
    assert_eq!(location(&known), location(&unknown));
    let mails = app.mails(1).await;
    assert_eq!(mails.len(), 1, "only the account's address gets a message");
    assert_eq!(mails[0].to, "claire@exemple.fr");
    assert!(mails[0].body.contains("Bonjour Claire Patiente-Partenaire") && mails[0].body.contains("15 minutes"));
    let link = mails[0].link(&app.address);
    assert!(link.contains("/connexion/lien/"));
    assert_eq!(audit_count(&app, "account.sign_in_link_sent").await, 1);

    // Opening the link (as a mail scanner would) signs nobody in: it takes a click.
    let reader = browser();
    let opened = reader.get(&link).send().await.expect("sent");
    assert_eq!(location(&opened), "/connexion/lien");
    let cookie = opened.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert!(cookie.contains("Path=/connexion") && cookie.contains("HttpOnly") && cookie.contains("Max-Age=900"));
    assert_ne!(reader.get(app.url("/equipe")).send().await.expect("sent").status(), 200, "not signed in yet");
    let page = reader.get(app.url("/connexion/lien")).send().await.expect("sent").text().await.expect("page");
    assert!(page.contains("Claire Patiente-Partenaire"), "{page}");
    let form_token = hidden(&page, "form_token");
    let signed_in = reader
        .post(app.url("/connexion/lien/utiliser"))
        .form(&[("form_token", form_token.as_str()), ("lang", "fr")])
        .send()
        .await
        .expect("sent");
    assert_eq!(location(&signed_in), "/equipe?lang=fr");
    assert_eq!(reader.get(app.url("/equipe")).send().await.expect("sent").status(), 200);
    let signed_in_events = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("session.signed_in"))
        .filter(audit_log::Column::Actor.eq(format!("person:{person}")))
        .all(&app.db)
        .await
        .expect("events");
    assert!(signed_in_events.iter().any(|e| e.subject == "email_link"), "the method is logged");

    // The link works once.
    let again = browser();
    let reopened = again.get(&link).send().await.expect("sent");
    assert_eq!(location(&reopened), "/connexion/lien");
    let response = again.get(app.url("/connexion/lien")).send().await.expect("sent");
    assert_eq!(response.status(), 404);
    assert!(response.text().await.expect("page").contains("Ce lien de connexion ne fonctionne plus"));

    // An expired link does nothing either.
    let expired = ask("claire@exemple.fr").await;
    assert!(location(&expired).contains("lien=envoye"));
    let second = app.mails(2).await.into_iter().map(|m| m.link(&app.address)).find(|l| *l != link).expect("new link");
    sign_in_token::Entity::update_many()
        .col_expr(sign_in_token::Column::ExpiresAt, Expr::value(now_millis() - 1))
        .exec(&app.db)
        .await
        .expect("expired");
    let late = browser();
    late.get(&second).send().await.expect("sent");
    assert_eq!(late.get(app.url("/connexion/lien")).send().await.expect("sent").status(), 404);

    // A forged form is refused.
    let forged = browser()
        .post(app.url("/connexion/lien"))
        .form(&[("form_token", "x"), ("lang", "fr"), ("email", "claire@exemple.fr")])
        .send()
        .await
        .expect("sent");
    assert_eq!(forged.status(), 403);
}

/// What the loopback SMTP server answers to `RCPT TO`.
#[derive(Clone, Copy)]
enum Reply {
    Accept,
    Defer,
    Refuse,
}

/// A minimal SMTP server: enough of RFC 5321 for lettre, recording accepted messages.
async fn smtp_server(reply: Arc<Mutex<Reply>>, received: Arc<Mutex<Vec<String>>>) -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("address").port();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let (reply, received) = (reply.clone(), received.clone());
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 test ESMTP\r\n").await;
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(message) = data.as_mut() {
                        if line == "." {
                            received.lock().expect("lock").push(data.take().unwrap_or_default());
                            let _ = write.write_all(b"250 queued\r\n").await;
                        } else {
                            message.push_str(&line);
                            message.push_str("\r\n");
                        }
                        continue;
                    }
                    let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
                    let answer: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 test\r\n",
                        "RCPT" => match *reply.lock().expect("lock") {
                            Reply::Accept => b"250 ok\r\n",
                            Reply::Defer => b"451 4.3.0 try again later\r\n",
                            Reply::Refuse => b"550 5.1.1 no such mailbox\r\n",
                        },
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    let _ = write.write_all(answer).await;
                }
            });
        }
    });
    port
}

fn test_mail(to: &str) -> Mail {
    Mail {
        to: to.parse().expect("address"),
        subject: "Votre lien personnel : séjour".into(),
        body: "Bonjour,\n\nVoici votre lien : https://boucle.example.org/retour/abc\n".into(),
        purpose: "return_link",
    }
}

#[tokio::test]
async fn the_outbox_is_delivered_over_smtp_retried_when_deferred_and_given_up_when_refused() {
    let (_database, url) = TestDatabase::create().await;
    let db = server::db::connect_and_migrate(&url).await.expect("database");
    let reply = Arc::new(Mutex::new(Reply::Accept));
    let received = Arc::new(Mutex::new(Vec::new()));
    let port = smtp_server(reply.clone(), received.clone()).await;
    let transport = Transport::smtp(&format!("smtp://127.0.0.1:{port}")).expect("transport");
    let postman = Postman::new(db.clone(), transport, "Boucle <boucle@example.org>").expect("postman");

    // Accepted: delivered once, then deleted from the outbox.
    enqueue(&db, test_mail("marie@exemple.fr")).await.expect("queued");
    assert_eq!(postman.deliver_due().await.expect("pass"), 1);
    assert_eq!(outbox_count(&db).await, 0);
    let raw = received.lock().expect("lock").first().cloned().expect("one message");
    let mail = read_mail(&raw);
    assert_eq!(mail.to, "marie@exemple.fr");
    assert!(mail.body.contains("https://boucle.example.org/retour/abc"), "{raw}");
    assert!(raw.contains("From: Boucle <boucle@example.org>"));
    assert_eq!(postman.deliver_due().await.expect("pass"), 0, "nothing sent twice");

    // Deferred (4xx): kept, with the reason, and tried again later.
    *reply.lock().expect("lock") = Reply::Defer;
    enqueue(&db, test_mail("paul@exemple.fr")).await.expect("queued");
    assert_eq!(postman.deliver_due().await.expect("pass"), 0);
    let row = mail_outbox::Entity::find().one(&db).await.expect("read").expect("kept");
    assert_eq!(row.attempts, 1);
    assert!(row.gave_up_at.is_none() && !row.body.is_empty());
    assert!(row.next_attempt_at > now_millis() + 30_000, "the next attempt waits");
    assert!(row.last_error.as_deref().unwrap_or_default().contains("451"), "{:?}", row.last_error);
    assert_eq!(postman.deliver_due().await.expect("pass"), 0, "not due yet");
    mail_outbox::Entity::update_many()
        .col_expr(mail_outbox::Column::NextAttemptAt, Expr::value(0))
        .exec(&db)
        .await
        .expect("due");
    *reply.lock().expect("lock") = Reply::Accept;
    assert_eq!(postman.deliver_due().await.expect("pass"), 1, "the retry goes through");
    assert_eq!(outbox_count(&db).await, 0);

    // Refused (5xx): given up at once; the link in the body is not kept.
    *reply.lock().expect("lock") = Reply::Refuse;
    enqueue(&db, test_mail("inconnu@exemple.fr")).await.expect("queued");
    assert_eq!(postman.deliver_due().await.expect("pass"), 0);
    let row = mail_outbox::Entity::find().one(&db).await.expect("read").expect("kept");
    assert!(row.gave_up_at.is_some() && row.body.is_empty(), "{row:?}");
    assert!(row.last_error.as_deref().unwrap_or_default().contains("550"));
    mail_outbox::Entity::update_many()
        .col_expr(mail_outbox::Column::NextAttemptAt, Expr::value(0))
        .exec(&db)
        .await
        .expect("due");
    assert_eq!(postman.deliver_due().await.expect("pass"), 0, "a message given up is never sent");
    assert_eq!(received.lock().expect("lock").len(), 2);
}
