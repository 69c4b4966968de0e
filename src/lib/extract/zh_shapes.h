/*
 * extract/zh_shapes.h — shapes of Chinese names that zh_entities.c's
 * patterns ask about (extract/zh_shapes.c).
 */
#ifndef DOSSIER_EXTRACT_ZH_SHAPES_H
#define DOSSIER_EXTRACT_ZH_SHAPES_H

#include "dossier/zh.h"
#include "people.h"

/* Is cp a dot between the parts
 * of a foreign name (·, ‧, ・, •, or a hyphen: 讓-諾埃爾)? */
bool zh_name_dot(uint32_t cp);
/* After the dot of a foreign name, is the character at s[q, q + l) one the
 * syllable list lacks but the name holds between two syllables (屈 of
 * 萊斯屈爾): a character that may be in a name, a syllable after it? */
bool zh_translit_odd(const char *s, size_t n, size_t q, size_t l);
/* Does an English name in brackets follow s[e] (陳奕迅（Eason）)? */
bool zh_latin_name_after(const char *s, size_t n, size_t e);
/* The end of the dotted parts of a foreign name after its first part
 * ends at e (柯林|·勞倫斯·塞克雷拉), each of two syllables or more; e when
 * none follows. */
size_t zh_dotted_tail(const char *s, size_t n, size_t e);
/* What the CJK run s[a, b) holds, in one pass over its bytes: 鄉, 鎮 or
 * 村 (either script: a pair of names with suffixes may end in one,
 * 溪龍鄉黃杜村), 道, 路 or 街 (a road may be there) and an administrative
 * suffix written twice (區區長: zh_admin_doubled). */
enum { ZH_MARK_LOW_ADMIN = 1, ZH_MARK_ROAD = 2, ZH_MARK_TWICE = 4 };
unsigned zh_run_marks(const char *s, size_t a, size_t b);
/* Is the character at s[p0] a measure word after a number (2,000|家|公司,
 * 兩|家|公司), which no body's name starts with? */
bool zh_after_number(const char *s, size_t p0);
/* Does a word end at e whose last character is a body's suffix but which
 * names no body (判處, 到處, 格局, 幹部, 舉辦)? */
bool zh_org_false_tail(const char *s, size_t a, size_t e);
/* Does a word start at s[p] with a suffix's character that is no body's
 * end there (協議, 協定, 辦法, 辦理: the words 協 and 辦 mostly start)?
 * Such a character alone does not make a run worth the segmenter. */
bool zh_suffix_starts_word(const char *s, size_t p, size_t hi);
/* One CJK run [a, b) of r->s, its first mention and its word boundaries
 * (relative to a), for the road pattern. */
struct zh_road_run {
  struct ent_run *r;
  const char *s;
  size_t a, b, first_m;
  const uint32_t *br;
  size_t nb;
};
/* May the run hold a road: 道, 路 or 街 with the words after it that
 * zh_roads asks for, or a place's mention before it? (No segmenter: the
 * boundaries are asked for only then; w->br may be NULL.) */
bool zh_road_maybe(const struct zh_road_run *w);
/* Roads of the run as places: a name of two or three characters, a
 * suffix (道, 路, 街, 公路, 大道, 大街) and a part of town (中, 東), where
 * the words around say where (在彌敦道, 觀塘道近, 長安街沿線). */
void zh_roads(const struct zh_road_run *w);

/* Is there an honorific at s[e] (先生, 女士, 小姐, 博士: 李家偉先生)? As
 * strong a sign of a name as a title before it. */
bool zh_honorific_after(const char *s, size_t e, size_t hi);
/* Does the clause go on from a name that ends at s[e] with 在 or 於 and a
 * reporting verb before hi (李雲飛在微博上表示, 黃仁勳在大會上說)? */
bool zh_said_later(const char *s, size_t e, size_t hi);
/* Adverbs written between a title and a reporting verb (總統隨後表示,
 * 主席多次強調), which no name starts with. */
