import type { CountryState, StateId } from "../../shared/engine/index.ts";
import { SEAT_COLOURS, hexToNumber } from "../ui/palette.ts";
import { cardLines, influenceTotals } from "./cardText.ts";
import { t } from "../i18n/strings.ts";
import type { Change } from "./changes.ts";

export const CARD_W = 156;
const FONT = "system-ui, sans-serif";
const BAR_MAX = 15;

/** A state's marker on the board: name, influence of each power, stability, debt, memberships and assets. */
export class StateCard {
  readonly container: Phaser.GameObjects.Container;
  private bg: Phaser.GameObjects.Graphics;
  private bars: Phaser.GameObjects.Graphics;
  private title: Phaser.GameObjects.Text;
  private status: Phaser.GameObjects.Text;
  private infl: Phaser.GameObjects.Text[];
  private stab: Phaser.GameObjects.Text;
  private debt: Phaser.GameObjects.Text;
  private members: Phaser.GameObjects.Text;
  private assets: Phaser.GameObjects.Text;
  private selected = false;
  private highlighted = false;
  private compactMode = false;
  private lastHeight = 0;
  /** Drawn smaller on a narrow board (a phone), where three cards share a row. */
  private cardScale = 1;
  /** The labels of the last change, shown on the card itself so they never pile over news or other cards. */
  private flash: Phaser.GameObjects.Text[] = [];
  onClick: (() => void) | null = null;

  private scene: Phaser.Scene;
  readonly id: StateId;

  constructor(scene: Phaser.Scene, id: StateId) {
    this.scene = scene;
    this.id = id;
    const text = (size: number, colour = "#1b1b1b", style = "normal") =>
      scene.add.text(0, 0, "", { fontFamily: FONT, fontSize: `${size}px`, color: colour, fontStyle: style });
    this.bg = scene.add.graphics();
    this.bars = scene.add.graphics();
    this.title = text(12, "#111111", "bold");
    this.status = text(11, "#8a1c00", "bold");
    this.infl = [0, 1, 2].map(() => text(10, "#222222", "bold"));
    this.stab = text(10);
    this.debt = text(10);
    this.members = text(10, "#333333");
    this.assets = text(10, "#333333");
    this.container = scene.add.container(0, 0, [this.bg, this.bars, this.title, this.status, ...this.infl, this.stab, this.debt, this.members, this.assets]);
  }

  height(compact: boolean): number {
    return this.lastHeight || (compact ? 72 : 104);
  }

  /** The card's size on screen, after its scale. */
  box(compact: boolean): { w: number; h: number } {
    return { w: CARD_W * this.cardScale, h: this.height(compact) * this.cardScale };
  }

  setCardScale(scale: number): void {
    this.cardScale = scale;
    this.container.setScale(scale);
  }

  contains(x: number, y: number): boolean {
    const { x: cx, y: cy } = this.container;
    return this.container.visible && x >= cx && x <= cx + CARD_W * this.cardScale && y >= cy && y <= cy + this.lastHeight * this.cardScale;
  }

  setSelected(selected: boolean, highlighted: boolean): void {
    this.selected = selected;
    this.highlighted = highlighted;
    this.drawBg();
  }

  update(c: CountryState, compact: boolean): void {
    this.compactMode = compact;
    const lines = cardLines(c);
    let y = 5;
    this.title.setText(lines.title).setPosition(7, y);
    y += 16;
    this.status.setText(lines.status ?? "").setPosition(7, y).setVisible(!!lines.status);
    if (lines.status) y += 14;
    this.bars.clear();
    influenceTotals(c).forEach((row, i) => {
      const x = 7 + i * 49;
      this.infl[i]!.setText(`${row.mark} ${row.total}`).setPosition(x, y);
      this.bars.fillStyle(0xdddddd, 1).fillRect(x, y + 13, 42, 4);
      this.bars.fillStyle(hexToNumber(SEAT_COLOURS[row.power]), 1).fillRect(x, y + 13, Math.min(42, (42 * row.total) / BAR_MAX), 4);
    });
    y += 21;
    this.stab.setText(`${t("state.stability")} ${c.stability}`).setPosition(7, y);
    // The meter starts after the label, however long the language's word, and narrows to fit the card.
    const meterX = Math.max(78, 7 + this.stab.width + 5);
    const cell = Math.min(7, (CARD_W - 6 - meterX) / 10);
    for (let i = 0; i < 10; i++) {
      const colour = i < c.stability ? (c.stability <= 3 ? 0xd55e00 : 0x0072b2) : 0xdddddd;
      this.bars.fillStyle(colour, 1).fillRect(meterX + i * cell, y + 3, Math.max(2, cell - 2), 8);
    }
    y += 14;
    this.debt.setText(lines.debt).setPosition(7, y);
    y += 14;
    this.members.setText(lines.members).setPosition(7, y).setVisible(!compact);
    // A long assets line (longer words in some languages) wraps inside the card, which grows to hold it.
    this.assets.setWordWrapWidth(CARD_W - 14).setText(lines.assets).setPosition(7, y + 13).setVisible(!compact && !!lines.assets);
    if (!compact) y += lines.assets ? 14 + Math.max(13, this.assets.height) : 14;
    this.lastHeight = y + 4;
    this.drawBg();
  }

  /**
   * Shows the changes of the last step on the card itself, one line each, and flashes its frame. Earlier labels go
   * first, and what does not fit the card is counted, so labels never pile over the news, other cards or each other.
   */
  announce(changes: Change[]): void {
    for (const label of this.flash) {
      this.scene.tweens.killTweensOf(label);
      if (label.scene) label.destroy();
    }
    const room = Math.max(1, Math.floor((this.lastHeight - 6) / 16));
    const shown = changes.length > room ? changes.slice(0, room - 1) : changes;
    const lines = shown.map((c) => ({ text: c.text, colour: c.good ? "#003f73" : "#8a1c00" }));
    if (shown.length < changes.length) lines.push({ text: t("board.more", { count: changes.length - shown.length }), colour: "#333333" });
    this.flash = lines.map((line, i) => {
      const label = this.scene.add.text(CARD_W / 2, 4 + i * 16, line.text, {
        fontFamily: FONT, fontSize: "12px", fontStyle: "bold", color: line.colour, backgroundColor: "#ffffff", padding: { x: 4, y: 1 },
        fixedWidth: CARD_W - 8, align: "center",
      }).setOrigin(0.5, 0);
      this.container.add(label);
      this.scene.tweens.add({ targets: label, alpha: 0, delay: 1800 + i * 120, duration: 900, onComplete: () => label.destroy() });
      return label;
    });
    const s = this.cardScale;
    this.scene.tweens.add({ targets: this.container, scale: { from: s * 1.06, to: s }, duration: 500, ease: "Quad.easeOut" });
  }

  private drawBg(): void {
    const g = this.bg;
    g.clear();
    const h = this.lastHeight;
    g.fillStyle(0xffffff, 0.93).fillRoundedRect(0, 0, CARD_W, h, 6);
    const width = this.selected ? 3 : this.highlighted ? 3 : 1;
    const colour = this.selected ? 0x000000 : this.highlighted ? 0xb8860b : 0x5a5246;
    g.lineStyle(width, colour, 1).strokeRoundedRect(0, 0, CARD_W, h, 6);
    g.fillStyle(hexToNumber(SEAT_COLOURS[this.id]), 1).fillRect(0, 6, 4, Math.max(0, h - 12));
    void this.compactMode;
  }
}
