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

error-title-prefix = Erreur :
error-summary-title = Il y a un problème
form-expired = Ce formulaire a expiré, ou ne vient pas de Boucle. Rien n'a été enregistré. Revenez en arrière, rechargez la page et réessayez.
too-many-posts = Trop d'envois en peu de temps. Attendez une minute, puis revenez en arrière et renvoyez la page : les réponses déjà enregistrées sont gardées.
too-many-attempts = Trop d'essais avec des liens qui ne fonctionnent pas. Attendez une minute avant de réessayer.

start-who-asks = { $institution } vous pose ces questions.
start-why = Pourquoi ces questions
start-time = Combien de temps
start-time-detail = { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
}, environ { $minutes } minutes. Vous pouvez vous arrêter et reprendre plus tard avec le même appareil.
start-what-happens = Ce que deviennent vos réponses
start-anonymous = Vos réponses sont anonymes : nous ne vous demandons ni votre nom ni votre adresse.
start-pseudonymous = Vos réponses sont gardées à part de votre nom : les équipes qui les lisent ne savent pas qui a répondu.
start-small-groups = Aucun résultat n'est montré pour un groupe de moins de { $k } personnes.
start-results-promise = Les résultats, et ce que l'établissement décide grâce à eux, vous seront rendus au plus tard le { $date }, par votre lien personnel.
start-withdraw = Vous pouvez retirer vos réponses à tout moment avec votre lien personnel : elles sont alors effacées.
start-already-submitted = Vous avez déjà envoyé vos réponses avec cet appareil. Merci !
start-see-receipt = Voir mon lien personnel
start-already-started = Vous avez déjà commencé à répondre avec cet appareil.
start-resume = Reprendre où je m'étais arrêté
start-invitation-only = Ce questionnaire se remplit avec le lien personnel reçu par message. Ouvrez ce lien pour répondre.
invitation-unknown-title = Ce lien d'invitation ne fonctionne pas
invitation-unknown-body = Vérifiez que vous avez copié le lien en entier. S'il ne fonctionne toujours pas, demandez un nouveau lien à l'équipe qui vous l'a envoyé.
start-not-yet-open = Ce questionnaire n'est pas encore ouvert. Revenez plus tard.
start-closed = Ce questionnaire est fermé : il n'est plus possible d'y répondre. Merci de votre intérêt.
start-consent-legend = Votre accord
start-consent-label = J'ai lu ces informations et j'accepte de répondre. Je sais que je peux retirer mes réponses quand je veux.
start-consent-missing = Cochez la case pour donner votre accord, ou choisissez de ne pas répondre.
start-begin = Commencer
start-decline = Je ne souhaite pas répondre

declined-title = Merci, c'est noté
declined-body = Vous avez choisi de ne pas répondre. Rien n'a été enregistré. Vous pouvez fermer cette page.

screen-back = Retour
screen-step = Étape { $step } sur { $steps }
screen-continue = Continuer
screen-offline = Pas de réseau pour l'instant : vos réponses sont gardées sur ce téléphone. Elles partiront dès que le réseau revient ; ne fermez pas cette page.
screen-question-number = Question { $number } :

review-title = Vérifiez vos réponses
review-intro = Relisez vos réponses. Vous pouvez encore les modifier avant de les envoyer.
review-no-answer = Pas de réponse
review-change = Modifier
review-submit = Envoyer mes réponses

receipt-title = Merci, vos réponses sont enregistrées
receipt-body = Vos réponses ont bien été reçues.
receipt-link-title = Votre lien personnel
receipt-link-explain = Avec ce lien, vous pourrez voir vos résultats, les résultats de tous, ce qui a été décidé, et retirer vos réponses.
receipt-link-keep = Gardez ce lien pour vous : c'est le seul moyen de retrouver vos réponses. Nous ne le gardons pas : nous ne pourrons pas vous le renvoyer plus tard.
receipt-next-title = Et ensuite ?
receipt-qr-label = Code QR de votre lien personnel : photographiez-le pour le garder sur votre téléphone.

return-unknown-title = Ce lien ne fonctionne pas
return-unknown-body = Ce lien personnel n'est pas valide, ou les réponses ont été retirées. Vérifiez que vous avez copié le lien en entier.
return-title = Vos réponses et vos résultats
return-submitted-on = Réponses envoyées le { $date }.
return-scores-title = Vos résultats
return-your-score = Votre score :
return-band = Ce que cela veut dire :
return-score-missing = pas de score (trop de questions sans réponse)
return-everyone-title = Les résultats de tous
return-answers-title = Vos réponses
return-withdraw-title = Retirer mes réponses
return-withdraw-explain = Si vous retirez vos réponses, elles sont effacées et ne comptent plus dans aucun résultat. Seul le fait qu'une réponse a été retirée est gardé.
return-withdraw-confirm = Je veux effacer mes réponses
return-withdraw-confirm-missing = Cochez la case pour confirmer que vous voulez effacer vos réponses.
return-withdraw-button = Effacer mes réponses

withdrawn-title = Vos réponses sont effacées
withdrawn-body = Vos réponses ont été effacées et ne compteront dans aucun résultat. Merci d'avoir participé.

problem-required = Répondez à cette question.
problem-unknown-item = Cette réponse ne correspond à aucune question de ce questionnaire.
problem-wrong-type = Cette réponse n'a pas la forme attendue.
problem-unknown-option = Choisissez une des réponses proposées.
problem-out-of-range = Ce nombre n'est pas dans les valeurs possibles.
problem-too-long = Ce texte est trop long : raccourcissez-le.
problem-too-many-selected = Vous avez choisi trop de réponses.
problem-too-few-selected = Choisissez plus de réponses.
problem-invalid-number = Écrivez un nombre, par exemple 72 ou 72,5.
problem-invalid-date = Écrivez une date valide.

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