extern struct zh_list zh_adverbs_l;
static inline bool zh_adverb_at(const char *s, size_t p, size_t hi) {
  return zh_forms_at(zh_forms(&zh_adverbs_l), s, p, hi, NULL) > 0;
}
/* Does a place's suffix (市, 縣, 區, 鎮, 鄉, 省) end at s[p] (台北市|政府)? */
bool zh_admin_before(const char *s, size_t p);
/* Does a clause start at s[p], the start of a CJK run: after
 * punctuation, a space, a line's start or a bracket, not after a digit, a
 * letter or a per cent sign? */
bool zh_clause_start(const char *s, size_t p);
/* Does the clause that a name ending at s[e] opens go on to a verb of
 * speech or of meeting, right after the name (董明珠認為) or, when an
 * adverb or 在 follows the name, after at most reach characters before hi
 * (冯德莱恩此前在布鲁塞尔说, 李斌则认为, 夏宝龙随后会见), or after a
 * clause of when of two to four characters (何永賢視察時表示)? Not 說明
 * nor 稱為. */
bool zh_clause_says(const char *s, size_t e, size_t hi, size_t reach);
/* Is the subject a person's: a verb only people take right after it or
 * after an adverb (說, 認為, 透露: not 表示 nor 指出, which reports and
 * data take too), or 他 or 她 within fifty characters after (before n)? */
bool zh_person_said(const char *s, size_t e, size_t hi, size_t n);
/* Does the name s[p, e) name nobody: anonymised (王某, 李某某), a family
 * name and a kinship word or a title (陳伯, 李總, 岑特首), a country's side
 * (韓方), or a familiar form of two characters (老王, 小李)? */
bool zh_not_a_name(const char *s, size_t p, size_t e);
/* The end of a place's name with its suffix that starts at s[a] when the
 * suffix is written again as its head's title begins (餘杭區區長, 徑山鎮
 * 鎮長, 小古城村村支書: the doubled character says a place is named), or
 * 0; the caller asks for a word boundary at a. */
size_t zh_admin_doubled(const char *s, size_t a, size_t b);
/* Names in lists joined by 、 (and 及, 和 before the last) where the list
 * shows it is one of people (extract/zh_namelist.c): two names of three
 * characters the segmenter keeps whole, or one name found before. */
void zh_pass_lists(struct ent_run *r);
/* Is the character at s one of 和, 與, 与, 及 (three bytes of UTF-8)? */
static inline bool zh_join_at(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  return (u[0] == 0xE5 && ((u[1] == 0x92 && u[2] == 0x8C) || (u[1] == 0x8F && u[2] == 0x8A))) ||
         (u[0] == 0xE8 && u[1] == 0x88 && u[2] == 0x87) || (u[0] == 0xE4 && u[1] == 0xB8 && u[2] == 0x8E);
}
/* Two names of three characters joined at j by a join of three bytes in
 * the run [t0, t1) (孫穎莎和王楚欽), both shaped as names, free, and kept
 * whole or in single characters by the segmenter: persons. Says whether
 * the segmenter was asked (the caller's boundaries are then stale). */
bool zh_pair_three(struct ent_run *r, size_t t0, size_t t1, size_t j);
/* Bodies in lists (extract/zh_namelist.c): a word joined by 、, 和, 與 or
 * 及 to a body found before (小米和榮耀, 港大、科大和理大). */
void zh_pass_org_lists(struct ent_run *r);

/* Chinese names bounded where the family-name pattern stops short
 * (extract/zh_titled.c). The length of a Malay honorific at s[p]
 * (拿督斯里, 丹斯里), 0 when none: a title, never a name. */
size_t zh_honorific_at(const char *s, size_t p, size_t hi);
/* After a title ending at r->s[p], the end of a name of two family names
 * (林鄭月娥), of a given name holding one function character (孫其信,
 * 陳向東), of a Japanese family name of the list and a given name
 * (植田和男) or of dotted parts that hold characters no syllable list has
 * (艾爾肯·吐尼亞孜), in the CJK run [a, b) (sl: the family name's length at p,
 * 0 when none); 0 when none. */
size_t zh_titled_end(const struct ent_run *r, size_t a, size_t b, size_t p, size_t sl);
/* e, or 0 when a Malay honorific starts at s[p] or holds it (拿督|斯里扎夫魯:
 * no name 斯里扎夫魯). */
