//! The messages Boucle sends, worded from `app/locales` in the recipient's language.
//! Plain text only: it reads everywhere, screen readers included, and a link in plain
//! text cannot hide where it goes.

use super::Mail;
use app::i18n::Lang;
use lettre::Address;

/// A single-use sign-in link, valid `minutes`.
pub fn sign_in_link(to: Address, lang: Lang, name: &str, link: &str, minutes: i64) -> Mail {
    Mail {
        to,
        subject: lang.t("mail-signin-subject"),
        body: lang.t_args(
            "mail-signin-body",
            &[("name", name.to_string().into()), ("link", link.to_string().into()), ("minutes", minutes.into())],
        ),
        purpose: "sign_in_link",
    }
}

/// An account invitation: the link with which the person chooses a password.
pub fn account_invitation(to: Address, lang: Lang, name: &str, link: &str) -> Mail {
    Mail {
        to,
        subject: lang.t("mail-invitation-subject"),
        body: lang
            .t_args("mail-invitation-body", &[("name", name.to_string().into()), ("link", link.to_string().into())]),
        purpose: "account_invitation",
    }
}

/// A respondent's private return link, with the date results are promised by.
pub fn return_link(to: Address, lang: Lang, campaign: &str, link: &str, results_on: Option<&str>) -> Mail {
    let promise = results_on
        .map(|date| lang.t_args("start-results-promise", &[("date", lang.date(date).into())]))
        .unwrap_or_default();
    Mail {
        to,
        subject: lang.t_args("mail-return-subject", &[("campaign", campaign.to_string().into())]),
        body: lang.t_args(
            "mail-return-body",
            &[
                ("campaign", campaign.to_string().into()),
                ("link", link.to_string().into()),
                ("promise", promise.into()),
            ],
        ),
        purpose: "return_link",
    }
}

/// A campaign's findings and decisions are published: to those who left an address.
/// It names the campaign only, never an answer; the reading is behind their own link.
pub fn plan_published(to: Address, lang: Lang, campaign: &str) -> Mail {
    Mail {
        to,
        subject: lang.t_args("mail-plan-subject", &[("campaign", campaign.to_string().into())]),
        body: lang.t_args("mail-plan-body", &[("campaign", campaign.to_string().into())]),
        purpose: "plan_published",
    }
}

/// An action respondents can see is done.
pub fn action_done(to: Address, lang: Lang, campaign: &str, what: &str) -> Mail {
    Mail {
        to,
        subject: lang.t_args("mail-action-done-subject", &[("campaign", campaign.to_string().into())]),
        body: lang.t_args(
            "mail-action-done-body",
            &[("campaign", campaign.to_string().into()), ("action", what.to_string().into())],
        ),
        purpose: "action_done",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address() -> Address {
        "marie@exemple.fr".parse().expect("address")
    }

    #[test]
    fn every_message_is_worded_in_both_languages_with_its_link() {
        for lang in [Lang::Fr, Lang::En] {
            let link = "https://boucle.example.org/connexion/lien/abc";
            let mails = [
                sign_in_link(address(), lang, "Marie", link, 15),
                account_invitation(address(), lang, "Marie", link),
                return_link(address(), lang, "Votre séjour", link, Some("2027-01-31")),
            ];
            for mail in mails {
                assert!(!mail.subject.is_empty() && !mail.subject.contains("mail-"), "{lang:?} {mail:?}");
                assert!(mail.body.contains(link), "{lang:?} {mail:?}");
                assert!(!mail.body.contains('{') && !mail.body.contains("$"), "unfilled placeholder: {mail:?}");
            }
        }
        let french = return_link(address(), Lang::Fr, "Votre séjour", "L", Some("2027-01-31"));
        assert!(french.body.contains("31 janvier 2027"), "{}", french.body);
        assert!(sign_in_link(address(), Lang::En, "Marie", "L", 15).body.contains("15 minutes"));
    }
}
