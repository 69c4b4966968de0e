/*
 * extract/people.h — private to extract/entities.c and extract/people.c: the
 * state of one entity run (tokens, mentions, entities found in the text)
 * and the helpers both passes use.
 */
#ifndef DOSSIER_EXTRACT_PEOPLE_H
#define DOSSIER_EXTRACT_PEOPLE_H

#include <string.h>

#include "dossier/zh.h"
#include "lib.h"

struct mention {
    uint32_t start, end;
    uint32_t ref; /* < nents: gazetteer entity; else dyn index + nents */
};

struct dyn {
    char *name, *alt;
    enum entity_kind kind;
    char key[32]; /* lone-token key for persons: surname ("" if none) */
};

struct ent_run {
    const char *s;
    size_t n;
    const struct gazetteer *g;
    struct toks t;
    uint8_t *covered; /* per token: 1 gazetteer/org, 2 person */
    struct mention *m;
    size_t nm, capm;
    struct dyn *d;
    size_t nd, capd;
    int32_t *dmap;   /* hash of (name, kind) -> dyn index, open addressing */
    size_t dmask;
    struct segmenter *seg; /* Chinese words (borrowed from the extractor) */
    struct er_acronym {
        uint32_t tok, ref; /* "(CBN)" after an organisation: its token, the entity */
    } *acr;
    size_t nacr, capacr;
};

/* Is token t in word list id, as written (lower = 0) or in lower case
 * (lower = 1)? Cached per token. */
bool er_list(const struct ent_run *r, const struct tok *t, enum wl_id id, int lower);
/* er_list in lower case / exactly as written. */
bool er_in(const struct ent_run *r, const struct tok *t, enum wl_id id);
bool er_is(const struct ent_run *r, const struct tok *t, enum wl_id id);
/* Is token k the word w, exactly as written (false past the last token)?
 * Inline, so that the length of a literal w is known when compiled. */
static inline bool
er_tok_is(const struct ent_run *r, size_t k, const char *w)
{
    if (k >= r->t.n)
        return false;
    const struct tok *t = &r->t.v[k];
    size_t n = t->end - t->start;
    return strlen(w) == n && memcmp(r->s + t->start, w, n) == 0;
}
/* Record a mention [a, b) of ref. */
void er_mention(struct ent_run *r, uint32_t a, uint32_t b, uint32_t ref);
/* The entity (name, kind) found in the text, added when new; returns its ref. */
uint32_t er_dyn(struct ent_run *r, const char *name, enum entity_kind kind);
/* Record tokens [a, b] as a mention of the organisation they name (added
 * when new) and mark them covered; returns its ref. */
uint32_t er_org_span(struct ent_run *r, size_t a, size_t b);
/* The entity (name, kind) as a ref, or UINT32_MAX. */
uint32_t er_find(const struct ent_run *r, const char *name, enum entity_kind kind);
/* Text of tokens [i, j] joined by single spaces (hyphens kept). */
char *er_text(const struct ent_run *r, size_t i, size_t j);
/* Is the token joined to the one before it (a space or a hyphen)? */
bool er_joined(const struct tok *t);
/* Is token k a capitalised particle of an Irish name ("Ó" of "Eoin Ó
 * Broin", "Ní", "Mac"), between two name-like tokens? */
bool er_cap_particle(const struct ent_run *r, size_t k);
/* Is token k two run-together initials ("K.V." of "K.V. Kamath", "N.R."),
 * followed by a name-like token that is no stop word? */
bool er_initials(const struct ent_run *r, size_t k);
/* Does token k open an organisation's name in one of several languages
 * ("Banco", "Grupo", "Ministerio", "Universiti"), so that a run starting
 * with it is never a person? */
bool er_org_lead(const struct ent_run *r, size_t k);
/* Is [a, b] shaped as only a person's name is: run-together initials and
 * a surname ("K.V. Kamath"), a patronymic ("bin", "binti", "ibn") or an
 * Irish particle between name-like words, a Korean family name before a
 * hyphened given name ("Lee Jae-myung")? Evidence without a title. */
bool er_person_shape(const struct ent_run *r, size_t a, size_t b);
/* Is token t a word of kinship written in lower case ("his wife, Leah
 * Tutu", "their sons, Rodrigo"): a person's name follows. Capitalised, as
 * in a headline or a title ("Big Brother", "Sister on Same-Sex
 * Marriage"), it is no evidence. */
bool er_kin(const struct ent_run *r, const struct tok *t);
/* A kinship word and "of" right before token i ("the son of X"). */
bool er_kin_of(const struct ent_run *r, size_t i);
/* Token i, opening with a digit and holding a capital letter, a listed
 * organisation's whole name alone ("3M", "23andMe"; not "3m"): mentioned. */
