import { P } from "./phaser.ts";
import { STATES, type CountryState, type GameView, type StateId } from "../../shared/engine/index.ts";
import { regionContains, type MapData, type MapRegion } from "./mapData.ts";
import { StateCard, CARD_W } from "./stateCard.ts";
import { SEAT_COLOURS, hexToNumber } from "../ui/palette.ts";
import { leadingPower } from "./cardText.ts";
import { t } from "../i18n/strings.ts";
import { changesBetween } from "./changes.ts";

const SEA = 0x9cc0d3;
const LAND = 0xd9d2c1;
const CONTEXT = 0xcdc6b6;
const BORDER = 0x6b6357;
const STATE_FILL = 0xfffbef;

/** Where each state's marker sits, in map units relative to the state's label point (small states sit beside their territory). */
const CARD_OFFSETS: Record<StateId, [number, number]> = {
  kazakhstan: [0, -10],
  uzbekistan: [-40, -20],
  turkmenistan: [-40, 45],
  kyrgyzstan: [150, -40],
  tajikistan: [120, 80],
};

/** Where each card sits on a stacked board: column (0 left, 1 middle, 2 right) and row (0 above the map, 1 below). */
const STACKED_SLOTS: Record<StateId, [number, number]> = {
  kazakhstan: [0, 0],
  kyrgyzstan: [2, 0],
  turkmenistan: [0, 1],
  uzbekistan: [1, 1],
  tajikistan: [2, 1],
};

export interface BoardEvents {
  select: (state: StateId) => void;
}

/** Draws the map of Central Asia with each state's marker; the HTML panels around it hold the text-heavy parts. */
export class BoardScene extends P.Scene {
  private mapData!: MapData;
  private landLayer!: Phaser.GameObjects.Graphics;
  private stateLayer!: Phaser.GameObjects.Graphics;
  private overlay!: Phaser.GameObjects.Graphics;
  private leaders!: Phaser.GameObjects.Graphics;
  private labels: { text: Phaser.GameObjects.Text; at: [number, number] }[] = [];
  private cards = new Map<StateId, StateCard>();
  private view: GameView | null = null;
  private selected: StateId | null = null;
  private highlighted = new Set<StateId>();
  private scaleFactor = 1;
  private offset: [number, number] = [0, 0];
  private showCards = false;
  /** Screen pixels at the top of the board covered by HTML (the news cards): the map and cards stay below them. */
  private insetTop = 0;
  /** A tall, narrow board (a phone): the cards sit in a row above and a row below the map, with leader lines. */
  private stacked = false;
  onSelect: ((state: StateId) => void) | null = null;
  onReady: (() => void) | null = null;

  constructor() {
    super("board");
  }

  create(): void {
    this.mapData = this.cache.json.get("map") as MapData;
    this.cameras.main.setBackgroundColor(SEA);
    this.landLayer = this.add.graphics();
    this.stateLayer = this.add.graphics();
    this.overlay = this.add.graphics();
    this.leaders = this.add.graphics();
    for (const r of this.mapData.regions) {
      if (!r.label || r.kind === "state") continue;
      const text = this.add.text(0, 0, t(`region.${r.id}`), {
        fontFamily: "system-ui, sans-serif", fontSize: r.kind === "neighbour" ? "15px" : "12px", fontStyle: "italic",
        color: r.kind === "neighbour" ? "#4a4338" : "#7a7264",
      }).setOrigin(0.5);
      this.labels.push({ text, at: r.label });
    }
    for (const [id, at] of Object.entries(this.mapData.seaLabels)) {
      const text = this.add.text(0, 0, t(`region.${id}`), { fontFamily: "system-ui, sans-serif", fontSize: "11px", fontStyle: "italic", color: "#3d6478" }).setOrigin(0.5);
      this.labels.push({ text, at });
    }
    for (const id of STATES) {
      const card = new StateCard(this, id);
      card.container.setVisible(false);
      card.onClick = () => this.onSelect?.(id);
      this.cards.set(id, card);
    }
    this.input.on("pointerdown", (p: Phaser.Input.Pointer) => {
      const [x, y] = this.toMap(p.x, p.y);
      for (const [id, card] of this.cards) if (card.contains(p.x, p.y)) return this.onSelect?.(id);
      const hit = this.mapData.regions.find((r) => r.kind === "state" && regionContains(r, x, y));
      if (hit) this.onSelect?.(hit.id as StateId);
    });
    this.input.on("pointermove", (p: Phaser.Input.Pointer) => {
      const [x, y] = this.toMap(p.x, p.y);
      const over = this.showCards && this.mapData.regions.some((r) => r.kind === "state" && regionContains(r, x, y));
      this.game.canvas.style.cursor = over ? "pointer" : "default";
    });
    this.scale.on("resize", () => this.layout());
    this.layout();
    performance.mark("ngg-board-ready");
    this.onReady?.();
  }

