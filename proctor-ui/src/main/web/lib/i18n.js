/**
 * Every word the pages show, and the formatting of dates and durations. One table per language; a key
 * missing from a language falls back to English. Pages mark static text with data-i18n="key" (text) and
 * data-i18n-attr="attribute:key;attribute:key"; code calls t(key, params).
 */

const messages = {
  en: {
    'app.name': 'Emtihan',
    'app.noscript': 'This page needs JavaScript to work.',
    'app.skip': 'Skip to content',
    'app.loading': 'Loading…',
    'app.logout': 'Log out',
    'app.signedInAs': 'Signed in as {name}',

    'login.title': 'Sign in — Emtihan',
    'login.heading': 'Sign in',
    'login.intro': 'Sign in with the username and password your university gave you.',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.busy': 'Signing in…',
    'login.missing': 'Enter both your username and password.',
    'login.expired': 'Your session has ended. Please sign in again.',
    'login.loggedOut': 'You have signed out.',

    'exams.title': 'My exams — Emtihan',
    'exams.heading': 'My exams',
    'exams.none': 'You have no exams scheduled.',
    'exams.notStudent': 'Only students take exams on this page. The pages for your role are not available yet.',
    'exams.window': 'Open',
    'exams.windowRange': '{from} – {to}',
    'exams.duration': 'Duration',
    'exams.questions': 'Questions',
    'exams.status': 'Status',
    'exams.timeZone': 'Times are shown in your time zone ({zone}).',
    'exams.start': 'Start exam',
    'exams.resume': 'Resume exam',
    'exams.opensAt': 'Opens at {time}',
    'exams.closed': 'Closed at {time}',
    'exams.receipt': 'View result and receipt',
    'exams.startLabel': '{action}: {title}',

    'status.not-started': 'Not started',
    'status.in-progress': 'In progress',
    'status.submitted': 'Submitted',
    'status.timed-out': 'Timed out',
    'status.terminated': 'Terminated',

    'duration.minutes.one': '{n} minute',
    'duration.minutes.other': '{n} minutes',

    'attempt.title': 'Exam — Emtihan',
    'attempt.cannotOpen': 'This exam cannot be opened',
    'attempt.noExam': 'No exam was chosen. Go back to your exams and pick one.',
    'attempt.back': 'Back to my exams',
    'attempt.timeLeft': 'Time left',
    'attempt.timeAnnounce': '{n} minutes left.',
    'attempt.timeAnnounceOne': 'One minute left.',
    'attempt.questionOf': 'Question {n} of {total}',
    'attempt.chooseOne': 'Choose one answer.',
    'attempt.chooseMany': 'Choose all answers that apply.',
    'attempt.previous': 'Previous',
    'attempt.next': 'Next',
    'attempt.clear': 'Clear answer',
    'attempt.navigator': 'Questions',
    'attempt.navAnswered': 'Question {n}, answered',
    'attempt.navUnanswered': 'Question {n}, not answered',
    'attempt.navNotSaved': 'Question {n}, answer not saved yet',
    'attempt.legendAnswered': 'Answered',
    'attempt.legendUnanswered': 'Not answered',
    'attempt.legendCurrent': 'Current',
    'attempt.progress': '{answered} of {total} answered',
    'attempt.submit': 'Finish and submit…',
    'attempt.save.idle': '',
    'attempt.save.saving': 'Saving…',
    'attempt.save.saved': 'Saved at {time}',
    'attempt.save.error': 'Not saved — retrying',
    'attempt.save.rejected': 'Not saved: {message}',
    'attempt.confirmTitle': 'Submit your answers?',
    'attempt.confirmAllAnswered': 'You have answered all {total} questions.',
    'attempt.confirmUnanswered': 'You have not answered {count} of {total} questions: {list}.',
    'attempt.confirmPending': 'Some answers are still being saved; they are sent together with your submission.',
    'attempt.confirmFinal': 'After you submit you cannot change your answers.',
    'attempt.confirmCancel': 'Keep working',
    'attempt.confirmSubmit': 'Submit now',
    'attempt.submitting': 'Submitting your answers…',
    'attempt.timeUp': 'Time is up. Your answers are being submitted.',
    'attempt.closed': 'This attempt is closed. Your saved answers were kept.',
    'attempt.submitFailed': 'Your answers could not be submitted: {message}',
    'attempt.retrySubmit': 'Try again',
    'attempt.leaveWarning': 'Some answers are not saved yet.',

    'result.title': 'Result — Emtihan',
    'result.heading': 'Your result',
    'result.noAttempt': 'No attempt was chosen.',
    'result.status': 'Status',
    'result.points': 'Points',
    'result.percent': 'Percent',
    'result.letter': 'Grade',
    'result.finishedAt': 'Finished at {time}.',
    'result.notShown': 'The score is shown right after you submit; this browser tab no longer has it. Your teacher has the results.',
    'result.receiptHeading': 'Your receipt',
    'result.receiptIntro': 'The receipt is a signed record of what you submitted. Keep a copy.',
    'result.download': 'Download receipt',
    'result.howToCheck': 'How to check it',
    'result.check1': 'The engine signs the text in "signedText" (as UTF-8 bytes) with Ed25519; it repeats the fields of the receipt, one per line.',
    'result.check2': '"signature" is the signature and "publicKey" the engine\'s public key, both in Base64 (the key as X.509 SubjectPublicKeyInfo).',
    'result.check3': 'Anyone can check it with an Ed25519 tool, for example with jq and OpenSSL 3 on the downloaded file (renamed receipt.json):',
    'result.check4': 'A valid signature proves the receipt is unchanged only if "publicKey" is the key your university publishes: compare them.',
    'result.checkHere': 'Check the signature in this browser',
    'result.checkOk': 'The signature is valid for this public key, and the signed text matches the fields of the receipt.',
    'result.checkBad': 'The signature does NOT match. Keep the downloaded file and tell your exam office.',
    'result.checkMismatch': 'The signature is valid, but the signed text does not match the fields shown ({fields}).',
    'result.checkUnsupported': 'This browser cannot check Ed25519 signatures here (it needs a current browser and an HTTPS page); use a tool as described below.',
    'result.backToExams': 'Back to my exams',

    'error.network': 'The server cannot be reached. Check your connection.',
    'error.http': 'The server answered with an error ({status}).',
    'error.unexpected': 'Something went wrong: {message}',
  },
};