bool er_num_org(struct ent_run *r, size_t i);
/* Is token k a surname with an elided particle ("d'Andrade" of "Miguel
 * Stilwell d'Andrade", "d'Estaing"): "d'" or "l'" and a capital? */
bool er_elided(const struct ent_run *r, size_t k);
/* Does [a, b] hold a word joined by hyphens that names a region or
 * qualifies one ("Indo-Pacific", "Sino-Indian"): a combining form or
 * prefix before a hyphen, an ocean, region or people after one; or is
 * [a, b] one such word with a place of the gazetteer as a part
 * ("Asia-Pacific")? Or two words, the second a country and the first no
 * given name ("Air France", "Football Australia")? Never a person's name. */
bool er_place_compound(const struct ent_run *r, size_t a, size_t b);
/* Is the run at token i what someone works at ("analysts at Peel Hunt",
 * "an economist at Capital Economics"): "at" after a job noun? */
bool er_works_at(const struct ent_run *r, size_t i);
/* Is the run [i, b] a brand or a shop: after "sales of" or "maker(s)
 * of", or a possessive with only punctuation after it? */
bool er_product_cue(const struct ent_run *r, size_t i, size_t b);
/* Does token k name an institution (extract/people.c's er_org_word)? */
bool er_org_word_at(const struct ent_run *r, size_t k);
/* Mark one-word nicknames in quotes inside a name (Ferdinand "Bongbong"
 * Marcos) TK_NICK, joined to the name and left out of its text
 * (extract/people_more.c). */
void er_mark_nicknames(struct ent_run *r);
/* Is a name ending at token b followed by "of", an organisation found and
 * a verb ("Kola Ologbondiyan of the Peoples Democratic Party said")? */
bool er_of_org_said(const struct ent_run *r, size_t b);
/* Is the run [a, b] joined by "and" to a person, each with "of" and a
 * place ("William Ruto of Kenya and Ismail Omar Guelleh of Djibouti")? */
bool er_and_person_of(const struct ent_run *r, size_t a, size_t b);
/* Is the run at token i named by the word before it, a musician's or
 * such ("the cellist Andrzej Nowak", "a pianist")? (Not a country's
 * possessive: "Japan's Kinki Nippon", "London's Evening Standard" as
 * often as "Denmark's Mette Frederiksen".) */
bool er_named_before(const struct ent_run *r, size_t i);
/* Does what stands before the run at token i make it a body, not a
 * person: "the" in lower case ("of the Bloc Québécois", "the Historic
 * Pact said": a person takes no article; "the Rev" is a title), or "of"
 * right after a person found ("Chris Weston of Thames Water": where the
 * person works)? */
bool er_body_before(const struct ent_run *r, size_t i);
/* Is a name ending at token b followed by "of", a capitalised name not
 * yet an entity and a reporting verb ("Santiago Abascal of Vox said")?
 * Evidence only with a given name first (not "Credit Suisse of ..."). */
bool er_of_name_said(const struct ent_run *r, size_t b);
/* Is token i's word written in lower case elsewhere in the text ("Vote
 * Blair" beside "the vote"): a common word, not a name? */
bool er_lower_elsewhere(const struct ent_run *r, size_t i);
/* Is the run [a, b] the subject of a clause reported by the name before
 * "said" ("McDonald said Sinn Féin would lead"): no "said" evidence. */
bool er_clause_subject(const struct ent_run *r, size_t a, size_t b);
/* Is the one-word place or country at token i a surname after a common
 * given name ("Thomas Jordan", "Winston Jordan"), no name going on after
 * it? */
bool er_given_before_place(const struct ent_run *r, size_t i);
/* extract/people_places.c: is token k a place that is as often a first
 * name ("Jordan", "Sydney", "Florence")? */
bool er_place_first_word(const struct ent_run *r, size_t k);
/* ... opening a name with the surname after it said alone elsewhere in
 * the text ("Jordan Henderson ... Henderson, 35,")? */
bool er_place_first(const struct ent_run *r, size_t k);
/* Is the run ending at token b followed by ", which" (a body's relative)? */
bool er_which_after(const struct ent_run *r, size_t b);
/* Is the run at token a after "by" and a word of making, owning or
 * attacking ("made by Novo Nordisk", "attacks by Boko Haram")? */
bool er_by_maker(const struct ent_run *r, size_t a);
/* Is token k a capitalised Arabic article joined by a hyphen to a name
 * ("Al" of "Al-Naimat", "El" of "El-Erian")? */
bool er_al_surname(const struct ent_run *r, size_t k);
/* extract/org_marks.c: names with "&" ("Seven & i Holdings"), a unit's number
 * ("its 7 Division"), a number and a hyphen ("7-Eleven"), recorded as
 * organisations before the people pass. */