# Espace équipe : connexion
signin-title = Connexion de l'équipe
signin-email = Adresse e-mail
signin-password = Mot de passe
signin-submit = Se connecter
signin-with-provider = Ou avec le compte de votre établissement
signin-no-account-help = Les personnes qui répondent aux questionnaires n'ont pas besoin de compte. Pour obtenir un compte d'équipe ou de patient partenaire, demandez à l'administrateur de votre établissement.
signin-already = Vous êtes déjà connecté·e : { $name }.
signin-bad-credentials = Adresse e-mail ou mot de passe incorrect.
signin-disabled = Ce compte est désactivé. Adressez-vous à l'administrateur de votre établissement.
signin-invalid-link = Ce lien de connexion ne fonctionne plus : il a déjà servi ou il a expiré. Demandez-en un nouveau à l'administrateur de votre établissement.
signin-no-account = Votre établissement vous a bien identifié·e, mais aucun compte Boucle ne correspond. Demandez à l'administrateur de Boucle de vous ajouter.
signin-throttled = Trop d'essais de connexion. Attendez quelques minutes avant de réessayer.
signin-throttled-wait = Trop d'essais de connexion. Réessayez dans { $minutes ->
    [one] une minute
   *[other] { $minutes } minutes
}.
signin-provider-failed = La connexion avec le compte de votre établissement n'a pas abouti. Réessayez ; si cela recommence, prévenez l'administrateur.
signin-expired-attempt = La connexion a pris trop de temps ou a été ouverte dans un autre navigateur. Recommencez.
signout = Se déconnecter
signout-done = Vous êtes déconnecté·e.
welcome-title = Choisir votre mot de passe
welcome-intro = Bienvenue { $name }. Choisissez le mot de passe de votre compte Boucle.
welcome-password = Nouveau mot de passe
welcome-password-hint = Au moins 8 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.
welcome-password-confirm = Le même mot de passe, une seconde fois
welcome-submit = Enregistrer et me connecter
password-too-short = Ce mot de passe est trop court : il faut au moins 8 caractères.
password-too-long = Ce mot de passe est trop long : 128 caractères au plus.
password-too-common = Ce mot de passe est trop facile à deviner. Choisissez-en un autre, par exemple une phrase de plusieurs mots.
password-mismatch = Les deux mots de passe ne sont pas identiques.

# Espace équipe : rôles et navigation
role-admin = administrateur
role-quality-team = équipe qualité
role-professional = professionnel
role-patient-partner = patient partenaire
role-observer = observateur
staff-nav-label = Espace équipe
staff-signed-in-as = Connecté·e : { $name }
staff-home-title = Campagnes
staff-forbidden-title = Accès refusé
staff-forbidden-body = Votre rôle ne permet pas d'ouvrir cette page.
staff-no-campaigns = Aucune campagne pour l'instant.
staff-campaigns-caption = Campagnes de vos établissements, avec le nombre de réponses (jamais les réponses elles-mêmes)

# Espace équipe : campagnes
campaign-new = Nouvelle campagne
campaign-create = Créer la campagne
campaign-title-label = Titre de la campagne
campaign-status = État
campaign-status-open = ouverte
campaign-status-closed = fermée
campaign-submitted = Réponses envoyées
campaign-in-progress = Réponses commencées
campaign-audience = Public invité
campaign-audience-hint = Une phrase que les patients comprendront, par exemple « Les personnes hospitalisées en cardiologie en novembre ».
campaign-distribution = Diffusion
campaign-open-link = Lien ouvert (réponses anonymes)
campaign-invitations-only = Invitations individuelles (réponses pseudonymes)
campaign-k = Taille minimale des groupes (k)
campaign-k-hint = Aucun résultat n'est montré pour moins de k personnes. 5 par défaut, au moins 3.
campaign-languages = Langues proposées
campaign-closes-on = Date de fermeture
campaign-results-on = Date de retour des résultats
campaign-results-hint = La date à laquelle vous vous engagez à rendre les résultats et les décisions aux répondants. Elle leur est annoncée.
campaign-institution = Établissement
campaign-questionnaire = Questionnaire publié
campaign-invitations = Invitations
campaign-invitations-count = { $issued } créées, { $used } utilisées
campaign-invitations-help = Chaque lien ne sert qu'une fois. Le fichier CSV (pour un publipostage ou des SMS) n'est montré qu'une seule fois : Boucle ne garde que des empreintes des liens.
campaign-invitations-number = Nombre de liens à créer
campaign-invitations-download = Créer et télécharger les liens (CSV)
campaign-qr-label = Code QR du lien de la campagne
campaign-qr-download = Télécharger le code QR (SVG, pour une affiche)
campaign-close = Fermer la campagne
campaign-close-confirm = Je confirme : plus aucune réponse ne sera acceptée.
campaign-closed-now = La campagne est fermée.
confirm-close-missing = Cochez la case de confirmation pour fermer la campagne.
invitation-count = Indiquez un nombre de liens entre 1 et 5000.
campaign-error-title = Donnez un titre (200 caractères au plus) et décrivez le public invité.
campaign-error-k = La taille minimale des groupes doit être un nombre entre 3 et 1000.
campaign-error-dates = Vérifiez les dates : la date de retour des résultats est obligatoire, et la fermeture doit venir avant elle.
campaign-error-languages = Proposez au moins le français, et seulement des langues dans lesquelles ce questionnaire est traduit.
campaign-error-questionnaire = Ce questionnaire n'est pas publié ou cet établissement n'est pas le vôtre.

# Espace équipe : journal d'audit
audit-title = Journal d'audit
audit-chain-ok = La chaîne du journal est intacte : aucune entrée n'a été modifiée ni supprimée.
audit-chain-broken = La chaîne du journal est rompue à l'entrée { $id } : une entrée a été modifiée ou supprimée.
audit-filter = Filtrer par action
audit-filter-hint = Début de la clé d'action, par exemple « session » ou « campaign ».
audit-filter-submit = Filtrer
audit-empty = Aucune entrée.
audit-caption = Entrées du journal, les plus récentes d'abord (200 au plus)
audit-when = Quand (UTC)
audit-who = Qui
audit-what = Action
audit-subject = Objet

