import type { Strings } from "../i18n/strings.ts";

/** Russian text of the classroom pages (merged into the interface's strings under "classroom"). */
export const classroomRu: Strings = {
  menuHeading: "Провести урок", menuHint: "Одна партия на весь класс: ученики входят по коду и нику и играют командами.",
  teach: "Провести урок", joinClass: "Войти в класс",
  create: {
    heading: "Создать партию для класса", name: "Название занятия", namePlaceholder: "9Б, история", defaultName: "Игра класса", start: "Создать класс", reopen: "Открыть класс снова",
    reopenHint: "После перезапуска или на следующем уроке: код класса и ваш ключ учителя.", code: "Код класса", key: "Ключ учителя", open: "Открыть",
    keepKey: "Сохраните этот ключ учителя: только с ним можно снова провести этот класс. Этот браузер его запомнит.",
  },
  status: {
    connecting: "Подключение…", open: "Подключено", reconnecting: "Связь потеряна: переподключение…",
    removed: "Учитель удалил вас из класса.", replaced: "Учитель разрешил войти под вашим ником с другого устройства: этот экран вышел из класса.", closed: "Отключено.", waitingTeacher: "Ждём, когда учитель откроет класс…",
  },
  dash: {
    heading: "Учитель: {{name}}", code: "Код", link: "Ссылка для входа", projector: "Открыть экран для проектора", debrief: "Разбор",
    controls: "Управление", start: "Начать игру", pause: "Пауза", resume: "Продолжить", paused: "На паузе",
    timer: "Таймер на фазу (секунды)", setTimer: "Задать", extend: "+30 с", skip: "Остановить таймер этой фазы", advance: "Перейти к следующей фазе",
    lock: "Закрыть вход", unlock: "Открыть вход", locked: "Вход закрыт",
    broadcast: "Сообщение на все экраны", send: "Отправить", clear: "Очистить",
    random: "Случайные команды", roster: "Ученики ({{count}})", unassigned: "Без команды", noStudents: "Пока никто из учеников не вошёл.",
    localOnly: "Ученики не смогут открыть «localhost»: задайте PUBLIC_URL или откройте эту страницу по сетевому адресу компьютера (см. README).", alsoAt: "также",
    seatOf: "Место ученика {{name}}", none: "— без команды —", rename: "Переименовать", remove: "Удалить", renameLabel: "Новый ник для {{name}}", removeConfirm: "Удалить {{name}} из класса?",
    save: "Сохранить", cancel: "Отмена", keep: "Оставить", renamed: "{{name}} теперь зовётся {{to}}.", removed: "{{name}} удалён(а) из класса.",
    offline: "не в сети", teams: "Места и команды", bot: "Бот", human: "Команда", toBot: "Передать боту", toHuman: "Вернуть команде",
    agenda: "Тайная цель", orders: "Приказы", draft: "Черновик: {{name}}", submitted: "отправлено", notSubmitted: "ещё нет",
    round: "Раунд {{round}} из {{max}}", lobby: "Не начата",
    device: {
      allow: "Разрешить {{name}} войти с нового устройства", done: "{{name}} может один раз войти с другого устройства под тем же ником.",
      allowed: "может войти с нового устройства", joined: "вошёл с нового устройства",
    },
  },
  refusal: {
    "name-taken": "Этот ник занят кем-то из класса на другом устройстве. Выберите другой или попросите учителя разрешить вход с этого устройства.",
    "name-in-use": "Этот ник уже открыт в другой вкладке этого браузера.",
    locked: "Учитель закрыл вход в класс.",
    "class-full": "Класс заполнен.",
  },
  end: { debrief: "Открыть разбор урока: хронология, графики и аргументы статей" },
  key: {
    show: "Показать", hide: "Скрыть", copy: "Копировать", copied: "Ключ учителя скопирован.", copyByHand: "Скопируйте показанный ключ (он выделен).",
    print: "Распечатать, как снова открыть этот класс",
    why: "Сохраните этот ключ: вместе с кодом класса он откроет этот класс на следующем уроке с любого компьютера. Ученикам он не нужен.",
    noteHeading: "Как снова открыть класс «{{name}}»", noteIntro: "Класс, его команды и партия хранятся на сервере. Чтобы продолжить:",
    noteStep1: "Откройте {{address}} в браузере.", noteStep2: "Выберите «Провести урок», затем «Открыть класс снова».", noteStep3: "Введите код класса и ключ учителя ниже и нажмите «Открыть».",
    noteKeep: "Храните эту записку в тайне: по ключу любой может вести класс и видеть тайные цели всех команд.",
  },
  projector: { join: "Входите на", withCode: "с кодом", scan: "Сканируйте, чтобы войти", waiting: "Ждём, когда учитель начнёт…", teams: "Команды" },
  student: {
    heading: "Вход в класс", nickname: "Ник", join: "Войти", code: "Код класса",
    waiting: "Привет, {{name}}! Подождите, пока учитель распределит вас по командам.", team: "Ваша команда: {{seat}}", members: "Команда: {{names}}",
    draftHeading: "Приказы команды (общий черновик)", draftBy: "Последнее изменение: {{name}}", emptyDraft: "Черновик пуст: добавьте приказы ниже. Команда видит каждое изменение.",
    submit: "Отправить за команду ({{count}})", pass: "Пропустить раунд", submitted: "Приказы вашей команды отправлены.", botPlays: "Пока за ваше место играет бот.",
    notOrders: "Приём приказов закрыт: {{phase}}.", add: "Добавить", remove: "Убрать", actions: "Возможные приказы", decisions: "Решения",
  },
  board: { state: "Государство", stability: "Стабильность", debt: "Долг" },
  log: {
    played_one: "{{count}} приказ", played_few: "{{count}} приказа", played_many: "{{count}} приказов", played_other: "{{count}} приказа",
    dropped_zero: "ни один не отброшен", dropped_one: "{{count}} отброшен как уже невозможный", dropped_few: "{{count}} отброшено как уже невозможные",
    dropped_many: "{{count}} отброшено как уже невозможные", dropped_other: "{{count}} отброшено как уже невозможные",
  },
  paused: "Учитель поставил игру на паузу", timer: "Осталось: {{time}}", noTimer: "Без таймера",
  debrief: {
    heading: "Разбор · класс {{name}}", print: "Печать", csvRounds: "Раунды (CSV)", csvTimeline: "Хронология (CSV)", json: "Всё (JSON)",
    scores: "Очки", seat: "Место", score: "Очки", par: "Норма", standing: "Относительно нормы", agenda: "Цель", met: "выполнена", winner: "Победитель",
    charts: "Как менялась карта", mechanics: "Что показала игра",
    happened_one: "Произошло в раунде {{rounds}}", happened_few: "Произошло в раундах {{rounds}}", happened_many: "Произошло в раундах {{rounds}}", happened_other: "Произошло в раундах {{rounds}}",
    notHappened: "В этой партии не произошло",
    timeline: "Хронология", round: "Раунд {{round}} ({{year}})", notReady: "Разбор откроется, когда партия закончится.",
    csv: {
      round: "Раунд", year: "Год", event: "Кому видно", text: "Что произошло",
      stability: "{{state}}: стабильность", debt: "{{state}}: долг Китаю", influence: "{{state}}: влияние ({{power}})", score: "{{seat}}: очки",
      kind: { public: "всем", private: "только участникам" },
    },
  },
};

/** Log sentences of the class room's own events (merged into the interface's strings under "event"). */
export const classroomEventsRu: Strings = {
  draftPlayed: "Команда ({{seat}}) не отправила приказы: в срок сыгран её общий черновик ($t(classroom.log.played, {\"count\": {{played}} }); $t(classroom.log.dropped, {\"count\": {{dropped}} })).",
  deadlinePassed: "У команды ({{seat}}) к сроку не было приказов: она пропускает этот раунд.",
};
