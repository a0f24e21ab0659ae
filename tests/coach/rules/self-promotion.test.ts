import { describe, expect, it } from "vitest";
import { companyNews } from "../../../src/coach/rules/company-news.js";
import { mediaAppearance } from "../../../src/coach/rules/media-appearance.js";
import { selfPromotion } from "../../../src/coach/rules/self-promotion.js";
import { excerpts } from "../../helpers/rules.js";

describe("self-promotion (selling one's own work)", () => {
  it("finds one's own product and calls to act, in English", () => {
    expect(excerpts(selfPromotion, "Pre-order my new book today: link in comments.", "en")).toEqual([
      "my new book",
      "action:link in comments",
    ]);
    expect(excerpts(selfPromotion, "Join me tomorrow for a live webinar.", "en")).toEqual(["action:Join me"]);
    expect(
      excerpts(
        selfPromotion,
        "My new 6-week course opens Monday. Only 50 seats. Early-bird pricing ends Friday.",
        "en",
      ),
    ).toEqual(["My new 6-week course", "action:Only 50 seats", "action:Early-bird pricing"]);
  });
  it("and in French", () => {
    expect(excerpts(selfPromotion, "Mon nouveau livre sort : lien en commentaire.", "fr")).toEqual([
      "Mon nouveau livre",
      "action:lien en commentaire",
    ]);
    expect(excerpts(selfPromotion, "Inscrivez-vous à ma masterclass !", "fr")).toEqual([
      "action:Inscrivez-vous",
      "ma masterclass",
    ]);
    // An offer to sell, in both languages; an offer to help is not one.
    expect(excerpts(selfPromotion, "Contactez-moi pour mes tarifs.", "fr")).toEqual([
      "action:Contactez-moi pour mes tarifs",
    ]);
    expect(excerpts(selfPromotion, "Contact me for my rates.", "en")).toEqual([
      "action:Contact me for my rates",
    ]);
    expect(
      excerpts(
        selfPromotion,
        "Si vous tombez sur le même problème, écrivez-moi, je vous montre le correctif.",
        "fr",
      ),
    ).toEqual([]);
    expect(excerpts(selfPromotion, "Envoyez-moi un message si vous voulez le modèle.", "fr")).toEqual([
      "action:Envoyez-moi un message",
    ]);
    // "DM me" costs a brag in English: its French forms too (blind probe).
    expect(excerpts(selfPromotion, "Si tu veux faire partie de l'aventure, envoie-moi un DM.", "fr")).toEqual(
      ["action:envoie-moi un DM"],
    );
    expect(excerpts(selfPromotion, "Les recruteurs, mon DM est ouvert !", "fr")).toEqual([
      "action:mon DM est ouvert",
    ]);
    expect(excerpts(selfPromotion, "Écris-moi en DM, je t'envoie le modèle.", "fr")).toEqual([
      "action:Écris-moi en DM",
    ]);
    expect(excerpts(selfPromotion, "Il m'a envoyé un DM hier pour le modèle.", "fr")).toEqual([]);
  });
  it("reads an offer of help as no call to act, and asks for a DM alike in English and French (found by a review)", () => {
    expect(
      excerpts(selfPromotion, "Envoie-moi un MP si tu bloques sur l'install, je t'aide.", "fr", "slack"),
    ).toEqual([]);
    expect(excerpts(selfPromotion, "Envoyez-moi un message si vous avez des questions.", "fr")).toEqual([]);
    expect(excerpts(selfPromotion, "DM me if you get stuck.", "en", "slack")).toEqual([]);
    expect(excerpts(selfPromotion, "Message me if you have any questions, happy to help.", "en")).toEqual([]);
    // Asking for no message, or offering to sort something out together (found by a probe).
    expect(excerpts(selfPromotion, "Please don't DM me, I won't be checking Slack.", "en", "slack")).toEqual(
      [],
    );
    expect(
      excerpts(selfPromotion, "If none of these work for you, DM me and we'll figure something out.", "en"),
    ).toEqual([]);
    expect(
      excerpts(
        selfPromotion,
        "Si aucune option ne vous convient, écrivez-moi en privé, on trouvera une solution.",
        "fr",
      ),
    ).toEqual([]);
    // …but not a pitch: "don't hesitate", growth promised, a call booked (found by a review).
    expect(excerpts(selfPromotion, "Don't hesitate DM me for my rates.", "en", "slack")).toEqual([
      "action:DM me",
    ]);
    expect(excerpts(selfPromotion, "Want to double your leads? DM me and we'll find a way.", "en")).toEqual([
      "action:DM me",
    ]);
    expect(
      excerpts(
        selfPromotion,
        "Écrivez-moi en privé, on trouvera une solution pour booster vos ventes.",
        "fr",
      ),
    ).toEqual(["action:Écrivez-moi en privé"]);
    expect(excerpts(selfPromotion, "I'm happy to help you grow your revenue, book a call.", "en")).toEqual([
      "action:book a call",
    ]);
    // Counter-cases: a DM asked for the author's sake, in either language.
    expect(excerpts(selfPromotion, "Send me a DM for the template.", "en")).toEqual(["action:Send me a DM"]);
    expect(excerpts(selfPromotion, "Envoie-moi un DM pour le modèle.", "fr")).toEqual([
      "action:Envoie-moi un DM",
    ]);
    expect(excerpts(selfPromotion, "Recruiters, my DMs are open!", "en")).toEqual(["action:my DMs are open"]);
    expect(excerpts(selfPromotion, "DM me for my rates.", "en")).toEqual(["action:DM me"]);
  });
  it("reads 'you're stuck' as an offer of help, and help with a price or places left as a sale (found by a final review)", () => {
    for (const text of [
      "DM me if you're stuck on the migration.",
      "DM me if you are stuck on the migration.",
    ])
      expect(excerpts(selfPromotion, text, "en", "slack"), text).toEqual([]);
    expect(
      excerpts(selfPromotion, "DM me if you need help with your website. Rates start at $500.", "en"),
    ).toEqual(["action:DM me"]);
    expect(excerpts(selfPromotion, "DM me if you need help. Book a call this week.", "en")).toEqual([
      "action:DM me",
      "action:Book a call",
    ]);
    expect(
      excerpts(
        selfPromotion,
        "Envoyez-moi un message si vous avez besoin d'un coach. Il me reste 2 places.",
        "fr",
      ),
    ).toEqual(["action:Envoyez-moi un message"]);
    expect(
      excerpts(selfPromotion, "Envoie-moi un MP si tu as besoin d'aide, mes tarifs sont en ligne.", "fr"),
    ).toEqual(["action:Envoie-moi un MP"]);
    // Counter-cases: help offered with a number that is no price, nor places to sell.
    expect(
      excerpts(selfPromotion, "DM me if you need help with the 3 steps above, happy to pair.", "en"),
    ).toEqual([]);
    expect(
      excerpts(selfPromotion, "Envoyez-moi un message si vous avez besoin d'aide pour la v2.", "fr"),
    ).toEqual([]);
  });
  it("sells nothing in a question or in someone else's work", () => {
    expect(excerpts(selfPromotion, "Should I write my first book?", "en")).toEqual([]);
    expect(excerpts(selfPromotion, "Janelle Shane wrote a wonderful book about how AI fails.", "en")).toEqual(
      [],
    );
    expect(excerpts(selfPromotion, "Join us in congratulating Maria on her new role.", "en")).toEqual([]);
  });
  it("sells nothing that is only named after what it would sell, nor a title quoted", () => {
    expect(excerpts(selfPromotion, "My book club meets Friday.", "en")).toEqual([]);
    expect(excerpts(selfPromotion, "My course was cancelled, so I'm free Friday.", "en")).toEqual([]);
    expect(excerpts(selfPromotion, "My newsletter inbox is out of control.", "en")).toEqual([]);
    expect(excerpts(selfPromotion, "Mon livre de chevet en ce moment : Sapiens.", "fr")).toEqual([]);
    expect(excerpts(selfPromotion, "Ma formation a été annulée, je suis libre vendredi.", "fr")).toEqual([]);
    expect(
      excerpts(selfPromotion, 'For our book club I picked "I Will Teach You to Be Rich" this month.', "en"),
    ).toEqual([]);
    expect(
      excerpts(selfPromotion, "Pour notre club, j'ai choisi « Je vous montrerai le chemin ».", "fr"),
    ).toEqual([]);
  });
  it("still finds a real sale", () => {
    expect(excerpts(selfPromotion, "My new book is out, link in comments.", "en")).toEqual([
      "My new book",
      "action:link in comments",
    ]);
    expect(excerpts(selfPromotion, "Mon nouveau livre sort demain.", "fr")).toEqual(["Mon nouveau livre"]);
    expect(excerpts(selfPromotion, "Join my course.", "en")).toEqual(["my course"]);
    expect(excerpts(selfPromotion, "My book is out today.", "en")).toEqual(["My book"]);
  });
});

