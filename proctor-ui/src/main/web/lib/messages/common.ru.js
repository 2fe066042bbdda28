/** Русский: every page's shared words (its frame, sign-in, statuses, the links between areas); see lib/i18n.js. */
export default {
  'app.name': 'Emtihan',
  'app.language': 'Язык',
  'app.noscript': 'Для работы этой страницы нужен JavaScript.',
  'app.skip': 'Перейти к содержимому',
  'app.loading': 'Загрузка…',
  'app.logout': 'Выйти',
  'app.logoutAll': 'Выйти на всех устройствах',
  'app.signedInAs': 'Вы вошли как {name}',

  'login.title': 'Вход — Emtihan',
  'login.heading': 'Вход в систему',
  'login.intro': 'Войдите, используя логин и пароль, выданные вам университетом.',
  'login.username': 'Логин',
  'login.password': 'Пароль',
  'login.submit': 'Войти',
  'login.busy': 'Выполняется вход…',
  'login.missing': 'Введите логин и пароль.',
  'login.expired': 'Ваш сеанс завершён. Пожалуйста, войдите снова.',
  'login.loggedOut': 'Вы вышли из системы.',
  'login.wait': 'Слишком много неудачных попыток. Попробуйте снова через {seconds} с.',

  'exams.heading': 'Мои экзамены',

  'status.not-started': 'Не начат',
  'status.in-progress': 'В процессе',
  'status.submitted': 'Отправлен',
  'status.timed-out': 'Время истекло',
  'status.terminated': 'Прерван',

  'duration.minutes.one': '{n} минута',
  'duration.minutes.few': '{n} минуты',
  'duration.minutes.many': '{n} минут',
  'duration.minutes.other': '{n} минуты',

  'staff.nav.label': 'Страницы сотрудников',
  'staff.nav.home': 'Банки и экзамены',
  'staff.nav.users': 'Пользователи',
  'staff.nav.exams': 'Экзамены',
  'staff.traditional.excellent': 'Отлично',
  'staff.traditional.good': 'Хорошо',
  'staff.traditional.satisfactory': 'Удовлетворительно',
  'staff.traditional.unsatisfactory': 'Неудовлетворительно',

  'registry.nav': 'Реестр',
  'registry.link.exam': 'Рейтинги и ведомость в реестре',
  'registry.link.sitting': 'Выгрузка для реестра',
  'registry.users.groupHint':
    'Необязательный столбец group задаёт академическую группу обучающегося (например, ИС-21-1): выгрузки и ведомости реестра составляются по группам (5.33). Пустая ячейка сохраняет прежнюю группу.',
  'registry.users.colGroup': 'Группа',

  'sitting.nav': 'Устная аттестация',
  'sitting.examsLink': 'Моя устная итоговая аттестация',

  'statement.nav': 'Продления',
  'statement.examsLink': 'Продление сроков и индивидуальные ведомости',
  'statement.startHint': 'Ваше личное окно открыто до {until}.',
  'lti.nav': 'СДО', // issue 16: the administrator's LMS platforms
};