const locales = { en: 'en-GB' };
let language = 'en';

/** The message for key in the current language, with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const table = messages[language] ?? messages.en;
  const text = table[key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The plural form of key for count n (key.one, key.other, … by the language's rules), with {n} filled. */
export function tn(key, n, params = {}) {
  const form = new Intl.PluralRules(locale()).select(n);
  const table = messages[language] ?? messages.en;
  const chosen = `${key}.${form}` in table || `${key}.${form}` in messages.en ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { n: formatNumber(n), ...params });
}

/** The BCP 47 tag used for dates and numbers in the current language. */
export function locale() {
  return locales[language] ?? language;
}

/** Fills data-i18n / data-i18n-attr elements under root and sets the document language. */
export function localise(root = document) {
  if (root === document) document.documentElement.lang = language;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map((s) => s.trim());
      if (attribute && key) el.setAttribute(attribute, t(key));
    }
  }
}

/** An instant as a date and time in the browser's time zone, with the zone named. */
export function formatDateTime(iso) {
  return new Intl.DateTimeFormat(locale(), {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A time of day (hours, minutes, seconds) in the browser's time zone. */
export function formatTime(date) {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(date);
}

/** The browser's time zone, as the user would recognise it. */
export function timeZoneName() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Remaining time as m:ss, or h:mm:ss from one hour; never negative. */
export function formatCountdown(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A number with the current language's separators. */
export function formatNumber(n, maximumFractionDigits = 2) {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits }).format(n);
}

/** "1, 4 and 7"-style list in the current language. */
export function formatList(items) {
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items.map(String));
}
