# Boucle's interface in English. French (fr.ftl) is the reference: keep the same keys.

skip-to-content = Skip to content
footer-tagline = Boucle: questionnaires written with patients, and results that come back to the people who answered.
language-switch-label = Choose language
loading = Loading…
service-unavailable = The service is unavailable for the moment. Please try again in a few minutes.
not-found-title = Page not found
not-found-body = This address does not match any page. The link may be incomplete.
back-to-library = Back to the questionnaire library
version = version

library-title = Questionnaire library
library-intro = Questionnaires about your health (PROMs) and your experience of care (PREMs), written with patient-partners and professionals.
library-empty = No questionnaire has been published yet.
library-item-count = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}
library-languages = Languages:
library-co-designed = Written with { $partners ->
    [one] { $partners } patient-partner
   *[other] { $partners } patient-partners
} ({ $total } authors in all)

kind-prom = Health outcomes (PROM)
kind-prem = Experience of care (PREM)
kind-other = Questionnaire

questionnaire-duration = Time: about { $minutes } minutes.
questionnaire-not-translated = This questionnaire is not translated into your language yet: it is shown in French.
questionnaire-preview-notice = Preview: this is exactly what respondents will see. Nothing you enter here is saved.
questionnaire-who-asks = Who is asking, and why
questionnaire-introduction = Before you start
easy-read-toggle = Easy-read text

form-all-required = All questions must be answered.
form-required-except-optional = All questions must be answered, except those marked "optional".
item-optional = (optional)
item-why-we-ask = Why do we ask this?
item-conditional = This question only appears depending on your earlier answers.
section-conditional = This part only appears depending on your earlier answers.
item-multiple-hint = You can choose more than one answer.
item-number-range = A number between { $min } and { $max }.
item-text-limit = { $max } characters at most.
answer-yes = Yes
answer-no = No

scoring-title = How answers are scored
scoring-method-sum = The score is the sum of the answers.
scoring-method-mean = The score is the average of the answers.
scoring-method-mean-rescaled = The score is the average of the answers, rescaled from 0 to 100.
scoring-min-answered = At least { $min } of the { $count } questions must be answered to get a score.
scoring-reverse = { $count ->
    [one] One question is scored in reverse.
   *[other] { $count } questions are scored in reverse.
}
scoring-bands-caption = What the score means
scoring-band-range = Score
scoring-band-meaning = Meaning

provenance-title = Who wrote this questionnaire
provenance-co-authors = Co-authors
provenance-licence = Licence and source
provenance-wording-locked = Validated questionnaire: wording, answers and their order stay exactly as published.
provenance-content-hash = Fingerprint of this version:

role-patient-partner = patient-partner
role-professional = health professional
role-quality-team = quality team

error-title-prefix = Error:
error-summary-title = There is a problem
form-expired = This form has expired, or did not come from Boucle. Nothing was saved. Go back, reload the page and try again.
too-many-posts = Too many sends in a short time. Wait a minute, then go back and send the page again: the answers already saved are kept.
too-many-attempts = Too many tries with links that do not work. Wait a minute before trying again.

start-who-asks = { $institution } is asking you these questions.
start-why = Why these questions
start-time = How long it takes
start-time-detail = { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
}, about { $minutes } minutes. You can stop and come back later on the same device.
start-what-happens = What happens to your answers
start-anonymous = Your answers are anonymous: we do not ask for your name or address.
start-pseudonymous = Your answers are kept apart from your name: the teams who read them do not know who answered.
start-small-groups = No result is ever shown for a group of fewer than { $k } people.
start-results-promise = The results, and what the institution decides because of them, will come back to you by { $date } at the latest, through your personal link.
start-withdraw = You can withdraw your answers at any time with your personal link: they are then deleted.
start-already-submitted = You have already sent your answers from this device. Thank you!
start-see-receipt = See my personal link
start-already-started = You have already started answering on this device.
start-resume = Continue where I stopped
start-invitation-only = This questionnaire is answered with the personal link you received by message. Open that link to answer.
invitation-unknown-title = This invitation link does not work
invitation-unknown-body = Check that you copied the whole link. If it still does not work, ask the team who sent it for a new one.
start-not-yet-open = This questionnaire is not open yet. Please come back later.
start-closed = This questionnaire is closed: it can no longer be answered. Thank you for your interest.
start-consent-legend = Your agreement
start-consent-label = I have read this information and I agree to answer. I know I can withdraw my answers whenever I want.
start-consent-missing = Tick the box to give your agreement, or choose not to answer.
start-begin = Start
start-decline = I do not want to answer

declined-title = Thank you, that is noted
declined-body = You chose not to answer. Nothing was saved. You can close this page.

screen-back = Back
screen-step = Step { $step } of { $steps }
screen-continue = Continue
screen-offline = No network for now: your answers are kept on this phone. They will be sent as soon as the network is back; do not close this page.
screen-question-number = Question { $number }:

review-title = Check your answers
review-intro = Read your answers again. You can still change them before sending.
review-no-answer = No answer
review-change = Change
review-submit = Send my answers

receipt-title = Thank you, your answers are saved
receipt-body = We have received your answers.
receipt-link-title = Your personal link
receipt-link-explain = With this link you will be able to see your results, everyone's results, what was decided, and withdraw your answers.
receipt-link-keep = Keep this link to yourself: it is the only way to find your answers again. We do not keep it: we cannot send it to you again later.
receipt-next-title = What happens next?
receipt-qr-label = QR code of your personal link: take a photo of it to keep it on your phone.

