/** English text of the classroom pages (merged into the interface's strings under "classroom"). */
export const classroomEn = {
  menuHeading: "Teach a class", menuHint: "Run one game for a class: students join with a code and a nickname, in teams.",
  viewer: { teacher: "Teacher", projector: "Projector" },
  teach: "Teach a class", joinClass: "Join a class",
  create: {
    heading: "Create a class game", name: "Name of the session", namePlaceholder: "9B History", defaultName: "Class game", start: "Create the class", reopen: "Reopen a class",
    reopenHint: "After a restart or in the next lesson: the class code and your teacher key.", code: "Class code", key: "Teacher key", open: "Reopen",
    keepKey: "Keep this teacher key: it is the only way to run this class again. This browser remembers it.",
  },
  status: {
    connecting: "Connecting…", open: "Connected", reconnecting: "Connection lost: reconnecting…",
    removed: "The teacher removed you from the class.", replaced: "Your teacher let your nickname join from another device: this screen has left the class.", closed: "Disconnected.", waitingTeacher: "Waiting for the teacher to open the class…",
  },
  dash: {
    heading: "Teacher: {{name}}", code: "Code", link: "Join link", projector: "Open projector view", debrief: "Debrief",
    controls: "Controls", start: "Start the game", pause: "Pause", resume: "Resume", paused: "Paused",
    timer: "Timer per phase (seconds)", setTimer: "Set", extend: "+30 s", skip: "Stop this phase's timer", advance: "Advance the phase",
    lock: "Lock joining", unlock: "Unlock joining", locked: "Joining locked",
    broadcast: "Message to every screen", send: "Send", clear: "Clear",
    random: "Random teams", roster: "Students ({{count}})", unassigned: "Not in a team", noStudents: "No student has joined yet.",
    localOnly: "Students cannot open “localhost”: set PUBLIC_URL, or open this page by the computer's network address (see the README).", alsoAt: "also",
    seatOf: "Seat of {{name}}", none: "— no team —", rename: "Rename", remove: "Remove", renameLabel: "New nickname for {{name}}", removeConfirm: "Remove {{name}} from the class?",
    save: "Save", cancel: "Cancel", keep: "Keep", renamed: "{{name}} is now called {{to}}.", removed: "{{name}} was removed from the class.",
    offline: "offline", teams: "Seats and teams", bot: "Bot", human: "Team", toBot: "Replace by a bot", toHuman: "Back to the team",
    agenda: "Secret agenda", orders: "Orders", draft: "Draft by {{name}}", submitted: "submitted", notSubmitted: "not yet",
    round: "Round {{round}} of {{max}}", lobby: "Not started",
    device: {
      allow: "Let {{name}} join from a new device", done: "{{name}} may now join once from another device with the same nickname.",
      allowed: "may join from a new device", joined: "joined from a new device",
    },
  },
  refusal: {
    "name-taken": "That nickname belongs to someone in this class on another device. Choose another, or ask your teacher to let you join from this device.",
    "name-in-use": "That nickname is already open in this browser (another tab, or a connection still closing): close the other tab, or try again in a few seconds.",
    locked: "The teacher has locked joining.",
    "class-full": "The class is full.",
  },
  end: { debrief: "Open the class debrief: timeline, charts and the articles' arguments" },
  key: {
    show: "Show", hide: "Hide", copy: "Copy", copied: "Teacher key copied.", copyByHand: "Copy the key shown (it is selected).",
    print: "Print how to reopen this class",
    why: "Keep this key: with the class code, it reopens this class next lesson, from any computer. Students never need it.",
    noteHeading: "How to reopen the class “{{name}}”", noteIntro: "The class, its teams and its game are kept on the server. To run it again:",
    noteStep1: "Open {{address}} in a browser.", noteStep2: "Choose “Teach a class”, then “Reopen a class”.", noteStep3: "Type the class code and the teacher key below, and press “Reopen”.",
    noteKeep: "Keep this note private: the key lets anyone run the class and see every team's secret agenda.",
  },
  projector: { join: "Join at", withCode: "with the code", scan: "Scan to join", waiting: "Waiting for the teacher to start…", teams: "Teams" },
  student: {
    heading: "Join your class", nickname: "Nickname", join: "Join", code: "Class code",
    waiting: "Hello {{name}}! Wait for your teacher to put you in a team.", team: "Your team: {{seat}}", members: "Team: {{names}}",
    draftHeading: "Team orders (shared draft)", draftBy: "Last change by {{name}}", emptyDraft: "The draft is empty: add orders below. Your team sees every change.",
    submit: "Submit for the team ({{count}})", pass: "Pass this round", submitted: "Your team's orders are in.", botPlays: "A bot is playing your seat for now.",
    notOrders: "Orders are closed: {{phase}}.", add: "Add", remove: "Remove", actions: "Possible orders", decisions: "Decisions",
  },
  map: {
    switch: "Dashboard view", map: "Map", class: "Class", mapHint: "The board as the projector shows it, with your quick controls and every seat beside it",
    classHint: "Roster, teams, drafts and every control", seatsHeading: "Seats: agendas and bots' reasons", team: "Team: {{names}}",
    noReason: "No reason yet.", reasonsHint: "Beside each bot seat, the reason it gave last: bots explain their orders once they are revealed.",
  },
  log: {
    played_one: "{{count}} order", played_other: "{{count}} orders",
    dropped_zero: "none dropped", dropped_one: "{{count}} dropped as no longer possible", dropped_other: "{{count}} dropped as no longer possible",
  },
  paused: "Paused by the teacher", timer: "Time left: {{time}}", noTimer: "No timer",
  debrief: {
    heading: "Debrief · class {{name}}", print: "Print", csvRounds: "Rounds (CSV)", csvTimeline: "Timeline (CSV)", json: "Everything (JSON)",
    scores: "Scores", seat: "Seat", score: "Score", par: "Par", standing: "Against par", agenda: "Agenda", met: "met", winner: "Winner",
    charts: "How the board moved", mechanics: "What the game showed", happened_one: "Happened in round {{rounds}}", happened_other: "Happened in rounds {{rounds}}", notHappened: "Did not happen in this game",
    timeline: "Timeline", round: "Round {{round}} ({{year}})", notReady: "The debrief opens when the game is over.",
    csv: {
      round: "Round", year: "Year", event: "Seen by", text: "What happened",
      stability: "{{state}}: stability", debt: "{{state}}: debt to China", influence: "{{state}}: influence of {{power}}", score: "{{seat}}: score",
      kind: { public: "everyone", private: "the seats concerned" },
    },
  },
};

/** Log sentences of the class room's own events (merged into the interface's strings under "event"). */
export const classroomEventsEn = {
  draftPlayed: "{{seat}}'s team did not submit: its shared draft was played at the deadline ($t(classroom.log.played, {\"count\": {{played}} }); $t(classroom.log.dropped, {\"count\": {{dropped}} })).",
  deadlinePassed: "{{seat}}'s team had no orders at the deadline: it passes this round.",
};
