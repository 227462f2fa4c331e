import { ACTION_BY_ID, ARRANGEMENT_BY_ID } from "../content/index.ts";
import { REGION_NAMES, SEAT_NAMES, isState, type Arrangement, type CountryState, type Decision, type GameView, type Order, type Seat } from "../engine/index.ts";

/*
 * One sentence a student can read about why a bot chose what it did. The sentence names the move and the fact
 * of the board that made it attractive (a track's value, a lead, a threshold), not the bot's arithmetic.
 */

const name = (id: string | null | undefined) => (id ? (SEAT_NAMES[id as Seat] ?? REGION_NAMES[id as keyof typeof REGION_NAMES] ?? id) : "");

type Why = (c: CountryState | null, view: GameView, order: Order) => string;

const WHY: Record<string, Why> = {
  "deploy-advisers": (c) => `its stability is ${c!.stability} and security influence keeps Russia the guarantor there`,
  "lease-base": () => "a base abroad is lasting security primacy",
  "arms-deal": (c) => `Russia remains the leading arms supplier and its stability is only ${c!.stability}`,
  "invite-csto": () => "every CSTO member where Russia leads security adds to its primacy",
  "invite-eaeu": () => "EAEU membership ties its economy and migrants to Russia",
  "media-campaign": (c) => `opinion of Russia there stands at ${c!.opinion.russia}`,
  "migrant-labour": (c) => `remittances (${c!.remittances} of 5) bind it to Russia`,
  coercion: (c) => `its sovereignty (${c!.sovereignty}) lets it drift from Moscow`,
  "competing-loan": (c) => `its debt to China (${c!.debt}) gives Beijing leverage that Russia wants to cut`,
  "block-project": (c) => `China's economic influence there (${c!.influence.china.economy}) is outgrowing Russia's`,
  "afghan-strike": (_c, v) => `the Afghan threat stands at ${v.global.afghanThreat}`,
  "propose-bargain": (_c, v, o) => `tension has reached ${v.global.tension} and a new split of roles (${ARRANGEMENT_BY_ID.get(o.option as Arrangement)?.name ?? o.option}) can cool it`,
  "bri-loan": (c) => `its BRI corridor has ${c!.assets.briCorridor} of 3 sections and completed corridors score every year`,
  invest: (c) => `investment raises what it can repay (now ${c!.capacity}) and China's economic weight`,
  "build-pipeline": () => "pipelines bring gas east and China's economic lead",
  "digital-silk-road": () => "digital infrastructure extends the Digital Silk Road",
  "private-security": (c) => `Chinese investments need protection while its stability is ${c!.stability}`,
  "border-outpost": (_c, v) => `the Afghan threat (${v.global.afghanThreat}) endangers Xinjiang`,
  "arms-sale": () => "arms sales win security influence cheaply",
  "sco-training": (c) => `SCO counter-terrorism training steadies it at stability ${c!.stability}`,
  "public-diplomacy": (c) => `opinion of China there is only ${c!.opinion.china}`,
  "invite-sco": () => "SCO membership widens China's political reach",
  "china-summit": () => "a summit raises China's standing in all five capitals at once",
  "connectivity-project": (c) => `it has ${c!.assets.westProjects} Western projects and connectivity is the West's offer`,
  "diplomatic-ties": (c) => `Western influence there is ${c!.influence.west.politics + c!.influence.west.economy + c!.influence.west.security}`,
  refinance: (c) => `its debt (${c!.debt}) exceeds what it can carry (${c!.capacity})`,
  "c5-plus-1": (_c, v) => `Western presence in the region is ${v.global.westPresence}`,
  develop: (c) => `its prosperity is ${c!.prosperity}`,
  crackdown: (c) => `its stability has fallen to ${c!.stability}`,
  "multi-vector": (c) => `its sovereignty is ${c!.sovereignty} and balancing the powers protects it`,
  "demand-all-inclusive": (_c, v) => `pressure for all-inclusive responsibility stands at ${v.global.allInclusivePressure}`,
  "seek-refinancing": (c) => `its debt (${c!.debt}) is above what it can carry (${c!.capacity})`,
  "court-china": (c) => `it needs money and its prosperity is ${c!.prosperity}`,
  "leave-org": (c) => `its sovereignty is ${c!.sovereignty}`,
  "regional-cooperation": () => "a steadier neighbour is a safer region",
  "invite-west": (_c, v) => `Western presence (${v.global.westPresence}) balances Moscow and Beijing`,
};