return-unknown-title = This link does not work
return-unknown-body = This personal link is not valid, or the answers were withdrawn. Check that you copied the whole link.
return-title = Your answers and your results
return-submitted-on = Answers sent on { $date }.
return-scores-title = Your results
return-your-score = Your score:
return-band = What it means:
return-score-missing = no score (too many questions without an answer)
return-everyone-title = Everyone's results
return-answers-title = Your answers
return-withdraw-title = Withdraw my answers
return-withdraw-explain = If you withdraw your answers, they are deleted and no longer count in any result. Only the fact that an answer was withdrawn is kept.
return-withdraw-confirm = I want to delete my answers
return-withdraw-confirm-missing = Tick the box to confirm that you want to delete your answers.
return-withdraw-button = Delete my answers

withdrawn-title = Your answers are deleted
withdrawn-body = Your answers have been deleted and will not count in any result. Thank you for taking part.

problem-required = Answer this question.
problem-unknown-item = This answer does not match any question of this questionnaire.
problem-wrong-type = This answer is not in the expected form.
problem-unknown-option = Choose one of the answers offered.
problem-out-of-range = This number is outside the possible values.
problem-too-long = This text is too long: please shorten it.
problem-too-many-selected = You chose too many answers.
problem-too-few-selected = Choose more answers.
problem-invalid-number = Write a number, for example 72 or 72.5.
problem-invalid-date = Write a valid date.

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

# Staff area: sign-in
signin-title = Team sign-in
signin-email = Email address
signin-password = Password
signin-submit = Sign in
signin-with-provider = Or with your institution's account
signin-no-account-help = People who answer questionnaires do not need an account. For a team or patient-partner account, ask your institution's administrator.
signin-already = You are already signed in: { $name }.
signin-bad-credentials = Wrong email address or password.
signin-disabled = This account is disabled. Contact your institution's administrator.
signin-invalid-link = This sign-in link no longer works: it was already used or it expired. Ask your institution's administrator for a new one.
signin-no-account = Your institution recognised you, but no Boucle account matches. Ask the Boucle administrator to add you.
signin-throttled = Too many sign-in attempts. Wait a few minutes before trying again.
signin-throttled-wait = Too many sign-in attempts. Try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}.
signin-provider-failed = Signing in with your institution's account did not succeed. Try again; if it happens again, tell the administrator.
signin-expired-attempt = Signing in took too long or was started in another browser. Start again.
signout = Sign out
signout-done = You are signed out.
welcome-title = Choose your password
welcome-intro = Welcome { $name }. Choose the password of your Boucle account.
welcome-password = New password
welcome-password-hint = At least 8 characters. A sentence of several words is easy to remember and hard to guess.
welcome-password-confirm = The same password again
welcome-submit = Save and sign in
password-too-short = This password is too short: it needs at least 8 characters.
password-too-long = This password is too long: 128 characters at most.
password-too-common = This password is too easy to guess. Choose another one, for example a sentence of several words.
password-mismatch = The two passwords are not the same.

# Staff area: roles and navigation
role-admin = administrator
role-quality-team = quality team
role-professional = professional
role-patient-partner = patient-partner
role-observer = observer
staff-nav-label = Team area
staff-signed-in-as = Signed in: { $name }
staff-home-title = Campaigns
staff-forbidden-title = Access denied
staff-forbidden-body = Your role does not allow you to open this page.
staff-no-campaigns = No campaign yet.
staff-campaigns-caption = Campaigns of your institutions, with the number of responses (never the responses themselves)

# Staff area: campaigns
campaign-new = New campaign
campaign-create = Create the campaign
campaign-title-label = Campaign title
campaign-status = Status
campaign-status-open = open
campaign-status-closed = closed
campaign-submitted = Responses sent
campaign-in-progress = Responses started
campaign-audience = Who is invited
campaign-audience-hint = A sentence patients will understand, for example "People admitted to cardiology in November".
campaign-distribution = Distribution
campaign-open-link = Open link (anonymous answers)
campaign-invitations-only = Individual invitations (pseudonymous answers)
campaign-k = Minimum group size (k)
campaign-k-hint = No result is ever shown for fewer than k people. 5 by default, at least 3.
campaign-languages = Languages offered
campaign-closes-on = Closing date
campaign-results-on = Date results are returned
campaign-results-hint = The date by which you commit to return results and decisions to respondents. They are told.
campaign-institution = Institution
campaign-questionnaire = Published questionnaire
campaign-invitations = Invitations
campaign-invitations-count = { $issued } issued, { $used } used
campaign-invitations-help = Each link works once. The CSV file (for mail merge or text messages) is shown only once: Boucle keeps only fingerprints of the links.
campaign-invitations-number = Number of links to create
campaign-invitations-download = Create and download the links (CSV)
campaign-qr-label = QR code of the campaign link
campaign-qr-download = Download the QR code (SVG, for a poster)
campaign-close = Close the campaign
campaign-close-confirm = I confirm: no more answers will be accepted.
campaign-closed-now = The campaign is closed.
confirm-close-missing = Tick the confirmation box to close the campaign.
invitation-count = Give a number of links between 1 and 5000.
campaign-error-title = Give a title (200 characters at most) and describe who is invited.
campaign-error-k = The minimum group size must be a number between 3 and 1000.
campaign-error-dates = Check the dates: the date results are returned is required, and closing must come before it.
campaign-error-languages = Offer French at least, and only languages this questionnaire is translated into.
campaign-error-questionnaire = This questionnaire is not published or this institution is not yours.

