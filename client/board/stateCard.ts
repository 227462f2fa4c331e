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

  contains(x: number, y: number): boolean {
    const { x: cx, y: cy } = this.container;
    return this.container.visible && x >= cx && x <= cx + CARD_W && y >= cy && y <= cy + this.lastHeight;
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
    for (let i = 0; i < 10; i++) {
      const colour = i < c.stability ? (c.stability <= 3 ? 0xd55e00 : 0x0072b2) : 0xdddddd;
      this.bars.fillStyle(colour, 1).fillRect(78 + i * 7, y + 3, 5, 8);
    }
    y += 14;
    this.debt.setText(lines.debt).setPosition(7, y);
    y += 14;
    this.members.setText(lines.members).setPosition(7, y).setVisible(!compact);
    this.assets.setText(lines.assets).setPosition(7, y + 13).setVisible(!compact && !!lines.assets);
    if (!compact) y += lines.assets ? 27 : 14;
    this.lastHeight = y + 4;
    this.drawBg();
  }

  /** Floats the changes of the last step up from the marker and flashes its frame. */
  announce(changes: Change[]): void {
    const { x, y } = this.container;
    changes.slice(0, 4).forEach((change, i) => {
      const label = this.scene.add.text(x + CARD_W / 2, y - 4 - i * 15, change.text, {
        fontFamily: FONT, fontSize: "12px", fontStyle: "bold", color: change.good ? "#003f73" : "#8a1c00",
        backgroundColor: "#ffffffdd", padding: { x: 4, y: 1 },
      }).setOrigin(0.5, 1).setDepth(10);
      this.scene.tweens.add({ targets: label, y: label.y - 26, alpha: 0, delay: 900 + i * 120, duration: 1600, onComplete: () => label.destroy() });
    });
    this.scene.tweens.add({ targets: this.container, scale: { from: 1.06, to: 1 }, duration: 500, ease: "Quad.easeOut" });
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