function describeOrder(seat: Seat, o: Order): string {
  const def = ACTION_BY_ID.get(o.action);
  const what = def?.name ?? o.action;
  const where = o.target ? (isState(o.target) ? ` in ${name(o.target)}` : ` with ${name(o.target)}`) : "";
  return `${name(seat)} plays “${what}”${where}`;
}

/** The reason for a round's orders, told through the order the bot valued most. */
export function ordersReason(view: GameView, seat: Seat, orders: Order[], main: Order | null): string {
  if (orders.length === 0 || !main) {
    const funds = view.seats.find((s) => s.seat === seat)?.funds ?? 0;
    return `${name(seat)} gives no orders this year because no move it can afford (funds ${funds}) improves its position.`;
  }
  const c = main.target && isState(main.target) ? view.countries[main.target] : isState(seat) ? view.countries[seat] : null;
  const why = WHY[main.action]?.(c, view, main) ?? "it serves its objectives";
  const more = orders.length > 1 ? ` (and ${orders.length - 1} more order${orders.length > 2 ? "s" : ""})` : "";
  return `${describeOrder(seat, main)}${more} because ${why}.`;
}

/** The reason for orders chosen to bring tension to the rupture line: a rupture freezes the powers' standings. */
export function ruptureReason(view: GameView, seat: Seat, rival: Seat, orders: Order[]): string {
  return `${name(seat)} acts in ${name(rival)}'s home domain${orders.length > 1 ? ` (${orders.length} orders)` : ""} to push Sino-Russian tension from ${view.global.tension} to the breaking point, because a rupture now ends the game while its standing against ${name(rival)} is better than it expects from playing on.`;
}

/** The reason for an answer to an offer, a crisis call, a request for help, or a choice of leverage. */
export function answerReason(view: GameView, seat: Seat, d: Decision, answer: string): string {
  const me = name(seat);
  const c = d.state ? view.countries[d.state] : null;
  const where = name(d.state);
  switch (d.kind) {
    case "offer": {
      const what = ACTION_BY_ID.get(d.order?.action ?? "")?.name ?? "offer";
      const own = isState(seat) ? view.countries[seat] : null;
      const facts = own ? `its debt is ${own.debt} of a capacity of ${own.capacity}, its sovereignty ${own.sovereignty} and its stability ${own.stability}` : `tension stands at ${view.global.tension}`;
      return `${me} ${answer === "accept" ? "accepts" : "declines"} ${name(d.from)}'s offer (${what.toLowerCase()}) because ${answer === "accept" ? "it serves" : "it would not serve"} its interests: ${facts}.`;
    }
    case "crisisRequest": {
      const helper = answer === "csto" ? "the CSTO" : answer === "china" ? "China" : answer === "west" ? "the West" : null;
      return helper
        ? `${me} asks ${helper} for help because its stability fell to ${c!.stability}.`
        : `${me} asks no one for help because outside forces would cost it sovereignty (now ${c!.sovereignty}).`;
    }
    case "crisisResponse": {
      const help = seat === "russia" ? "CSTO help" : "help";
      if (answer === "intervene") return `${me} answers ${where}'s request for ${help} because its stability fell to ${c!.stability}.`;
      const funds = view.seats.find((s) => s.seat === seat)?.funds ?? 0;
      return `${me} declines ${where}'s request for ${help} because ${funds < 2 ? `it has only ${funds} in funds` : seat === "china" ? `acting in Russia's security domain would raise tension (now ${view.global.tension})` : "the cost outweighs what it would gain there"}.`;
    }
    case "leverage": {
      const ratio = `its debt (${c!.debt}) exceeds what it can carry (${c!.capacity})`;
      if (answer === "assets") return `${me} takes assets in ${where} because ${ratio}.`;
      if (answer === "alignment") return `${me} demands political alignment from ${where} because ${ratio}.`;
      if (answer === "restructure") return `${me} restructures ${where}'s debt because opinion of China there is ${c!.opinion.china} and pressing harder would feed Sinophobia.`;
      return `${me} leaves ${where}'s debt as it is because pressing now would cost more than it gains.`;
    }
  }
}