## Results (return page and results page)
return-everyone-updates = Ces résultats se mettent à jour à chaque nouvelle réponse.
return-everyone-not-yet = Les résultats de tous apparaîtront ici dès que { $k } personnes auront répondu. Revenez par votre lien personnel.
return-everyone-items = Voir les réponses de tous, question par question
results-see = Voir les résultats
results-page-title = Résultats
results-contents = Sommaire des résultats
results-fewer-than = moins de { $k }
results-respondents = { $n ->
    [one] Une personne a répondu pour l'instant.
   *[other] { $n } personnes ont répondu pour l'instant.
}
results-respondents-few = Moins de { $k } personnes ont répondu pour l'instant.
results-response-rate = Taux de réponse : { $pct } des { $invited } personnes invitées.
results-answered = { $answered } réponses, { $missing } sans réponse ({ $pct }).
results-top-box = Réponse la plus favorable : { $pct }.
results-mean = Moyenne { $mean }
results-ci = intervalle de confiance à 95 % de { $low } à { $high }
results-sd = écart type { $sd }
results-median = médiane { $median } (quartiles { $q1 } et { $q3 })
results-item-withheld = Moins de { $k } personnes ont répondu à cette question : ses résultats ne sont pas montrés.
results-scale-withheld = Moins de { $k } scores : les résultats de ce score ne sont pas montrés.
results-scored = { $scored } scores calculés, { $not_scored } impossibles (trop de questions sans réponse).
results-answers-to = Réponses à « { $question } »
results-bands-of = Répartition des scores : { $scale }
results-by-group-of = { $what }, par groupe
results-axis-pct = Pourcentage des réponses
results-axis-mean = Score moyen
results-axis-responses = Nombre de réponses
results-col-answer = Réponse
results-col-count = Nombre
results-col-pct = %
results-col-band = Groupe de scores
results-col-group = Groupe
results-col-responses = Réponses
results-col-scored = Scores
results-col-mean = Moyenne
results-col-ci = Intervalle de confiance à 95 %
results-col-median = Médiane
results-col-week = Semaine
results-col-item = Question
results-col-item-total = Corrélation question-total corrigée
results-col-alpha-if-deleted = Alpha sans cette question
results-col-missing = Sans réponse
results-col-dont-know = « Je ne sais pas »
results-col-floor = Effet plancher
results-col-ceiling = Effet plafond
results-col-free-texts = Textes libres
results-over-time = Réponses au fil du temps
results-week-of = semaine du { $date }
results-scales = Scores
results-items = Question par question
results-breakdown = Par groupe de répondants
results-breakdown-by = Grouper les répondants selon leur réponse à
results-breakdown-campaign = Campagne (comparer les campagnes de ce questionnaire)
results-breakdown-choose = Choisir une question
results-breakdown-show = Afficher
results-breakdown-none = Ce questionnaire n'a pas de question à choix unique pour grouper les répondants.
results-group-sizes = Taille des groupes
results-group-not-answered = Sans réponse
results-co-evaluation = Comment le questionnaire a fonctionné
results-co-evaluation-intro = Pour améliorer la prochaine version avec les patients partenaires : les questions souvent sautées, les « je ne sais pas », les effets plancher et plafond, et la cohérence des scores.
results-alpha = Alpha de Cronbach : { $alpha } (sur { $n } réponses complètes).
results-alpha-withheld = Moins de { $k } réponses complètes : l'alpha de Cronbach n'est pas montré.
results-floor = Effet plancher : { $pct } des scores au minimum.
results-ceiling = Effet plafond : { $pct } des scores au maximum.
results-flag-over-15 = (plus de 15 % : à revoir)
results-item-total-caption = Corrélations question-total
results-quality-items = Chaque question
results-flags-explained = ⚑ signale plus de 10 % sans réponse, ou plus de 15 % de réponses au minimum ou au maximum : ces questions sont à revoir avec les co-auteurs.
results-most-skipped = Question la plus souvent sautée : « { $question } » ({ $pct }).
results-most-dont-know = Question avec le plus de « je ne sais pas » : « { $question } » ({ $pct }).
results-withheld-legend = Non montré : moins de personnes que le seuil
results-axis-score = Score
results-your-position = { $below } des personnes ont un score plus bas que le vôtre, { $above } un score plus haut.
results-your-position-below = { $below } des personnes ont un score plus bas que le vôtre.
results-your-position-above = { $above } des personnes ont un score plus haut que le vôtre.
results-you = Vous : { $score }
results-distribution-of = Répartition des scores : { $scale }
results-trend-of = { $scale } : moyenne par mois
results-col-month = Mois
results-downloads = Téléchargements
results-downloads-intro = Les réponses sans identité (ni nom, ni date précise, ni texte libre), une ligne par réponse, avec le dictionnaire des variables. Chaque téléchargement est inscrit au journal.
results-download-csv = Réponses (CSV)
results-download-codebook = Dictionnaire des variables (CSV)
results-download-parquet = Réponses (Parquet, pour R, Python ou un entrepôt de données)
results-download-chart = Télécharger ce graphique (SVG)
results-downloads-not-allowed = Les réponses ligne par ligne sont réservées aux professionnels, à l'équipe qualité et aux administrateurs. Les graphiques peuvent être téléchargés.
# Espace équipe : personnes et rôles (administrateurs)
people-title = Personnes
people-manage-link = Gérer les personnes et leurs rôles
people-caption = Personnes ayant un rôle dans vos établissements
people-email = Adresse e-mail
people-roles = Rôles
people-role-at = { $role } ({ $institution })
people-status = État du compte
people-status-active = actif
people-status-invited = invité, pas encore connecté
people-status-disabled = désactivé
people-last-sign-in = Dernière connexion (UTC)
people-never = jamais
people-you = (vous)
people-back = Toutes les personnes
people-invite-title = Inviter une personne
people-invite-help = Si l'adresse n'a pas encore de compte, Boucle le crée et affiche une seule fois un lien de connexion, valable 7 jours, à transmettre à la personne (l'envoi par e-mail n'est pas encore disponible). Si elle a déjà un compte, elle reçoit le rôle et se connecte comme d'habitude.
people-invite-name = Nom et prénom
people-invite-name-hint = Tel que les collègues le verront. Inutile si la personne a déjà un compte.
people-invite-role = Rôle
people-invite-submit = Inviter
people-role-in = Rôle à { $institution }
people-role-submit = Changer le rôle
people-remove-confirm = Je confirme : { $name } n'aura plus ce rôle à { $institution }.
people-remove-submit = Retirer ce rôle
people-account = Compte
people-disable-confirm = Je confirme : les sessions de { $name } sont fermées et le compte ne peut plus se connecter.
people-disable-submit = Désactiver le compte
people-enable-submit = Réactiver le compte
people-link-title = Lien de connexion
people-link-help = Ce lien vient de lui être envoyé par e-mail. Il ne sert qu'une fois et expire dans 7 jours. Il n'est montré qu'une seule fois : si l'e-mail n'arrive pas, copiez-le maintenant et transmettez-le à la personne par un moyen sûr. Boucle n'en garde qu'une empreinte.
people-link-new = Créer un nouveau lien de connexion
people-link-new-help = Pour un mot de passe oublié ou une invitation expirée. Les liens créés avant ne fonctionneront plus.
people-own-account-note = C'est votre compte : vous ne pouvez pas le désactiver vous-même.
people-shared-account-note = Cette personne a aussi un rôle dans un établissement que vous n'administrez pas : ici, vous pouvez changer ses rôles chez vous, mais pas désactiver son compte ni lui créer un lien de connexion.
people-done-invited = La personne est invitée : son lien lui est envoyé par e-mail.
people-done-role-added = Le rôle est ajouté à son compte existant : elle se connecte comme d'habitude.
people-done-role-held = Cette personne a déjà ce rôle.
people-done-role-changed = Le rôle est changé.
people-done-role-removed = Le rôle est retiré.
people-done-disabled = Le compte est désactivé et ses sessions sont fermées.
people-done-enabled = Le compte est réactivé.
people-done-link = Un nouveau lien de connexion est créé et envoyé par e-mail.
people-error-email = Indiquez une adresse e-mail valide.
people-error-name = Indiquez le nom de la personne (200 caractères au plus).
people-error-role = Choisissez un des rôles proposés.
people-error-last-admin = C'est le dernier administrateur de cet établissement : nommez d'abord un autre administrateur.
people-error-own-account = Vous ne pouvez ni désactiver votre propre compte ni vous créer un lien de connexion.
people-error-shared-account = Cette personne a aussi un rôle dans un établissement que vous n'administrez pas : seul un administrateur de tous ses établissements peut désactiver son compte ou lui créer un lien.
people-error-disabled = Ce compte est désactivé : réactivez-le d'abord.
people-error-confirm = Cochez la case de confirmation.