  /** Shows or hides the state markers (the menu shows the bare map). */
  setCardsVisible(visible: boolean): void {
    const changed = visible !== this.showCards;
    this.showCards = visible;
    for (const card of this.cards.values()) card.container.setVisible(visible && !!this.view);
    if (changed && this.mapData) this.layout();
    else this.drawLeaders();
  }

  setInsetTop(px: number): void {
    if (Math.abs(px - this.insetTop) < 1) return;
    this.insetTop = px;
    if (this.mapData) this.layout();
  }

  setView(view: GameView | null): void {
    const before = this.view;
    this.view = view;
    if (view) {
      // Placing updates each card, and a card that grew (a crisis line) may need to move on a stacked board.
      this.placeCards();
      if (before && before.countries !== view.countries) {
        for (const id of STATES) {
          const changes = changesBetween(before.countries[id], view.countries[id]);
          if (changes.length > 0) this.cards.get(id)!.announce(changes);
        }
      }
    }
    this.setCardsVisible(this.showCards);
    this.drawStates();
  }

  setSelected(state: StateId | null): void {
    this.selected = state;
    this.drawStates();
  }

  setHighlighted(states: StateId[]): void {
    this.highlighted = new Set(states);
    this.drawStates();
  }

  private compact(): boolean {
    return this.scale.width < 760 || this.scale.height < 520;
  }

  private toMap(x: number, y: number): [number, number] {
    return [(x - this.offset[0]) / this.scaleFactor, (y - this.offset[1]) / this.scaleFactor];
  }

  private toScreen(x: number, y: number): [number, number] {
    return [x * this.scaleFactor + this.offset[0], y * this.scaleFactor + this.offset[1]];
  }

  private layout(): void {
    const { width, height } = this.scale;
    const top = this.showCards ? Math.min(this.insetTop, height / 3) : 0;
    const avail = height - top;
    this.stacked = this.showCards && width < 760 && avail > width * 0.9;
    // Three cards share the bottom row of a stacked board, so they shrink to fit a phone's width.
    const cardScale = this.stacked ? Math.min(1, (width - 16) / (3 * CARD_W + 16)) : 1;
    for (const card of this.cards.values()) card.setCardScale(cardScale);
    const rowH = this.stacked ? Math.max(...[...this.cards.values()].map((c) => c.box(this.compact()).h)) + 10 : 0;
    const mapTop = top + rowH;
    const mapH = Math.max(40, avail - 2 * rowH);
    const s = Math.min(width / this.mapData.width, mapH / this.mapData.height) * (this.stacked ? 1 : 1.04);
    this.scaleFactor = s;
    this.offset = [(width - this.mapData.width * s) / 2, mapTop + (mapH - this.mapData.height * s) / 2];
    for (const g of [this.landLayer, this.stateLayer, this.overlay]) g.setPosition(this.offset[0], this.offset[1]).setScale(s);
    for (const l of this.labels) l.text.setPosition(...this.toScreen(l.at[0], l.at[1]));
    this.drawLand();
    this.placeCards();
    this.drawStates();
  }

  private placeCards(): void {
    const compact = this.compact();
    const { width, height } = this.scale;
    const top = this.showCards ? Math.min(this.insetTop, height / 3) : 0;
    for (const id of STATES) {
      const region = this.region(id);
      const card = this.cards.get(id)!;
      if (!region?.label) continue;
      if (this.view) card.update(this.view.countries[id], compact);
      const { w, h: hgt } = card.box(compact);
      if (this.stacked) {
        // North above the map (Kazakhstan west, Kyrgyzstan east); the south below it, west to east.
        const slot = STACKED_SLOTS[id];
        const cx = slot[0] === 0 ? 6 : slot[0] === 2 ? width - w - 6 : (width - w) / 2;
        const cy = slot[1] === 0 ? top + 4 : height - hgt - 4;
        card.container.setPosition(cx, cy);
        continue;
      }
      const [dx, dy] = CARD_OFFSETS[id];
      const [x, y] = this.toScreen(region.label[0] + dx, region.label[1] + dy);
      const cx = Math.max(4, Math.min(width - w - 4, x - w / 2));
      const cy = Math.max(top + 4, Math.min(height - hgt - 4, y - hgt / 2));
      card.container.setPosition(cx, cy);
    }
    if (!this.stacked) this.separateCards(compact, top);
    this.drawLeaders();
  }