# Staff area: audit log
audit-title = Audit log
audit-chain-ok = The log's chain is intact: no entry was changed or deleted.
audit-chain-broken = The log's chain is broken at entry { $id }: an entry was changed or deleted.
audit-filter = Filter by action
audit-filter-hint = Start of the action key, for example "session" or "campaign".
audit-filter-submit = Filter
audit-empty = No entry.
audit-caption = Log entries, newest first (200 at most)
audit-when = When (UTC)
audit-who = Who
audit-what = Action
audit-subject = Subject

## Results (return page and results page)
return-everyone-updates = These results are updated with each new response.
return-everyone-not-yet = Everyone's results will appear here as soon as { $k } people have answered. Come back through your personal link.
return-everyone-items = See everyone's answers, question by question
results-see = See the results
results-page-title = Results
results-contents = Results contents
results-fewer-than = fewer than { $k }
results-respondents = { $n ->
    [one] One person has answered so far.
   *[other] { $n } people have answered so far.
}
results-respondents-few = Fewer than { $k } people have answered so far.
results-response-rate = Response rate: { $pct } of the { $invited } people invited.
results-answered = { $answered } answers, { $missing } without an answer ({ $pct }).
results-top-box = Most favourable answer: { $pct }.
results-mean = Mean { $mean }
results-ci = 95% confidence interval { $low } to { $high }
results-sd = standard deviation { $sd }
results-median = median { $median } (quartiles { $q1 } and { $q3 })
results-item-withheld = Fewer than { $k } people answered this question: its results are not shown.
results-scale-withheld = Fewer than { $k } scores: this score's results are not shown.
results-scored = { $scored } scores computed, { $not_scored } not possible (too many questions unanswered).
results-answers-to = Answers to “{ $question }”
results-bands-of = Scores by group: { $scale }
results-by-group-of = { $what }, by group
results-axis-pct = Percentage of answers
results-axis-mean = Mean score
results-axis-responses = Number of responses
results-col-answer = Answer
results-col-count = Number
results-col-pct = %
results-col-band = Score group
results-col-group = Group
results-col-responses = Responses
results-col-scored = Scores
results-col-mean = Mean
results-col-ci = 95% confidence interval
results-col-median = Median
results-col-week = Week
results-col-item = Question
results-col-item-total = Corrected item-total correlation
results-col-alpha-if-deleted = Alpha without this question
results-col-missing = Not answered
results-col-dont-know = “Don't know”
results-col-floor = Floor effect
results-col-ceiling = Ceiling effect
results-col-free-texts = Free texts
results-over-time = Responses over time
results-week-of = week of { $date }
results-scales = Scores
results-items = Question by question
results-breakdown = By group of respondents
results-breakdown-by = Group respondents by their answer to
results-breakdown-campaign = Campaign (compare this questionnaire's campaigns)
results-breakdown-choose = Choose a question
results-breakdown-show = Show
results-breakdown-none = This questionnaire has no single-choice question to group respondents by.
results-group-sizes = Group sizes
results-group-not-answered = Not answered
results-co-evaluation = How the questionnaire worked
results-co-evaluation-intro = To improve the next version with patient-partners: questions often skipped, “don't know” answers, floor and ceiling effects, and how consistent the scores are.
results-alpha = Cronbach's alpha: { $alpha } (from { $n } complete responses).
results-alpha-withheld = Fewer than { $k } complete responses: Cronbach's alpha is not shown.
results-floor = Floor effect: { $pct } of scores at the minimum.
results-ceiling = Ceiling effect: { $pct } of scores at the maximum.
results-flag-over-15 = (over 15%: to review)
results-item-total-caption = Item-total correlations
results-quality-items = Each question
results-flags-explained = ⚑ marks over 10% unanswered, or over 15% of answers at the minimum or maximum: review these questions with the co-authors.
results-most-skipped = Question most often skipped: “{ $question }” ({ $pct }).
results-most-dont-know = Question with the most “don't know”: “{ $question }” ({ $pct }).
results-withheld-legend = Not shown: fewer people than the threshold
results-axis-score = Score
results-your-position = { $below } of people have a lower score than yours, { $above } a higher one.
results-your-position-below = { $below } of people have a lower score than yours.
results-your-position-above = { $above } of people have a higher score than yours.
results-you = You: { $score }
results-distribution-of = Distribution of scores: { $scale }
results-trend-of = { $scale }: mean by month
results-col-month = Month
results-downloads = Downloads
results-downloads-intro = Answers without identity (no name, no exact date, no free text), one row per response, with the codebook. Every download is written to the audit log.
results-download-csv = Answers (CSV)
results-download-codebook = Codebook (CSV)
results-download-parquet = Answers (Parquet, for R, Python or a data warehouse)
results-download-chart = Download this chart (SVG)
results-downloads-not-allowed = Row-by-row answers are for professionals, the quality team and admins. Charts can be downloaded.
# Staff area: people and roles (administrators)
people-title = People
people-manage-link = Manage people and their roles
people-caption = People with a role in your institutions
people-email = Email address
people-roles = Roles
people-role-at = { $role } ({ $institution })
people-status = Account status
people-status-active = active
people-status-invited = invited, not signed in yet
people-status-disabled = disabled
people-last-sign-in = Last sign-in (UTC)
people-never = never
people-you = (you)
people-back = All people
people-invite-title = Invite someone
people-invite-help = If the address has no account yet, Boucle creates one and shows a sign-in link once, valid 7 days, for you to pass on to the person (sending email is not available yet). If they already have an account, they get the role and sign in as usual.
people-invite-name = Full name
people-invite-name-hint = As colleagues will see it. Not needed if the person already has an account.
people-invite-role = Role
people-invite-submit = Invite
people-role-in = Role at { $institution }
people-role-submit = Change the role
people-remove-confirm = I confirm: { $name } will no longer hold this role at { $institution }.
people-remove-submit = Remove this role
people-account = Account
people-disable-confirm = I confirm: { $name }'s sessions end and the account can no longer sign in.
people-disable-submit = Disable the account
people-enable-submit = Enable the account again
people-link-title = Sign-in link
people-link-help = This link has just been sent to them by email. It works once and expires in 7 days. It is shown only once: if the email does not arrive, copy it now and pass it on to the person by a channel you trust. Boucle keeps only a fingerprint of it.
people-link-new = Create a new sign-in link
people-link-new-help = For a forgotten password or an expired invitation. Links created before stop working.
people-own-account-note = This is your account: you cannot disable it yourself.
people-shared-account-note = This person also holds a role in an institution you do not administer: here you can change their roles in yours, but not disable their account or create a sign-in link for it.
people-done-invited = The person is invited: their link is sent to them by email.
people-done-role-added = The role was added to their existing account: they sign in as usual.
people-done-role-held = This person already holds this role.
people-done-role-changed = The role was changed.
people-done-role-removed = The role was removed.
people-done-disabled = The account is disabled and its sessions have ended.
people-done-enabled = The account is enabled again.
people-done-link = A new sign-in link was created and sent by email.
people-error-email = Enter a valid email address.
people-error-name = Enter the person's name (200 characters at most).
people-error-role = Choose one of the roles offered.
people-error-last-admin = This is the institution's last administrator: name another administrator first.
people-error-own-account = You can neither disable your own account nor create a sign-in link for yourself.
people-error-shared-account = This person also holds a role in an institution you do not administer: only an administrator of all their institutions can disable their account or create a link for it.
people-error-disabled = This account is disabled: enable it first.
people-error-confirm = Tick the confirmation box.

## Messages sent by email (plain text)
mail-signin-subject = Your link to sign in to Boucle
mail-signin-body =
    Hello { $name },

    To sign in to Boucle, open this link:
    { $link }

    It works once and expires in { $minutes } minutes.

    If you did not ask for it, ignore this message: nobody can sign in without this link.
mail-invitation-subject = Your invitation to Boucle
mail-invitation-body =
    Hello { $name },

    You are invited to join Boucle. To choose your password and sign in, open this link:
    { $link }

    It works once and expires in 7 days.
mail-return-subject = Your personal link: { $campaign }
mail-return-body =
    Hello,

    Thank you for answering the questionnaire "{ $campaign }".

    Here is your personal link. With it, you can see your results, everyone's results, what was decided, and withdraw your answers:
    { $link }

    { $promise }

    Keep this link to yourself: it opens your answers. We do not keep this message.

## Personal link by email (receipt page, return page)
receipt-email-title = Get this link by email
receipt-email-explain = Optional. We send you this link once. Your address is not attached to your answers.
receipt-email-label = Your email address
receipt-email-hint = For example: name@example.org
receipt-email-notify = Also tell me by email when the results and decisions are published (my address is then kept apart from my answers, until I delete it)
receipt-email-submit = Send the link
receipt-email-sent = It is sent. The message may take a few minutes to arrive; check your spam folder too.
receipt-email-sent-notify = It is sent, and we will tell you when the results and decisions are published. You can delete your address from your personal link.
receipt-email-error-address = This email address is not valid: it needs a name, an @ and a domain, for example name@example.org.
receipt-email-error-limit = This link has already been sent three times. For your safety, we do not send it again: keep it from this page or its QR code.
return-contact-title = Your email address
return-contact-kept = We keep your address { $email } to tell you when the results and decisions of this survey are published. It is kept apart from your answers.
return-contact-forget = Delete my address
return-contact-forgotten = Your address is deleted: we will not write to you again.

## Sign-in by a link sent by email
signin-link-title = Get a sign-in link by email
signin-link-explain = No password: we send a link to your address. It works once and expires in 15 minutes.
signin-link-email = Send the link to this address
signin-link-submit = Get a link
signin-link-sent = If an account exists for this address, a sign-in link has just been sent to it. It expires in 15 minutes; check your spam folder too.
signin-link-use-title = Sign in with the link you received
signin-link-use-intro = You are about to sign in to Boucle as { $name }.
signin-link-use-submit = Sign me in
signin-link-invalid = This sign-in link no longer works: it was already used or it expired (it lasts only 15 minutes).
signin-link-ask-again = Ask for a new link

## Identifying data (admins)
campaign-contacts-title = Addresses left by respondents
campaign-contacts-count = { $count ->
    [0] No respondent left an address to hear about the results.
    [one] One respondent left their address to hear about the results and decisions.
   *[other] { $count } respondents left their address to hear about the results and decisions.
}
campaign-contacts-help = These addresses are never linked to answers. Only admins can download them, and each download is written to the audit log.
campaign-contacts-download = Download the addresses (CSV)
people-download = Download the list of people and their roles (CSV, written to the audit log)

## Improvement projects
projects-title = Projects
projects-intro = A project brings patient-partners and professionals together around a need written together, then questionnaires, campaigns and decisions.
project-new = Start a project
project-title-label = Project title
project-need-label = The need, written together (optional to start)
project-need-hint = What is wrong today, for whom, and what the project wants to change. Every member can rewrite it.
project-create = Create the project
project-not-member = you are not a member
project-members-count = { $count ->
    [one] 1 member
   *[other] { $count } members
}
project-your-role = Your role:
project-need-title = The need
project-need-empty = The need is not written yet.
project-need-by = Written by { $name } on { $when } (UTC)
project-need-history = { $count ->
    [one] See the previous version
   *[other] See the { $count } previous versions
}
project-need-edit = Rewrite the need
project-need-edit-hint = If someone else saves it while you are writing, your text is not lost: you will choose which one to keep.
project-need-save = Save
project-conflict-title = Someone changed the need while you were writing
project-conflict-explain = Your text is kept. Read both versions, then choose which one becomes the project's need; you can still rewrite it afterwards.
project-conflict-yours = Your version
project-conflict-current = The current version
project-conflict-keep-mine = Keep my version
project-conflict-keep-theirs = Keep the current version
project-members-title = Members
project-role-patient-partner = patient-partner
project-role-professional = health professional
project-role-quality-team = quality team
project-role-observer = observer
project-role-of = { $name }'s role in the project
project-role-submit = Change the role
project-remove-member = Remove { $name } from the project
project-add-member = Add a member
project-person-label = Person of the institution
project-role-label = Role in the project
project-add-member-submit = Add to the project
project-done-created = The project is created. Now add its members, patient-partners included.
project-done-need = The need is saved.
project-done-unchanged = The text has not changed.
project-done-conflict = Someone saved the need before you: your text is kept below; choose which version to keep.
project-done-kept = Your version is now the project's need.
project-done-dropped = Your version is set aside; the current version stays the project's need.
project-done-member-added = The member is added.
project-done-member-changed = The role is changed.
project-done-member-removed = The member is removed from the project.
project-error-title = Give a title (at most 200 characters).
project-error-need = The need is too long (at most 20,000 characters).
project-error-person = Choose a person of the institution.
project-error-role = Choose one of the roles offered.
project-error-last-lead = A project keeps at least one health professional or quality-team member to manage its members.
project-error-conflict-settled = This conflict is already settled.

## Drafts and suggestions
project-drafts-title = Questionnaires in preparation
project-drafts-empty = No questionnaire in preparation yet.
draft-source-label = Start from a published questionnaire
draft-start = Start a draft
draft-revision = { $count ->
    [0] No suggestion accepted yet.
    [one] 1 suggestion accepted.
   *[other] { $count } suggestions accepted.
}
draft-rule = A draft changes only through accepted suggestions: it takes the agreement of at least one patient-partner and one professional (or the quality team), and nobody decides alone.
draft-items-title = The draft's questions
draft-error-source = Choose one of the published questionnaires.
suggestions-title = Suggestions
suggestions-empty = No suggestion yet.
suggestion-new = Propose a rewording
suggestion-new-help = Your proposal does not change the draft at once: the other members approve or reject it, saying why.
suggestion-item-label = Question to reword
suggestion-language-label = Language
suggestion-text-label = New wording
suggestion-rationale-label = Why this change?
suggestion-submit = Propose
suggestion-title = Question { $item }, in { $language }
suggestion-by = Proposed by { $name }
suggestion-status-open = waiting for a decision
suggestion-status-accepted = accepted
suggestion-status-rejected = rejected
suggestion-now = Now:
suggestion-proposed = Proposed:
suggestion-why = Why:
suggestion-decision-reason = Reason for rejecting:
suggestion-approved-by = Approved by
suggestion-rejected-by = Rejected by
suggestion-needs-patient-partner = A patient-partner's agreement is still needed.
suggestion-needs-professional = A professional's or the quality team's agreement is still needed.
suggestion-needs-someone-else = Another member than the author must agree.
suggestion-reason-label = Your reason (required to reject)
suggestion-approve = Approve
suggestion-reject = Reject
suggestion-error-item = Choose a question of the draft.
suggestion-error-language = Choose one of the questionnaire's languages.
suggestion-error-wording = Write the new wording (at most 1,000 characters).
suggestion-error-reason = Say why (at most 2,000 characters): it is required to propose as to reject.
suggestion-error-decided = This suggestion is already decided.
suggestion-error-own = Your proposal already counts as your agreement: another member must decide.
suggestion-error-voted = You already gave your view on this suggestion.
project-done-draft-started = The draft is created: propose rewordings.
project-done-proposed = Your suggestion is proposed to the other members.
project-done-voted = Your view is saved; the suggestion still waits for other agreements.
project-done-accepted = The suggestion is accepted: the draft changed.
project-done-rejected = The suggestion is rejected; it stays visible with its reason.
draft-changes-title = What changed since { $base }
draft-changes-none = Nothing yet: the draft is the same as the published version.
draft-change-item = Question { $item }:
draft-change-reworded = reworded ({ $languages }).
draft-change-other = changed.
draft-change-comparable = Its answers stay comparable with the published version.
draft-change-not-comparable = Its answers will no longer be comparable with the published version.
draft-comparable = { $count } questions out of { $total } keep answers comparable with the published version: results can be compared on those.
suggestion-thread = { $count ->
    [0] Discuss this suggestion
    [one] 1 message
   *[other] { $count } messages
}
suggestion-comment-by = { $name }, on { $when } (UTC)
suggestion-comment-label = Your message
suggestion-comment-submit = Send the message
suggestion-error-comment = Write your message (at most 2,000 characters).
project-done-commented = Your message is added to the discussion.
readability-score = Readability: { $score } ({ $level }), longest sentence: { $words } words.
readability-easy = easy
readability-medium = fair
readability-hard = hard
readability-long-sentence = Sentence { $sentence } has { $words } words: split it (15 at most).
readability-long-words = Long words: { $words }.
readability-jargon = Jargon to avoid: { $terms }.

## Co-design: the question editor, scores, publishing, credits
project-done-publication-proposed = Your proposal to publish is saved: it waits for the other members' agreement.
project-done-named = Your name will appear in the credits of the next published versions.
project-done-unnamed = Your name will no longer appear in the credits of the next versions; you are still counted among the co-designers.
change-error-invalid = This change would leave a mistake in the questionnaire; nothing was proposed.
change-error-nothing = You changed nothing: change at least one field before proposing.
change-error-option-value = An answer's value must be a whole number (or stay empty if the answer does not count in the score).
change-error-option-order = An answer's order must be a number.
change-error-options = One of the answers is too long (at most 1,000 characters).
change-error-bounds = The minimum and maximum must be numbers (whole numbers for a rating scale).
change-error-type = Choose one of the question types offered.
change-error-place = Choose where to put the question.
change-error-bands = Each line of the bands must look like "0-4 = Minime | Minimal".
change-error-method = Choose how the score is computed.
change-error-min-answered = Give the minimum number of answers (a whole number).
publish-error-incomplete = The draft is not ready to publish: complete what is listed.
publish-error-slug = This identifier cannot be used: lowercase letters, digits and dashes, and not that of another institution's or the library's questionnaire.
publish-error-version = The version must read MAJOR.MINOR.PATCH (for example 1.1.0) and be newer than the latest published one.
problem-in-draft = { $code ->
    [no_items] The questionnaire has no question yet.
    [empty_section] A section has no question.
    [missing_translation] A translation is still missing.
    [unknown_item_reference] A display condition refers to a question that no longer exists.
    [forward_reference] A display condition refers to a question placed after it.
    [band_out_of_range] A score band goes beyond what the score can reach.
    [band_gap] Some possible scores fall in no band.
    [band_overlap] Score bands overlap or are out of order.
    [invalid_min_answered] A score's minimum of answers is 0 or above its number of questions.
    [non_scorable_scale_item] A score counts a question that cannot be scored.
    [no_options] A choice question does not have enough answers.
    [duplicate_option_code] Two answers of a question share a code.
    [empty_text] A text is empty.
    [invalid_range] A minimum is above its maximum.
   *[other] The questionnaire would not be valid ({ $code }).
}
change-reword = Question { $item }: new wording ({ $language }) "{ $text }"
change-add-item = New question { $item } ({ $type }): "{ $text }"
change-remove-item = Remove question { $item }
change-move-item-after = Move question { $item } after { $after }
change-move-item-first = Move question { $item } to the start of its section
change-options = Question { $item }: the answers become { $options }
change-explain = Question { $item }: "why we ask" becomes "{ $why }"; easy-read version "{ $easy }"
change-set-scale = Score { $scale }: computed from { $items }; { $bands } bands
change-remove-scale = Remove score { $scale }
item-type-single-choice = single choice
item-type-likert = frequency or agreement scale
item-type-multiple-choice = multiple choice
item-type-yes-no = yes or no
item-type-rating-scale = rating scale
item-type-number = number
item-type-date = date
item-type-short-text = short text
item-type-long-text = long text
item-type-display = text to read (no answer)
place-first = { $section }: at the start
place-after = { $section }: after { $item }
editor-open = Propose changing question { $item }
editor-wording = Wording
editor-why = Why we ask
editor-easy = Easy-read version
editor-options = Answers offered
editor-option = Answer { $number }
editor-new-option = New answer
editor-option-label = Text
editor-option-value = Value for the score
editor-option-order = Order
editor-option-remove = Remove this answer
editor-place = Place in the questionnaire
editor-remove = Remove this question from the questionnaire
editor-submit = Propose these changes
editor-new-question = Propose a new question
editor-type = Question type
editor-options-hint = One answer per line: the value for the score (optional), "=", then the text in each language separated by "|". Example: 0 = Jamais | Never
editor-min = Minimum (number or rating scale)
editor-max = Maximum (number or rating scale)
editor-required = Answer required
item-thread = Discussion about this question ({ $count })
item-comment-label = Your message about this question
scales-title = Scores
scales-none = This questionnaire computes no score.
scale-open = Propose changing score { $scale }
scale-title-label = Score name
scale-items = Questions counted
scale-reverse = Questions counted in reverse
scale-method = Computation
scale-method-sum = sum
scale-method-mean = mean
scale-method-mean-rescaled = mean rescaled to 100
scale-min-answered = Minimum number of answers to compute the score
scale-prorate = Complete an incomplete sum (mean of answers × number of questions)
scale-bands = Interpretation bands
scale-bands-hint = One band per line: "min-max = name in French | name in English". Example: 0-4 = Minime | Minimal
scale-remove = Remove this score
publish-title = Publish a version
publish-help = Publishing creates a version that will not change any more, with the list of accepted changes. It needs the agreement of at least one patient-partner and one professional.
publish-unfinished = Before publishing, still to complete:
publish-slug = Questionnaire identifier
publish-version = Version number
publish-notes = Why publish now (shown with the version)
publish-submit = Propose to publish
publication-title = Publish as { $slug } { $version }
suggestion-changes-title = { $count ->
    [one] One proposed change
   *[other] { $count } proposed changes, made together
}
draft-preview-title = Preview: what respondents will see
draft-preview-help = The questionnaire as it is now, at phone width. Answer to try it: questions that depend on an answer appear or disappear as they would for patients. Switch the page language to see it in another language.
draft-source-empty = An empty questionnaire
draft-title-label = Title (for an empty questionnaire)
draft-title-hint = The title also makes the questionnaire's identifier.
credits-title = Credits
credits-named = You agreed that your name appears among the co-designers of published versions.
credits-not-named = Published versions say how many patient-partners and professionals designed them. Your name appears only if you agree.
credits-name = Show my name
credits-unname = Stop showing my name
history-title = Versions and changes
history-version = Version { $version }, published on { $when }
history-credit = Co-designed with { $partners ->
    [one] one patient-partner
   *[other] { $partners } patient-partners
} and { $professionals ->
    [one] one professional
   *[other] { $professionals } professionals
} ({ $project }).
history-names = With: { $names }.
history-notes = Why this version:
history-changelog = Changes decided together
history-change-by = Proposed by: { $by }; approved by: { $approvers }; on { $when }.
history-rationale = Why: "{ $text }"
history-diff = Since { $previous }: { $added } question(s) added, { $removed } removed, { $changed } changed; { $comparable } question(s) stay comparable.
history-first = First published version.
change-describe = New title, introduction and "who asks and why": "{ $title }"
editor-describe = Propose changing the title and introduction
editor-title = Title
editor-introduction = Introduction
editor-who = Who asks and why
project-done-jargon = The project's jargon list is saved: readability checks now use it.
jargon-title = Jargon to avoid
jargon-help = Readability checks flag these words in every question of the project, on top of a default list. Add your service's acronyms and terms that patients do not know.
jargon-defaults = Words already flagged by default
jargon-label = The project's words, one per line
jargon-hint = For example: HDJ, day surgery, care pathway. At most 200 words of at most 60 characters.
jargon-save = Save the list
jargon-error = The jargon list holds at most 200 words of at most 60 characters each, one per line.
change-add-section = New part { $section }: "{ $title }"
change-rename-section = Part { $section } is now called "{ $title }"
change-remove-section = Remove part { $section } (empty)
change-item-condition = Question { $item }: shown { $condition }
change-section-condition = Part { $section }: shown { $condition }
change-add-language = Add the language { $language } (translations still to write)
condition-always = always
condition-yes = yes
condition-no = no
condition-answered = if question { $item } has an answer
condition-equals = if the answer to { $item } is "{ $value }"
condition-not-equals = if the answer to { $item } is not "{ $value }"
condition-greater-than = if the answer to { $item } is greater than { $value }
condition-less-than = if the answer to { $item } is less than { $value }
condition-includes = if the answer to { $item } includes "{ $value }"
condition-all = if all these hold: { $conditions }
condition-any = if any of these holds: { $conditions }
change-error-condition = Choose when to show it: always, or depending on an answer.
change-error-condition-item = Choose the question it depends on.
change-error-condition-value = The value does not fit the chosen question: yes or no, one of its answers, or a number.
change-error-section = This part is no longer in the draft.
change-error-section-not-empty = This part still holds questions: move or remove them first.
change-error-last-section = A questionnaire keeps at least one part.
change-error-language = Give a new language by its two-letter code (for example nl for Dutch).
editor-condition-item = When to show this question
editor-condition-section = When to show this part
editor-condition-now = Now: shown { $condition }.
editor-condition-none = No question before it: always shown.
editor-condition-when = Show
editor-condition-keep = Change nothing
editor-condition-op-answered = if the chosen question has an answer
editor-condition-op-equals = if the answer is…
editor-condition-op-not-equals = if the answer is not…
editor-condition-op-greater-than = if the answer is greater than…
editor-condition-op-less-than = if the answer is less than…
editor-condition-op-includes = if the ticked answers include…
editor-condition-question = The question it depends on
editor-condition-value = Value
editor-condition-value-hint = Yes or no, one of its answers (its text), or a number.
sections-title = Parts of the questionnaire
sections-help = Questions are grouped in parts. A part may show only depending on an answer given in an earlier part.
section-untitled = Part { $number }
section-count = { $count ->
    [0] no question
    [one] one question
   *[other] { $count } questions
}
section-edit = Change "{ $section }"
section-title-label = Title of the part
section-remove = Remove this part (it is empty)
section-new = Add a part
section-where = Where to put it
section-first = First
section-after = After "{ $section }"
section-add = Propose this part
languages-title = Languages
languages-now = The questionnaire is written in: { $languages }.
languages-add-label = Add a language (two-letter code)
languages-add-hint = For example nl for Dutch, de for German. Every text then waits for its translation, next to the other languages.
languages-add = Propose this language
live-check-ok = Your proposal: { $changes }.
live-check-title = Checked as you type
project-done-campaign-linked = The campaign now belongs to the project: its members can write its findings and action plan.
plan-error-campaign = Choose a campaign of the institution that does not belong to another project.
project-campaigns-title = Campaigns and action plans
project-campaigns-help = For each of the project's campaigns, members write together what they find in the results, decide on actions, then publish it all to the people who answered.
project-campaigns-none = No campaign belongs to this project yet.
project-campaign-link-label = Add a campaign of the institution
project-campaign-link = Add
plan-title = Findings and action plan: { $campaign }
plan-help = Each finding rests on the campaign's questions or scores. Each action has an owner, a due date and a status; adopting or rejecting it is decided together, as is publishing to respondents.
plan-results-link = See the campaign's results
findings-title = Findings
findings-none = No finding yet.
finding-new = Write a finding
finding-statement = What we find, in plain words
finding-statement-hint = For example: "Many people do not know whom to call after leaving." At most 2,000 characters.
finding-evidence-legend = What it rests on (the campaign's questions and scores)
finding-add = Add the finding
finding-by = Written by { $name } on { $date }
finding-evidence = Rests on:
actions-title = Actions
actions-none = No action proposed for this finding.
action-new = Propose an action
action-what = What will be done
action-owner-label = Who carries it
action-due-label = By when (optional)
action-propose = Propose the action
action-owner = Owner: { $owner }
action-due = due { $date }
action-no-due = no due date
action-reason = Reason:
action-history = History
action-move-label = New status
action-move-reason = Why (required to abandon)
action-move-submit = Change the status
action-status-proposed = Proposed
action-status-adopted = Adopted
action-status-rejected = Rejected
action-status-in-progress = In progress
action-status-done = Done
action-status-abandoned = Abandoned
plan-publication-title = Publish to respondents
plan-publication-help = Publishing shows the findings and the decided actions (with the reasons for rejections) to the people who answered, from their private link. It needs the agreement of at least one patient-partner and one professional.
plan-unpublished = The plan is not published yet.
plan-published = Published to respondents on { $date }.
plan-publication-rejected = The last proposal to publish was rejected.
plan-publication-open = { $name } proposes publishing the plan to respondents.
plan-publication-propose = Propose publishing
plan-done-finding = The finding is added.
plan-done-action-proposed = The action is proposed: it waits for the other members' agreement.
plan-done-action-voted = Your view is recorded; the action still waits for other agreements.
plan-done-action-adopted = The action is adopted.
plan-done-action-declined = The action is rejected; it stays visible with its reason.
plan-done-action-moved = The action's status is changed.
plan-done-plan-proposed = Your proposal to publish waits for the other members' agreement.
plan-done-plan-voted = Your view is recorded; publishing still waits for other agreements.
plan-done-plan-adopted = The plan is published: respondents see it from their link.
plan-done-plan-declined = Publishing is rejected; the reason is kept.
plan-error-finding = Write the finding (at most 2,000 characters) and choose what it rests on among the campaign's questions and scores.
plan-error-action = Say what will be done (at most 1,000 characters).
plan-error-owner = Say who carries it.
plan-error-due = The due date must be a date.
plan-error-empty = Write at least one finding before publishing.
plan-error-together = Adopting or rejecting an action is decided together: vote on the proposal.
plan-error-status = This action cannot move to that status.
return-decisions-title = What we found, what we decided
return-decisions-published = Published on { $date } by the project team, patient-partners and professionals together.
mail-plan-subject = What came of "{ $campaign }"
mail-plan-body =
    Hello,

    You answered the questionnaire "{ $campaign }". The project team, patient-partners and professionals together, has published what it found in the answers and what it decided to do.

    To read it, open the private link you received after answering.

    You get this message because you asked to be told. You can delete your address from that same link.
mail-action-done-subject = An action is done: "{ $campaign }"
mail-action-done-body =
    Hello,

    After the questionnaire "{ $campaign }", an action decided with patients is now done: { $action }

    The details are on the private link you received after answering.

    You get this message because you asked to be told. You can delete your address from that same link.
loop-title = Does the loop close?
loop-opened = { $percent }% of respondents opened the published results and decisions.
loop-opened-none = Not published yet: nobody could read the results and decisions.
loop-days = { $days ->
    [one] One day from the end of answering to publication.
   *[other] { $days } days from the end of answering to publication.
}
loop-days-open = The campaign still takes answers.
loop-promised = Date promised to respondents: { $date }.
loop-late = Later than promised.
loop-answered = { $answered } of { $proposals } proposed action(s) decided.
loop-on-time = { $done } of { $due } action(s) due were done on time.
roadmap-link = Printable roadmap
roadmap-title = Roadmap: { $campaign }
roadmap-back = Back to the action plan
roadmap-print = Print this page (or save it as PDF) for the quality committee: one line per action.
roadmap-caption = The plan's actions: what, who, by when, where they stand.
roadmap-what = Action (and the finding it answers)
roadmap-who = Owner
roadmap-when = Due
roadmap-status = Status
return-since-you-answered = Since you answered: { $adopted ->
    [0] no action adopted
    [one] one action adopted
   *[other] { $adopted } actions adopted
}, { $done ->
    [0] none done
    [one] one done
   *[other] { $done } done
}, { $rejected ->
    [0] no proposal rejected.
    [one] one proposal rejected (with the reason).
   *[other] { $rejected } proposals rejected (with the reasons).
}
loop-dashboard-title = The loop
loop-dashboard-help = For each campaign: did respondents read what came back to them, did results and decisions arrive by the promised date, were proposals decided, were actions done on time?
loop-no-campaign = No campaign yet.
loop-table-caption = The loop, campaign by campaign
loop-col-campaign = Campaign
loop-col-opened = Respondents who read what came back
loop-col-days = Days to publication
loop-col-promised = Promised date
loop-col-answered = Proposals decided
loop-col-on-time = Actions done on time
loop-cell-none = —
loop-cell-open = still open
loop-chart-days = Days from the end of answering to publication
loop-chart-days-axis = days
loop-chart-opened = Share of respondents who read what came back
loop-chart-opened-axis = %
loop-chart-campaign = Campaign