## Messages envoyés par e-mail (texte brut)
mail-signin-subject = Votre lien pour vous connecter à Boucle
mail-signin-body =
    Bonjour { $name },

    Pour vous connecter à Boucle, ouvrez ce lien :
    { $link }

    Il ne sert qu'une fois et expire dans { $minutes } minutes.

    Si vous n'avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce lien.
mail-invitation-subject = Votre invitation à Boucle
mail-invitation-body =
    Bonjour { $name },

    Vous êtes invité·e à rejoindre Boucle. Pour choisir votre mot de passe et vous connecter, ouvrez ce lien :
    { $link }

    Il ne sert qu'une fois et expire dans 7 jours.
mail-return-subject = Votre lien personnel : { $campaign }
mail-return-body =
    Bonjour,

    Merci d'avoir répondu au questionnaire « { $campaign } ».

    Voici votre lien personnel. Avec lui, vous pourrez voir vos résultats, les résultats de tous, ce qui a été décidé, et retirer vos réponses :
    { $link }

    { $promise }

    Gardez ce lien pour vous : il donne accès à vos réponses. Nous ne gardons pas ce message.

## Lien personnel par e-mail (page de remerciement, page de retour)
receipt-email-title = Recevoir ce lien par e-mail
receipt-email-explain = Facultatif. Nous vous envoyons ce lien une fois. Votre adresse n'est pas jointe à vos réponses.
receipt-email-label = Votre adresse e-mail
receipt-email-hint = Par exemple : nom@exemple.fr
receipt-email-notify = Me prévenir aussi par e-mail quand les résultats et les décisions sont publiés (mon adresse est alors gardée à part de mes réponses, jusqu'à ce que je l'efface)
receipt-email-submit = Envoyer le lien
receipt-email-sent = C'est envoyé. Le message peut mettre quelques minutes à arriver ; regardez aussi dans les courriers indésirables.
receipt-email-sent-notify = C'est envoyé, et nous vous préviendrons quand les résultats et les décisions seront publiés. Vous pourrez effacer votre adresse depuis votre lien personnel.
receipt-email-error-address = Cette adresse e-mail n'est pas valide : il faut un nom, un @ et un domaine, par exemple nom@exemple.fr.
receipt-email-error-limit = Ce lien a déjà été envoyé trois fois. Pour votre sécurité, nous ne l'envoyons plus : gardez-le depuis cette page ou son code QR.
return-contact-title = Votre adresse e-mail
return-contact-kept = Nous gardons votre adresse { $email } pour vous prévenir quand les résultats et les décisions de cette enquête sont publiés. Elle est gardée à part de vos réponses.
return-contact-forget = Effacer mon adresse
return-contact-forgotten = Votre adresse est effacée : nous ne vous écrirons plus.

## Connexion par lien envoyé par e-mail
signin-link-title = Recevoir un lien de connexion par e-mail
signin-link-explain = Sans mot de passe : nous envoyons un lien à votre adresse. Il ne sert qu'une fois et expire dans 15 minutes.
signin-link-email = Envoyer le lien à cette adresse
signin-link-submit = Recevoir un lien
signin-link-sent = Si un compte existe pour cette adresse, un lien de connexion vient d'y être envoyé. Il expire dans 15 minutes ; regardez aussi dans les courriers indésirables.
signin-link-use-title = Se connecter avec le lien reçu
signin-link-use-intro = Vous allez vous connecter à Boucle en tant que { $name }.
signin-link-use-submit = Me connecter
signin-link-invalid = Ce lien de connexion ne fonctionne plus : il a déjà servi ou il a expiré (il ne dure que 15 minutes).
signin-link-ask-again = Demander un nouveau lien

## Données identifiantes (administrateurs)
campaign-contacts-title = Adresses laissées par les répondants
campaign-contacts-count = { $count ->
    [0] Aucun répondant n'a laissé d'adresse pour être prévenu des résultats.
    [one] Un répondant a laissé son adresse pour être prévenu des résultats et des décisions.
   *[other] { $count } répondants ont laissé leur adresse pour être prévenus des résultats et des décisions.
}
campaign-contacts-help = Ces adresses ne sont jamais reliées aux réponses. Seuls les administrateurs peuvent les télécharger, et chaque téléchargement est inscrit au journal.
campaign-contacts-download = Télécharger les adresses (CSV)
people-download = Télécharger la liste des personnes et de leurs rôles (CSV, inscrit au journal)

