/**
 * The log's sentences by event kind (the engine emits { kind, params } only). Parameters arrive as names already:
 * seats and states, actions, cards, agendas, arrangements, responses, crises, organisations and domains are worded
 * by strings.ts's eventText from their ids before these are filled in. Merged into the interface's strings under "event".
 */
export const eventsEn = {
  roundStarted: "Round {{round}} begins: the year is {{year}}.",
  news: "News: {{card}}.",
  unrest: {
    sinophobia: "Anti-Chinese protests shake {{state}}.", poverty: "Hardship and protests shake {{state}}.", politics: "Political unrest shakes {{state}}.",
  },
  afghanSpillover: "Instability spills over from Afghanistan into {{state}}.",
  offerMade: { plain: "{{from}} offers {{to}}: {{action}}.", option: "{{from}} offers {{to}}: {{action}} ({{option}})." },
  offerAnswered: { accept: "{{to}} accepts {{from}}'s offer: {{action}}.", decline: "{{to}} declines {{from}}'s offer: {{action}}." },
  actionResolved: { plain: "{{seat}}: {{action}}.", target: "{{seat}}: {{action}} in {{target}}." },
  actionUnaffordable: { plain: "{{seat}} cannot pay for {{action}} and it lapses.", target: "{{seat}} cannot pay for {{action}} in {{target}} and it lapses." },
  encroachment: "{{seat}} acts in {{other}}'s {{domain}} domain: Sino-Russian tension rises to {{tension}}.",
  bargain: "{{from}} and {{to}} agree a Great Bargain: {{arrangement}}.",
  leftOrg: "{{state}} leaves the {{org}}.",
  crisisStarted: "{{state}} falls into crisis: {{crisis}}.",
  crisisName: { unrest: "unrest", terrorism: "a wave of terrorism", borderClash: "a border clash", spillover: "spillover from Afghanistan" },
  crisisEnded: "The crisis in {{state}} is over.",
  crisisRequest: { to: "{{state}} asks {{to}} for help.", none: "{{state}} asks no one for help." },
  intervention: "{{power}} answers {{state}}'s call: {{response}}.",
  botTookOver: {
    away: "A bot takes over {{seat}}: its players have been away past the grace period.",
    timer: "A bot answers for {{seat}}: its players let the deadline pass.",
    bot: "A bot takes over {{seat}}: the seat was handed to a bot.",
  },
  interventionDeclined: "{{power}} declines to help {{state}}.",
  escalation: "The crisis in {{state}} deepens (stability {{stability}}).",
  debtService: "{{state}} pays {{paid}} of {{due}} due on its Chinese debt (debt now {{debt}}).",
  distress: "{{state}} falls into debt distress: it owes {{debt}} against a capacity of {{capacity}}.",
  distressEnded: "{{state}} is out of debt distress.",
  leverage: "China uses its leverage over {{state}}: {{option}}.",
  agendaMet: "{{seat}} fulfilled its secret agenda “{{agenda}}” (+{{points}}).",
  agendaMissed: "{{seat}} missed its secret agenda “{{agenda}}”.",
  asymmetryGrows: "China's economy keeps outgrowing Russia's: asymmetry rises to {{asymmetry}}.",
  commonFoe: "The Western presence draws Moscow and Beijing together: tension eases to {{tension}}.",
  rupture_one: "The Sino-Russian partnership ruptures. Russia and China each lose {{count}} point.",
  rupture_other: "The Sino-Russian partnership ruptures. Russia and China each lose {{count}} points.",
  gameEnded: {
    rupture_one: "The game ends with the rupture. Winner: {{winners}}.", rupture_other: "The game ends with the rupture. Winners: {{winners}}.",
    rounds_one: "The game ends: the last round is played. Winner: {{winners}}.", rounds_other: "The game ends: the last round is played. Winners: {{winners}}.",
  },
  unknown: "Something happened that this version of the game cannot put into words.",
};