  /** Pushes overlapping cards apart along the axis where they overlap least, inside the board, a few passes at most. */
  private separateCards(compact: boolean, top: number): void {
    const { width, height } = this.scale;
    const cards = [...this.cards.values()];
    for (let pass = 0; pass < 12; pass++) {
      let moved = false;
      for (let i = 0; i < cards.length; i++) {
        for (let j = i + 1; j < cards.length; j++) {
          const a = cards[i]!.container;
          const b = cards[j]!.container;
          const ba = cards[i]!.box(compact);
          const bb = cards[j]!.box(compact);
          const ox = Math.min(a.x + ba.w, b.x + bb.w) - Math.max(a.x, b.x) + 4;
          const oy = Math.min(a.y + ba.h, b.y + bb.h) - Math.max(a.y, b.y) + 4;
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          if (oy <= ox) {
            const [upper, lower] = a.y <= b.y ? [a, b] : [b, a];
            upper.y -= oy / 2;
            lower.y += oy / 2;
          } else {
            const [left, right] = a.x <= b.x ? [a, b] : [b, a];
            left.x -= ox / 2;
            right.x += ox / 2;
          }
        }
      }
      for (const card of cards) {
        const { w, h: hgt } = card.box(compact);
        card.container.x = Math.max(4, Math.min(width - w - 4, card.container.x));
        card.container.y = Math.max(top + 4, Math.min(height - hgt - 4, card.container.y));
      }
      if (!moved) break;
    }
  }

  private drawLeaders(): void {
    this.leaders.clear();
    if (!this.showCards || !this.view) return;
    this.leaders.lineStyle(1.5, 0x333333, 0.7);
    for (const id of STATES) {
      const region = this.region(id);
      const card = this.cards.get(id)!;
      if (!region?.label) continue;
      const [lx, ly] = this.toScreen(region.label[0], region.label[1]);
      const { x, y } = card.container;
      const { w, h: hgt } = card.box(this.compact());
      if (lx >= x && lx <= x + w && ly >= y && ly <= y + hgt) continue;
      const ex = Math.max(x, Math.min(x + w, lx));
      const ey = Math.max(y, Math.min(y + hgt, ly));
      this.leaders.lineBetween(lx, ly, ex, ey);
      this.leaders.fillStyle(0x333333, 0.9).fillCircle(lx, ly, 3);
    }
  }

  private region(id: string): MapRegion | undefined {
    return this.mapData.regions.find((r) => r.id === id);
  }

  private fillRings(g: Phaser.GameObjects.Graphics, region: MapRegion): void {
    for (const ring of region.rings) g.fillPoints(ring.map(([x, y]) => new P.Math.Vector2(x, y)), true);
  }

  private strokeRings(g: Phaser.GameObjects.Graphics, region: MapRegion): void {
    for (const ring of region.rings) g.strokePoints(ring.map(([x, y]) => new P.Math.Vector2(x, y)), true);
  }

  private drawLand(): void {
    const g = this.landLayer;
    g.clear();
    for (const r of this.mapData.regions) {
      if (r.kind === "state") continue;
      g.fillStyle(r.kind === "neighbour" ? LAND : CONTEXT, 1);
      this.fillRings(g, r);
      g.lineStyle(1 / this.scaleFactor, BORDER, 0.6);
      this.strokeRings(g, r);
    }
  }

  private drawStates(): void {
    if (!this.mapData) return;
    const g = this.stateLayer;
    const o = this.overlay;
    g.clear();
    o.clear();
    const px = 1 / this.scaleFactor;
    for (const id of STATES) {
      const region = this.region(id);
      if (!region) continue;
      const c: CountryState | undefined = this.view?.countries[id];
      const lead = c ? leadingPower(c) : null;
      g.fillStyle(STATE_FILL, 1);
      this.fillRings(g, region);
      if (c?.crisis && this.showCards) {
        g.fillStyle(0xd55e00, 0.22);
        this.fillRings(g, region);
      }
      void lead;
      g.lineStyle(1.6 * px, 0x2b2620, 1);
      this.strokeRings(g, region);
    }
    for (const id of this.highlighted) {
      const region = this.region(id);
      if (!region) continue;
      o.lineStyle(4 * px, 0x000000, 0.85);
      this.strokeRings(o, region);
      o.lineStyle(2 * px, 0xf0e442, 1);
      this.strokeRings(o, region);
    }
    if (this.selected) {
      const region = this.region(this.selected);
      if (region) {
        o.lineStyle(5 * px, 0xffffff, 1);
        this.strokeRings(o, region);
        o.lineStyle(2.5 * px, 0x000000, 1);
        this.strokeRings(o, region);
      }
    }
    for (const [id, card] of this.cards) card.setSelected(id === this.selected, this.highlighted.has(id));
  }
}
