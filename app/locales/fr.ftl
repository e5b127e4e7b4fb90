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
receipt-link-keep = Gardez ce lien pour vous : c'est le seul moyen de retrouver vos réponses. Nous ne pouvons pas vous le renvoyer.
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