size_t zh_unless_honorific(const char *s, size_t p, size_t hi, size_t e);
/* Does a subject that ends at s[e] act as only a person does: a verb of
 * speech or meeting (zh_clause_says, within fourteen characters after an
 * adverb or 在) or a player's deed (擊敗, 戰勝, 入球), also as the first of
 * two subjects joined by 和 (陳佳鵬和浙江隊的鄧興鵬分獲)? */
bool zh_subject_acts(const char *s, size_t e, size_t hi);
/* Does a clause's subject start at r->s[p] in the run starting at a: the
 * run's start after punctuation (zh_clause_start) or a body's or a place's
 * 的 (zh_subject_after_de)? */
bool zh_subject_at(const struct ent_run *r, size_t a, size_t p);
/* Does a clause's subject start at s[p] after a body's or a place's 的
 * (中信證券研究部的陳果, 中國的石宇奇), in the run starting at a? */
bool zh_subject_after_de(const struct ent_run *r, size_t a, size_t p);
/* A person found by the last part of a dotted name found in the same
 * article (瓦德富爾 of 約翰·瓦德富爾) is that person: its mentions are
 * given the full name's entity. */
void zh_link_dotted_parts(struct ent_run *r);
/* Does a title of two characters or more start at s[p] with a family
 * name's character (董事長, 司長, 任命)? No name starts there. */
bool zh_title_starts(const char *s, size_t p, size_t hi);
/* Does a township's or a village's suffix (鄉, 鎮, 村, in either script)
 * end at s[e]? No person's name ends so (萬榮鄉: extract/zh_townships.c). */
bool zh_admin_end(const char *s, size_t e);
/* Townships, villages and counties named in a pair joined by 、 or 和
 * (安陲鄉、杆洞鄉, 文蘭村和銅門村): places both (extract/zh_townships.c). */
void zh_pass_townships(struct ent_run *r);
/* A place's party committee before its head's title (杭州市委書記,
 * 南山區委副書記): a body, the place inside it the body's
 * (extract/zh_townships.c). */
void zh_pass_committees(struct ent_run *r);
/* Does a suffix that ends at s[e] in 會 begin its head's title there
 * (馬華總會|長: a title, no body 總會)? */
bool zh_org_title_after(const char *s, size_t e, size_t hi);

/* zh_bodies.c: does a mention of a country or place found from first_m
 * start at p, or one of a person end at p0, around a join [p0, p)
 * (和|浙江隊, 柏鴻輝|及: the join is between two items, not two words of
 * one name)? */
bool zh_place_starts(const struct ent_run *r, size_t first_m, size_t p0, size_t p);
/* zh_bodies.c: the start of a body's name found at a, past a joiner that
 * the name cannot start with (昨日|與|國家航天局: 與 is "with" there);
 * SIZE_MAX stays. */
size_t zh_org_trim(const char *s, size_t a);
/* zh_bodies.c: is the body [a, e) before hi no named body though it ends
 * in a suffix (a title after it, 會|長, 副廳|長; a syndicate of a crime,
 * 投資詐騙集團; a formation, 海軍編隊)? */
bool zh_org_not_named(const char *s, size_t a, size_t e, size_t hi);
/* zh_bodies.c, after every run is read: a region's government (香港特區政府),
 * a team named again without 隊, a listed company whose share price moves
 * in a market report. */
void zh_pass_bodies(struct ent_run *r);

/* zh_mend.c: mend people's names once every run is read (a hyphenated
 * first part after a title, 讓-諾埃爾·巴羅; two names side by side are
 * one, 阿米爾韓扎). */
void zh_mend_people(struct ent_run *r);
/* zh_bodies.c: is [p, e) a company's legal form (有限公司, 股份有限公司)? */
bool zh_legal_form(const char *s, size_t p, size_t e);
/* zh_famous.c: a gazetteer's person in Chinese text named as written. */
void zh_famous_as_written(struct ent_run *r);
/* Is ref a gazetteer's person (a famous name inside a body's: 李嘉誠醫學院)? */
bool zh_famous_ref(const struct ent_run *r, uint32_t ref);
/* zh_mend.c: does the title ending at p follow a count (三名航天員,
 * 兩位院士), so that it names a group, not the person after it? */
bool zh_title_counted(const char *s, size_t lo, size_t p);

#endif
