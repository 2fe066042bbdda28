/** Қазақша: every page's shared words (its frame, sign-in, statuses, the links between areas); see lib/i18n.js. */
export default {
  'app.name': 'Emtihan',
  'app.language': 'Тіл',
  'app.noscript': 'Бұл бет жұмыс істеуі үшін JavaScript қажет.',
  'app.skip': 'Негізгі мазмұнға өту',
  'app.loading': 'Жүктелуде…',
  'app.logout': 'Шығу',
  'app.logoutAll': 'Барлық құрылғыдан шығу',
  'app.signedInAs': 'Пайдаланушы: {name}',

  'login.title': 'Жүйеге кіру — Emtihan',
  'login.heading': 'Жүйеге кіру',
  'login.intro': 'Университет берген логин мен парольді енгізіп, жүйеге кіріңіз.',
  'login.username': 'Логин',
  'login.password': 'Пароль',
  'login.submit': 'Кіру',
  'login.busy': 'Жүйеге кіру орындалуда…',
  'login.missing': 'Логин мен парольді енгізіңіз.',
  'login.expired': 'Сеансыңыз аяқталды. Жүйеге қайта кіріңіз.',
  'login.loggedOut': 'Сіз жүйеден шықтыңыз.',
  'login.wait': 'Сәтсіз әрекеттер тым көп. {seconds} с кейін қайталап көріңіз.',

  'exams.heading': 'Менің емтихандарым',

  'status.not-started': 'Басталмаған',
  'status.in-progress': 'Орындалуда',
  'status.submitted': 'Тапсырылды',
  'status.timed-out': 'Уақыт аяқталды',
  'status.terminated': 'Тоқтатылды',

  'duration.minutes.one': '{n} минут',
  'duration.minutes.other': '{n} минут',

  'staff.nav.label': 'Қызметкерлер беттері',
  'staff.nav.home': 'Банктер мен емтихандар',
  'staff.nav.users': 'Пайдаланушылар',
  'staff.nav.exams': 'Емтихандар',
  'staff.traditional.excellent': 'Өте жақсы',
  'staff.traditional.good': 'Жақсы',
  'staff.traditional.satisfactory': 'Қанағаттанарлық',
  'staff.traditional.unsatisfactory': 'Қанағаттанарлықсыз',

  'registry.nav': 'Тізілім',
  'registry.link.exam': 'Тізілімдегі рейтингтер мен ведомость',
  'registry.link.sitting': 'Тізілімге экспорт',
  'registry.users.groupHint':
    'Міндетті емес group бағаны білім алушының академиялық тобын береді (мысалы, АЖ-21-1): тізілімнің экспорты мен ведомостері топ бойынша жасалады (5.33). Бос ұяшық бұрынғы топты сақтайды.',
  'registry.users.colGroup': 'Топ',

  'sitting.nav': 'Ауызша аттестация',
  'sitting.examsLink': 'Менің ауызша қорытынды аттестациям',

  'statement.nav': 'Мерзімді ұзарту',
  'statement.examsLink': 'Мерзімді ұзарту және жеке ведомостар',
  'statement.startHint': 'Жеке терезеңіз {until} дейін ашық.',
  'lti.nav': 'ОБЖ', // issue 16: the administrator's LMS platforms
};
