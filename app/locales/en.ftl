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