## Projets d'amélioration
projects-title = Projets
projects-intro = Un projet réunit patients partenaires et professionnels autour d'un besoin écrit ensemble, puis des questionnaires, des campagnes et des décisions.
project-new = Commencer un projet
project-title-label = Titre du projet
project-need-label = Le besoin, écrit ensemble (facultatif pour commencer)
project-need-hint = Ce qui ne va pas aujourd'hui, pour qui, et ce que le projet veut changer. Tous les membres pourront le réécrire.
project-create = Créer le projet
project-not-member = vous n'êtes pas membre
project-members-count = { $count ->
    [one] 1 membre
   *[other] { $count } membres
}
project-your-role = Votre rôle :
project-need-title = Le besoin
project-need-empty = Le besoin n'est pas encore écrit.
project-need-by = Écrit par { $name }, le { $when } (UTC)
project-need-history = { $count ->
    [one] Voir la version précédente
   *[other] Voir les { $count } versions précédentes
}
project-need-edit = Réécrire le besoin
project-need-edit-hint = Si quelqu'un d'autre l'enregistre pendant que vous écrivez, votre texte n'est pas perdu : vous choisirez lequel garder.
project-need-save = Enregistrer
project-conflict-title = Quelqu'un a modifié le besoin pendant que vous écriviez
project-conflict-explain = Votre texte est gardé. Lisez les deux versions, puis choisissez celle qui devient le besoin du projet ; vous pourrez encore la réécrire ensuite.
project-conflict-yours = Votre version
project-conflict-current = La version actuelle
project-conflict-keep-mine = Garder ma version
project-conflict-keep-theirs = Garder la version actuelle
project-members-title = Membres
project-role-patient-partner = patient partenaire
project-role-professional = professionnel de santé
project-role-quality-team = équipe qualité
project-role-observer = observateur
project-role-of = Rôle de { $name } dans le projet
project-role-submit = Changer le rôle
project-remove-member = Retirer { $name } du projet
project-add-member = Ajouter un membre
project-person-label = Personne de l'établissement
project-role-label = Rôle dans le projet
project-add-member-submit = Ajouter au projet
project-done-created = Le projet est créé. Ajoutez maintenant ses membres, patients partenaires compris.
project-done-need = Le besoin est enregistré.
project-done-unchanged = Le texte n'a pas changé.
project-done-conflict = Quelqu'un a enregistré le besoin avant vous : votre texte est gardé ci-dessous, choisissez la version à garder.
project-done-kept = Votre version est maintenant le besoin du projet.
project-done-dropped = Votre version est écartée ; la version actuelle reste le besoin du projet.
project-done-member-added = Le membre est ajouté.
project-done-member-changed = Le rôle est changé.
project-done-member-removed = Le membre est retiré du projet.
project-error-title = Indiquez un titre (200 caractères au plus).
project-error-need = Le besoin est trop long (20 000 caractères au plus).
project-error-person = Choisissez une personne de l'établissement.
project-error-role = Choisissez un des rôles proposés.
project-error-last-lead = Un projet garde au moins un professionnel de santé ou un membre de l'équipe qualité pour gérer ses membres.
project-error-conflict-settled = Ce conflit est déjà réglé.

## Brouillons et suggestions
project-drafts-title = Questionnaires en préparation
project-drafts-empty = Aucun questionnaire en préparation pour l'instant.
draft-source-label = Partir d'un questionnaire publié
draft-start = Commencer un brouillon
draft-revision = { $count ->
    [0] Aucune suggestion acceptée pour l'instant.
    [one] 1 suggestion acceptée.
   *[other] { $count } suggestions acceptées.
}
draft-rule = Un brouillon change seulement par des suggestions acceptées : il faut l'accord d'au moins un patient partenaire et d'un professionnel (ou de l'équipe qualité), et personne ne décide seul.
draft-items-title = Les questions du brouillon
draft-error-source = Choisissez un des questionnaires publiés.
suggestions-title = Suggestions
suggestions-empty = Aucune suggestion pour l'instant.
suggestion-new = Proposer une reformulation
suggestion-new-help = Votre proposition ne change pas le brouillon tout de suite : les autres membres l'approuvent ou la refusent, en disant pourquoi.
suggestion-item-label = Question à reformuler
suggestion-language-label = Langue
suggestion-text-label = Nouvelle formulation
suggestion-rationale-label = Pourquoi ce changement ?
suggestion-submit = Proposer
suggestion-title = Question { $item }, en { $language }
suggestion-by = Proposée par { $name }
suggestion-status-open = en attente de décision
suggestion-status-accepted = acceptée
suggestion-status-rejected = refusée
suggestion-now = Aujourd'hui :
suggestion-proposed = Proposé :
suggestion-why = Pourquoi :
suggestion-decision-reason = Raison du refus :
suggestion-approved-by = Approuvée par
suggestion-rejected-by = Refusée par
suggestion-needs-patient-partner = Il manque l'accord d'un patient partenaire.
suggestion-needs-professional = Il manque l'accord d'un professionnel ou de l'équipe qualité.
suggestion-needs-someone-else = Il manque l'accord d'un autre membre que l'auteur.
suggestion-reason-label = Votre raison (obligatoire pour refuser)
suggestion-approve = Approuver
suggestion-reject = Refuser
suggestion-error-item = Choisissez une question du brouillon.
suggestion-error-language = Choisissez une des langues du questionnaire.
suggestion-error-wording = Écrivez la nouvelle formulation (1 000 caractères au plus).
suggestion-error-reason = Dites pourquoi (2 000 caractères au plus) : c'est obligatoire pour proposer comme pour refuser.
suggestion-error-decided = Cette suggestion est déjà décidée.
suggestion-error-own = Votre proposition compte déjà comme votre accord : un autre membre doit décider.
suggestion-error-voted = Vous avez déjà donné votre avis sur cette suggestion.
project-done-draft-started = Le brouillon est créé : proposez des reformulations.
project-done-proposed = Votre suggestion est proposée aux autres membres.
project-done-voted = Votre avis est enregistré ; la suggestion attend encore d'autres accords.
project-done-accepted = La suggestion est acceptée : le brouillon a changé.
project-done-rejected = La suggestion est refusée ; elle reste visible avec sa raison.
draft-changes-title = Ce qui a changé depuis { $base }
draft-changes-none = Rien pour l'instant : le brouillon est identique à la version publiée.
draft-change-item = Question { $item } :
draft-change-reworded = reformulée ({ $languages }).
draft-change-other = modifiée.
draft-change-comparable = Ses réponses restent comparables avec la version publiée.
draft-change-not-comparable = Ses réponses ne seront plus comparables avec la version publiée.
draft-comparable = { $count } questions sur { $total } gardent des réponses comparables avec la version publiée : les résultats pourront être comparés sur celles-là.
suggestion-thread = { $count ->
    [0] Discuter de cette suggestion
    [one] 1 message
   *[other] { $count } messages
}
suggestion-comment-by = { $name }, le { $when } (UTC)
suggestion-comment-label = Votre message
suggestion-comment-submit = Envoyer le message
suggestion-error-comment = Écrivez votre message (2 000 caractères au plus).
project-done-commented = Votre message est ajouté à la discussion.
readability-score = Lisibilité : { $score } ({ $level }), phrase la plus longue : { $words } mots.
readability-easy = facile
readability-medium = moyenne
readability-hard = difficile
readability-long-sentence = La phrase { $sentence } a { $words } mots : coupez-la (15 au plus).
readability-long-words = Mots longs : { $words }.
readability-jargon = Jargon à éviter : { $terms }.

