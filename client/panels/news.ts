import { CARD_BY_ID } from "../../shared/content/index.ts";
import type { GameView } from "../../shared/engine/index.ts";
import { h, replace } from "../ui/dom.ts";
import { citationText, shortCitationText } from "../ui/citation.ts";
import { sourceButton } from "../ui/sourceDialog.ts";
import { cardText, cardTitle, t } from "../i18n/strings.ts";

/** This year's news cards over the top of the map, each with its source. */
export class NewsStrip {
  readonly el = h("section", { class: "news", id: "news", "aria-label": t("log.news") });
  private key = "";

  render(view: GameView): void {
    const key = `${view.global.year}|${view.news.join(",")}`;
    if (key === this.key) return;
    this.key = key;
    replace(this.el, ...view.news.map((id) => {
      const card = CARD_BY_ID.get(id);
      if (!card) return null;
      return h("article", { class: "news-card", "data-card": id },
        h("div", { class: "kicker" }, t("news.heading", { year: view.global.year })),
        h("h3", {}, cardTitle(id)),
        h("p", { title: cardText(id) }, cardText(id)),
        h("div", { class: "news-source" }, sourceButton(cardTitle(id), card.source), " ", h("small", { class: "news-cite", lang: "en", title: citationText(card.source.file) }, shortCitationText(card.source.file))));
    }));
  }
}