describe("media-appearance", () => {
  it("finds one's own appearances", () => {
    // One appearance, one finding, even when two phrases say it.
    expect(excerpts(mediaAppearance, "Thanks to Becky for having me on CNBC this morning.", "en")).toEqual([
      "Thanks to Becky for having me on CNBC",
    ]);
    expect(excerpts(mediaAppearance, "Merci à France Inter de m'avoir invitée ce matin.", "fr")).toEqual([
      "Merci à France Inter de m'avoir invitée",
    ]);
    // A visit to a studio, not a job there.
    expect(
      excerpts(
        mediaAppearance,
        "Had a blast joining the team at Bloomberg TV this morning to talk about AI.",
        "en",
      ),
    ).toEqual(["joining the team at Bloomberg TV"]);
    expect(excerpts(mediaAppearance, "I joined Bloomberg as an analyst in 2019.", "en")).toEqual([]);
    expect(
      excerpts(mediaAppearance, "Ravie d'avoir rejoint l'équipe de BFM Business ce matin.", "fr"),
    ).toEqual(["rejoint l'équipe de BFM Business"]);
  });
  it("finds talk on air, not talk at work", () => {
    expect(
      excerpts(mediaAppearance, "I sat down with Sarah on her podcast to talk about hiring.", "en"),
    ).toEqual(["I sat down with Sarah on her podcast"]);
    expect(excerpts(mediaAppearance, "Last week I spoke at the DevOps Summit.", "en")).toEqual([
      "I spoke at",
    ]);
    // Found by a black-box probe: everyday conversations read as media appearances.
    for (const text of [
      "We talked to 40 customers before writing code. Talk to yours.",
      "I talked to my manager about burnout and it changed how our team plans sprints.",
      "I spoke with five recruiters last month: here is what they all look for in a junior CV.",
      "I was on vacation for two weeks and nothing broke.",
    ])
      expect(excerpts(mediaAppearance, text, "en"), text).toEqual([]);
  });
  it("ignores reading the news", () => {
    expect(excerpts(mediaAppearance, "The Economist on why unemployment is hard to predict.", "en")).toEqual(
      [],
    );
  });
});

describe("company-news", () => {
  it("finds a company's own PR", () => {
    expect(excerpts(companyNews, "We are thrilled to announce our Series B.", "en")).toEqual([
      "We are thrilled to announce",
      "Series B",
    ]);
    expect(excerpts(companyNews, "Nous sommes fiers d'annoncer notre levée de fonds.", "fr")).toEqual([
      "Nous sommes fiers d'annoncer",
      "levée de fonds",
    ]);
    // As "We just closed our $30M", "were named one of the best" (blind probe).
    expect(
      excerpts(
        companyNews,
        "Rejoignez la scale-up la plus hype de la French Tech ! On vient de lever 25 M€ et on a été élus meilleure startup de l'année.",
        "fr",
      ),
    ).toEqual(["Rejoignez la scale-up la plus hype", "On vient de lever", "on a été élus"]);
  });
  it("ignores news about others", () => {
    expect(excerpts(companyNews, "Pfizer says its vaccine is 90% effective.", "en")).toEqual([]);
    expect(excerpts(companyNews, "Rejoignez-nous jeudi pour un atelier sur les tests.", "fr")).toEqual([]);
    expect(excerpts(companyNews, "On vient de lever la séance.", "fr")).toEqual([]);
  });
});