## Co-design: the question editor, scores, publishing, credits
project-done-publication-proposed = Votre proposition de publier est enregistrée : elle attend l'accord des autres membres.
project-done-named = Votre nom apparaîtra dans les remerciements des prochaines versions publiées.
project-done-unnamed = Votre nom n'apparaîtra plus dans les remerciements des prochaines versions ; vous restez compté parmi les co-concepteurs.
change-error-invalid = Cette modification laisserait une erreur dans le questionnaire ; rien n'a été proposé.
change-error-nothing = Vous n'avez rien changé : modifiez au moins un champ avant de proposer.
change-error-option-value = La valeur d'une réponse doit être un nombre entier (ou rester vide si la réponse ne compte pas dans le score).
change-error-option-order = L'ordre d'une réponse doit être un nombre.
change-error-options = Une des réponses est trop longue (1 000 caractères au plus).
change-error-bounds = Le minimum et le maximum doivent être des nombres (entiers pour une échelle de notes).
change-error-type = Choisissez un des types de question proposés.
change-error-place = Choisissez où placer la question.
change-error-bands = Chaque ligne des tranches doit ressembler à « 0-4 = Minime | Minimal ».
change-error-method = Choisissez un mode de calcul.
change-error-min-answered = Indiquez le nombre minimum de réponses (un nombre entier).
publish-error-incomplete = Le brouillon n'est pas prêt à être publié : complétez ce qui est indiqué.
publish-error-slug = Cet identifiant ne peut pas servir : lettres minuscules, chiffres et tirets, et pas celui d'un questionnaire d'une autre institution ou de la bibliothèque.
publish-error-version = La version doit s'écrire MAJEUR.MINEUR.CORRECTIF (par exemple 1.1.0) et être plus récente que la dernière publiée.
problem-in-draft = { $code ->
    [no_items] Le questionnaire n'a encore aucune question.
    [empty_section] Une partie n'a aucune question.
    [missing_translation] Une traduction manque encore.
    [unknown_item_reference] Une condition d'affichage renvoie à une question qui n'existe plus.
    [forward_reference] Une condition d'affichage renvoie à une question placée après elle.
    [band_out_of_range] Une tranche de score dépasse ce que le score peut atteindre.
    [band_gap] Des scores possibles ne tombent dans aucune tranche.
    [band_overlap] Des tranches de score se chevauchent ou sont dans le désordre.
    [invalid_min_answered] Le minimum de réponses d'un score est 0 ou dépasse son nombre de questions.
    [non_scorable_scale_item] Un score compte une question qui ne peut pas être notée.
    [no_options] Une question à choix n'a pas assez de réponses.
    [duplicate_option_code] Deux réponses d'une question ont le même code.
    [empty_text] Un texte est vide.
    [invalid_range] Un minimum est plus grand que son maximum.
   *[other] Le questionnaire ne serait pas valide ({ $code }).
}
change-reword = Question { $item } : nouvelle formulation ({ $language }) « { $text } »
change-add-item = Nouvelle question { $item } ({ $type }) : « { $text } »
change-remove-item = Retirer la question { $item }
change-move-item-after = Déplacer la question { $item } après { $after }
change-move-item-first = Déplacer la question { $item } en tête de sa partie
change-options = Question { $item } : les réponses deviennent { $options }
change-explain = Question { $item } : « pourquoi nous demandons » devient « { $why } » ; version facile à lire « { $easy } »
change-set-scale = Score { $scale } : calculé sur { $items } ; { $bands } tranches
change-remove-scale = Retirer le score { $scale }
item-type-single-choice = choix unique
item-type-likert = échelle de fréquence ou d'accord
item-type-multiple-choice = choix multiples
item-type-yes-no = oui ou non
item-type-rating-scale = échelle de notes
item-type-number = nombre
item-type-date = date
item-type-short-text = texte court
item-type-long-text = texte long
item-type-display = texte à lire (sans réponse)
place-first = { $section } : au début
place-after = { $section } : après { $item }
editor-open = Proposer de modifier la question { $item }
editor-wording = Formulation
editor-why = Pourquoi nous demandons
editor-easy = Version facile à lire
editor-options = Réponses proposées
editor-option = Réponse { $number }
editor-new-option = Nouvelle réponse
editor-option-label = Texte
editor-option-value = Valeur pour le score
editor-option-order = Ordre
editor-option-remove = Retirer cette réponse
editor-place = Place dans le questionnaire
editor-remove = Retirer cette question du questionnaire
editor-submit = Proposer ces changements
editor-new-question = Proposer une nouvelle question
editor-type = Type de question
editor-options-hint = Une réponse par ligne : la valeur pour le score (facultative), « = », puis le texte dans chaque langue séparé par « | ». Exemple : 0 = Jamais | Never
editor-min = Minimum (nombre ou échelle de notes)
editor-max = Maximum (nombre ou échelle de notes)
editor-required = Réponse obligatoire
item-thread = Discussion sur cette question ({ $count })
item-comment-label = Votre message sur cette question
scales-title = Scores
scales-none = Ce questionnaire ne calcule aucun score.
scale-open = Proposer de modifier le score { $scale }
scale-title-label = Nom du score
scale-items = Questions comptées
scale-reverse = Questions comptées à l'envers
scale-method = Calcul
scale-method-sum = somme
scale-method-mean = moyenne
scale-method-mean-rescaled = moyenne ramenée sur 100
scale-min-answered = Nombre minimum de réponses pour calculer le score
scale-prorate = Compléter une somme incomplète (moyenne des réponses × nombre de questions)
scale-bands = Tranches d'interprétation
scale-bands-hint = Une tranche par ligne : « min-max = nom en français | nom en anglais ». Exemple : 0-4 = Minime | Minimal
scale-remove = Retirer ce score
publish-title = Publier une version
publish-help = Publier crée une version qui ne changera plus, avec la liste des changements acceptés. Il faut l'accord d'au moins un patient partenaire et d'un professionnel.
publish-unfinished = Avant de publier, il reste à compléter :
publish-slug = Identifiant du questionnaire
publish-version = Numéro de version
publish-notes = Pourquoi publier maintenant (affiché avec la version)
publish-submit = Proposer de publier
publication-title = Publier comme { $slug } { $version }
suggestion-changes-title = { $count ->
    [one] Un changement proposé
   *[other] { $count } changements proposés, faits ensemble
}
draft-preview-title = Aperçu : ce que verront les personnes qui répondent
draft-preview-help = Le questionnaire tel qu'il est maintenant, à la largeur d'un téléphone. Répondez pour essayer : les questions qui dépendent d'une réponse apparaissent ou disparaissent comme pour les patients. Changez la langue de la page pour le voir dans une autre langue.
draft-source-empty = Un questionnaire vide
draft-title-label = Titre (pour un questionnaire vide)
draft-title-hint = Le titre sert aussi à former l'identifiant du questionnaire.
credits-title = Remerciements
credits-named = Vous avez accepté que votre nom figure parmi les co-concepteurs des versions publiées.
credits-not-named = Les versions publiées indiquent combien de patients partenaires et de professionnels les ont conçues. Votre nom n'y figure que si vous l'acceptez.
credits-name = Faire figurer mon nom
credits-unname = Ne plus faire figurer mon nom
history-title = Versions et changements
history-version = Version { $version }, publiée le { $when }
history-credit = Conçu avec { $partners ->
    [one] un patient partenaire
   *[other] { $partners } patients partenaires
} et { $professionals ->
    [one] un professionnel
   *[other] { $professionals } professionnels
} ({ $project }).
history-names = Avec : { $names }.
history-notes = Pourquoi cette version :
history-changelog = Changements décidés ensemble
history-change-by = Proposé par : { $by } ; approuvé par : { $approvers } ; le { $when }.
history-rationale = Pourquoi : « { $text } »
history-diff = Depuis { $previous } : { $added } question(s) ajoutée(s), { $removed } retirée(s), { $changed } modifiée(s) ; { $comparable } question(s) restent comparables.
history-first = Première version publiée.
change-describe = Nouveau titre, introduction et « qui demande et pourquoi » : « { $title } »
editor-describe = Proposer de modifier le titre et la présentation
editor-title = Titre
editor-introduction = Introduction
editor-who = Qui demande et pourquoi
project-done-jargon = La liste de jargon du projet est enregistrée : les vérifications de lisibilité en tiennent compte.
jargon-title = Jargon à éviter
jargon-help = Les vérifications de lisibilité signalent ces mots dans chaque question du projet, en plus d'une liste par défaut. Ajoutez les sigles et les termes de votre service que les patients ne connaissent pas.
jargon-defaults = Mots déjà signalés par défaut
jargon-label = Mots du projet, un par ligne
jargon-hint = Par exemple : HDJ, ambulatoire, prise en charge. 200 mots au plus, de 60 caractères au plus.
jargon-save = Enregistrer la liste
jargon-error = La liste de jargon garde au plus 200 mots, de 60 caractères au plus chacun, un par ligne.
change-add-section = Nouvelle partie { $section } : « { $title } »
change-rename-section = La partie { $section } s'appelle maintenant « { $title } »
change-remove-section = Retirer la partie { $section } (vide)
change-item-condition = Question { $item } : affichée { $condition }
change-section-condition = Partie { $section } : affichée { $condition }
change-add-language = Ajouter la langue { $language } (les traductions restent à écrire)
condition-always = toujours
condition-yes = oui
condition-no = non
condition-answered = si la question { $item } a une réponse
condition-equals = si la réponse à { $item } est « { $value } »
condition-not-equals = si la réponse à { $item } n'est pas « { $value } »
condition-greater-than = si la réponse à { $item } est plus grande que { $value }
condition-less-than = si la réponse à { $item } est plus petite que { $value }
condition-includes = si la réponse à { $item } comprend « { $value } »
condition-all = si toutes ces conditions sont remplies : { $conditions }
condition-any = si l'une de ces conditions est remplie : { $conditions }
change-error-condition = Choisissez quand afficher : toujours, ou selon une réponse.
change-error-condition-item = Choisissez la question dont dépend l'affichage.
change-error-condition-value = La valeur ne correspond pas à la question choisie : oui ou non, une des réponses proposées, ou un nombre.
change-error-section = Cette partie n'existe plus dans le brouillon.
change-error-section-not-empty = Cette partie contient encore des questions : déplacez-les ou retirez-les d'abord.
change-error-last-section = Le questionnaire garde au moins une partie.
change-error-language = Indiquez une nouvelle langue par son code à deux lettres (par exemple nl pour le néerlandais).
editor-condition-item = Quand afficher cette question
editor-condition-section = Quand afficher cette partie
editor-condition-now = Aujourd'hui : affichée { $condition }.
editor-condition-none = Aucune question avant : affichée toujours.
editor-condition-when = Afficher
editor-condition-keep = Ne rien changer
editor-condition-op-answered = si la question choisie a une réponse
editor-condition-op-equals = si la réponse est…
editor-condition-op-not-equals = si la réponse n'est pas…
editor-condition-op-greater-than = si la réponse est plus grande que…
editor-condition-op-less-than = si la réponse est plus petite que…
editor-condition-op-includes = si les réponses cochées comprennent…
editor-condition-question = Question dont dépend l'affichage
editor-condition-value = Valeur
editor-condition-value-hint = Oui ou non, une des réponses proposées (son texte), ou un nombre.
sections-title = Parties du questionnaire
sections-help = Les questions sont regroupées en parties. Une partie peut n'apparaître que selon une réponse donnée dans une partie précédente.
section-untitled = Partie { $number }
section-count = { $count ->
    [0] aucune question
    [one] une question
   *[other] { $count } questions
}
section-edit = Modifier « { $section } »
section-title-label = Titre de la partie
section-remove = Retirer cette partie (elle est vide)
section-new = Ajouter une partie
section-where = Où la placer
section-first = En premier
section-after = Après « { $section } »
section-add = Proposer cette partie
languages-title = Langues
languages-now = Le questionnaire est écrit en : { $languages }.
languages-add-label = Ajouter une langue (code à deux lettres)
languages-add-hint = Par exemple nl pour le néerlandais, de pour l'allemand. Chaque texte attend ensuite sa traduction, à côté des autres langues.
languages-add = Proposer cette langue
live-check-ok = Votre proposition : { $changes }.
live-check-title = Vérification pendant que vous écrivez
project-done-campaign-linked = La campagne est rattachée au projet : ses membres peuvent en écrire les constats et le plan d'action.
plan-error-campaign = Choisissez une campagne de l'établissement qui n'appartient pas à un autre projet.
project-campaigns-title = Campagnes et plans d'action
project-campaigns-help = Pour chaque campagne du projet, les membres écrivent ensemble ce qu'ils constatent dans les résultats, décident des actions, puis publient le tout aux personnes qui ont répondu.
project-campaigns-none = Aucune campagne n'est encore rattachée à ce projet.
project-campaign-link-label = Rattacher une campagne de l'établissement
project-campaign-link = Rattacher
plan-title = Constats et plan d'action : { $campaign }
plan-help = Chaque constat s'appuie sur des questions ou des scores de la campagne. Chaque action a un responsable, une échéance et un état ; l'adopter ou la refuser se décide ensemble, comme la publication aux répondants.
plan-results-link = Voir les résultats de la campagne
findings-title = Constats
findings-none = Aucun constat pour l'instant.
finding-new = Écrire un constat
finding-statement = Ce que nous constatons, en mots simples
finding-statement-hint = Par exemple : « Beaucoup de personnes ne savent pas qui appeler après leur sortie. » 2 000 caractères au plus.
finding-evidence-legend = Sur quoi il s'appuie (questions et scores de la campagne)
finding-add = Ajouter le constat
finding-by = Écrit par { $name } le { $date }
finding-evidence = Appuyé sur :
actions-title = Actions
actions-none = Aucune action proposée pour ce constat.
action-new = Proposer une action
action-what = Ce qui sera fait
action-owner-label = Qui s'en charge
action-due-label = Pour quand (facultatif)
action-propose = Proposer l'action
action-owner = Responsable : { $owner }
action-due = échéance : { $date }
action-no-due = sans échéance
action-reason = Raison :
action-history = Historique
action-move-label = Nouvel état
action-move-reason = Pourquoi (obligatoire pour abandonner)
action-move-submit = Changer l'état
action-status-proposed = Proposée
action-status-adopted = Adoptée
action-status-rejected = Refusée
action-status-in-progress = En cours
action-status-done = Réalisée
action-status-abandoned = Abandonnée
plan-publication-title = Publier aux répondants
plan-publication-help = Publier montre les constats et les actions décidées (avec la raison des refus) aux personnes qui ont répondu, depuis leur lien privé. Il faut l'accord d'au moins un patient partenaire et d'un professionnel.
plan-unpublished = Le plan n'est pas encore publié.
plan-published = Publié aux répondants le { $date }.
plan-publication-rejected = La dernière proposition de publier a été refusée.
plan-publication-open = { $name } propose de publier le plan aux répondants.
plan-publication-propose = Proposer de publier
plan-done-finding = Le constat est ajouté.
plan-done-action-proposed = L'action est proposée : elle attend l'accord des autres membres.
plan-done-action-voted = Votre avis est enregistré ; l'action attend encore d'autres accords.
plan-done-action-adopted = L'action est adoptée.
plan-done-action-declined = L'action est refusée ; elle reste visible avec sa raison.
plan-done-action-moved = L'état de l'action est changé.
plan-done-plan-proposed = Votre proposition de publier attend l'accord des autres membres.
plan-done-plan-voted = Votre avis est enregistré ; la publication attend encore d'autres accords.
plan-done-plan-adopted = Le plan est publié : les répondants le voient depuis leur lien.
plan-done-plan-declined = La publication est refusée ; la raison est gardée.
plan-error-finding = Écrivez le constat (2 000 caractères au plus) et choisissez ses appuis parmi les questions et scores de la campagne.
plan-error-action = Dites ce qui sera fait (1 000 caractères au plus).
plan-error-owner = Indiquez qui s'en charge.
plan-error-due = L'échéance doit être une date.
plan-error-empty = Écrivez au moins un constat avant de publier.
plan-error-together = Adopter ou refuser une action se décide ensemble : votez sur la proposition.
plan-error-status = Cette action ne peut pas passer à cet état.
return-decisions-title = Ce que nous avons constaté, ce que nous avons décidé
return-decisions-published = Publié le { $date } par l'équipe du projet, patients partenaires et professionnels ensemble.
mail-plan-subject = Les suites de « { $campaign } »
mail-plan-body =
    Bonjour,

    Vous avez répondu au questionnaire « { $campaign } ». L'équipe du projet, patients partenaires et professionnels ensemble, a publié ce qu'elle a constaté dans les réponses et ce qu'elle a décidé de faire.

    Pour le lire, ouvrez le lien privé que vous avez reçu après avoir répondu.

    Vous recevez ce message parce que vous avez demandé à être prévenu. Vous pouvez effacer votre adresse depuis ce même lien.
