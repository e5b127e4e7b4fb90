# Interface de Boucle, en français (langue de référence).
# Une clé par phrase. Toute clé ajoutée ici doit l'être aussi dans en.ftl.

skip-to-content = Aller au contenu
footer-tagline = Boucle : des questionnaires écrits avec les patients, et des résultats qui reviennent à ceux qui ont répondu.
language-switch-label = Choisir la langue
loading = Chargement…
service-unavailable = Le service est momentanément indisponible. Réessayez dans quelques minutes.
not-found-title = Page introuvable
not-found-body = Cette adresse ne correspond à aucune page. Le lien est peut-être incomplet.
back-to-library = Retour à la bibliothèque de questionnaires
version = version

library-title = Bibliothèque de questionnaires
library-intro = Des questionnaires sur votre santé (PROM) et sur votre expérience des soins (PREM), écrits avec des patients partenaires et des professionnels.
library-empty = Aucun questionnaire publié pour l'instant.
library-item-count = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}
library-languages = Langues :
library-co-designed = Écrit avec { $partners ->
    [one] { $partners } patient partenaire
   *[other] { $partners } patients partenaires
} ({ $total } auteurs en tout)

kind-prom = Résultats de santé (PROM)
kind-prem = Expérience des soins (PREM)
kind-other = Questionnaire

questionnaire-duration = Durée : environ { $minutes } minutes.
questionnaire-not-translated = Ce questionnaire n'est pas encore traduit dans votre langue : il est affiché en français.
questionnaire-preview-notice = Aperçu : voici exactement ce que verront les personnes qui répondent. Vos réponses ici ne sont pas enregistrées.
questionnaire-who-asks = Qui pose ces questions, et pourquoi
questionnaire-introduction = Avant de commencer
easy-read-toggle = Texte facile à lire

form-all-required = Toutes les questions sont obligatoires.
form-required-except-optional = Toutes les questions sont obligatoires, sauf celles marquées « facultatif ».
item-optional = (facultatif)
item-why-we-ask = Pourquoi cette question ?
item-conditional = Cette question n'apparaît que selon vos réponses précédentes.
section-conditional = Cette partie n'apparaît que selon vos réponses précédentes.
item-multiple-hint = Plusieurs réponses possibles.
item-number-range = Un nombre entre { $min } et { $max }.
item-text-limit = { $max } caractères au plus.
answer-yes = Oui
answer-no = Non

scoring-title = Comment les réponses sont calculées
scoring-method-sum = Le score est la somme des réponses.
scoring-method-mean = Le score est la moyenne des réponses.
scoring-method-mean-rescaled = Le score est la moyenne des réponses, ramenée sur 100.
scoring-min-answered = Il faut avoir répondu à au moins { $min } questions sur { $count } pour obtenir un score.
scoring-reverse = { $count ->
    [one] Une question est comptée à l'envers.
   *[other] { $count } questions sont comptées à l'envers.
}
scoring-bands-caption = Ce que veut dire le score
scoring-band-range = Score
scoring-band-meaning = Signification

provenance-title = Qui a écrit ce questionnaire
provenance-co-authors = Co-auteurs
provenance-licence = Licence et source
provenance-wording-locked = Questionnaire validé : la formulation, les réponses et leur ordre restent exactement ceux de la version publiée.
provenance-content-hash = Empreinte de cette version :

role-patient-partner = patient partenaire
role-professional = professionnel de santé
role-quality-team = équipe qualité