void er_pass_marks(struct ent_run *r);
/* The mentions (sorted) of a body named once in apposition to another
 * ("Frontex, the European Border and Coast Guard Agency,") made the
 * other's. */
void er_link_appositions(struct ent_run *r);
/* Is the league at k a competition, not a body ("Champions League",
 * "Europa League", "Nations League")? */
bool er_competition(const struct ent_run *r, size_t k);
/* Is a league's number right after token k, part of the name ("K League
 * 1"; not a score, "League 2-1")? */
bool er_name_number(const struct ent_run *r, size_t k);
/* Is token k an event's word ("Cup", "Awards", "Baftas"): no body's name
 * goes on over "and" after it ("the Heineken Cup and Celtic League")? */
bool er_event_word(const struct ent_run *r, size_t k);
/* People: persons with evidence, their titled lone names, later mentions. */
void er_pass_people(struct ent_run *r);
/* People: every later mention of the persons found, full or by surname
 * (extract/people_later.c). */
void er_pass_later(struct ent_run *r);
/* Remember token k, an acronym or a one-word company name, as a name of
 * ref: later tokens written the same are its mentions (er_acronym_use). */
void er_remember(struct ent_run *r, size_t k, uint32_t ref);
/* Token i written as an acronym or a company name found before: a mention
 * of its organisation (true), or false (extract/entities.c). */
bool er_acronym_use(struct ent_run *r, size_t i);
/* Organisations by their place in a sentence: "X chief executive Y",
 * "X shares", "SMRT said" (extract/org_shapes.c). */
void er_pass_companies(struct ent_run *r);
/* Every mention of an organisation whose name is a short form of a
 * longer one found in the article (the name without its legal form, its
 * first or last word, its initials) made a mention of the longer one
 * (extract/org_links.c). */
void er_pass_link_orgs(struct ent_run *r);
/* The person found whose name opens with the given name w (n bytes) and
 * a space ("Ian Cheshire-Dunn" for "Sir Ian"), or whose second word from
 * the end, of three words or more, is w (a first surname: "Piña" of
 * "Norma Lucía Piña Hernández"), when exactly one is, or UINT32_MAX
 * (extract/people_more.c). */
uint32_t er_first_name_of(const struct ent_run *r, const char *w, size_t n);
uint32_t er_first_surname_of(const struct ent_run *r, const char *w, size_t n);
/* Is the run [i, j] placed as a body by org_cues.c's cues: a source
 * spoken to, what members belong to, after a person's "of", a plural
 * team after "the"? */
bool er_org_cued(const struct ent_run *r, size_t i, size_t j);
/* Widen a body's name [*i, *j] over "for", "on", "without" (and "the"
 * after them) to the capitalised words they join: "Meals on Wheels". */
void er_org_widen(const struct ent_run *r, size_t *i, size_t *j);
/* The first token of a body's name whose last word is token i: a listed
 * place's mention right before it is dropped and becomes part of the
 * name ("the Los Angeles Lakers"); i when there is none. */
size_t er_org_absorb_place(struct ent_run *r, size_t i);
/* Does a move of a share price follow the run ending at token b ("Walt
 * Disney gained 3%", "Dell climbed 4 per cent")? A company's, never a
 * person's. */
bool er_market_move(const struct ent_run *r, size_t b);
/* Chinese: gazetteer aliases, people and organisations inside the CJK run
 * of token i (extract/zh_entities.c). */
void zh_pass_run(struct ent_run *r, size_t i);
/* Chinese: every later mention of a Chinese name found by zh_pass_run. */
void zh_pass_later(struct ent_run *r);
/* Chinese (zh_later.c): is ref an organisation (of the gazetteer or found
 * in the text), a country or place of the gazetteer? */
bool zh_is_org(const struct ent_run *r, uint32_t ref);
bool zh_place_ref(const struct ent_run *r, uint32_t ref);
/* Chinese, after a run's passes (its mentions from first_m): drop the
 * places inside a body's name; grow a gazetteer body over the place right
 * before it (澳門|立法會). */
void zh_drop_places_in_orgs(struct ent_run *r, size_t first_m);
/* A person's name [p, e) read over places of the gazetteer that lie
 * inside it from its first character (韓國|瑜說, 李|四川說): drops those
 * mentions (from first_m on) and says true when every mention it overlaps
 * is such a place, else changes nothing and says false. */
bool zh_person_over_places(struct ent_run *r, size_t first_m, size_t p, size_t e);
void zh_grow_gazetteer_orgs(struct ent_run *r, size_t first_m);
/* Chinese organisations' word lists (zh_later.c): generic nouns that end
 * in a suffix but name no body, words that end the name before a body,
 * words that make the noun after them a description. */
extern struct zh_list zh_org_generic_l, zh_org_stops_l, zh_org_indefinite_l;

#endif