mail-action-done-subject = Une action est réalisée : « { $campaign } »
mail-action-done-body =
    Bonjour,

    Après le questionnaire « { $campaign } », une action décidée avec les patients est maintenant réalisée : { $action }

    Le détail est sur le lien privé que vous avez reçu après avoir répondu.

    Vous recevez ce message parce que vous avez demandé à être prévenu. Vous pouvez effacer votre adresse depuis ce même lien.
loop-title = La boucle se referme-t-elle ?
loop-opened = { $percent } % des répondants ont ouvert les résultats et les décisions publiés.
loop-opened-none = Pas encore publié : personne n'a pu lire les résultats et les décisions.
loop-days = { $days ->
    [one] Un jour entre la fin des réponses et la publication.
   *[other] { $days } jours entre la fin des réponses et la publication.
}
loop-days-open = La campagne reçoit encore des réponses.
loop-promised = Date promise aux répondants : { $date }.
loop-late = En retard sur la date promise.
loop-answered = { $answered } proposition(s) d'action tranchée(s) sur { $proposals }.
loop-on-time = { $done } action(s) réalisée(s) à temps sur { $due } arrivée(s) à échéance.
roadmap-link = Feuille de route imprimable
roadmap-title = Feuille de route : { $campaign }
roadmap-back = Retour au plan d'action
roadmap-print = Imprimez cette page (ou enregistrez-la en PDF) pour le comité qualité : une ligne par action.
roadmap-caption = Les actions du plan : quoi, qui, pour quand, où elles en sont.
roadmap-what = Action (et le constat qu'elle traite)
roadmap-who = Responsable
roadmap-when = Échéance
roadmap-status = État
return-since-you-answered = Depuis votre réponse : { $adopted ->
    [0] aucune action adoptée
    [one] une action adoptée
   *[other] { $adopted } actions adoptées
}, { $done ->
    [0] aucune réalisée
    [one] une réalisée
   *[other] { $done } réalisées
}, { $rejected ->
    [0] aucune proposition refusée.
    [one] une proposition refusée (la raison est donnée).
   *[other] { $rejected } propositions refusées (les raisons sont données).
}
loop-dashboard-title = La boucle
loop-dashboard-help = Pour chaque campagne : les répondants ont-ils lu ce qui leur a été rendu, les résultats et décisions sont-ils arrivés à la date promise, les propositions ont-elles été tranchées, les actions réalisées à temps ?
loop-no-campaign = Aucune campagne pour l'instant.
loop-table-caption = La boucle, campagne par campagne
loop-col-campaign = Campagne
loop-col-opened = Répondants ayant lu le retour
loop-col-days = Jours jusqu'à la publication
loop-col-promised = Date promise
loop-col-answered = Propositions tranchées
loop-col-on-time = Actions réalisées à temps
loop-cell-none = —
loop-cell-open = en cours
loop-chart-days = Jours entre la fin des réponses et la publication
loop-chart-days-axis = jours
loop-chart-opened = Part des répondants ayant lu le retour
loop-chart-opened-axis = %
loop-chart-campaign = Campagne
