/*
 * extract/gazetteer.c — the gazetteer (a hash of lowercase token sequences:
 * every alias and each of its prefixes, so a walk stops as soon as no alias
 * can continue) loaded from assets/gazetteer/ (one file per kind; a Chinese
 * alias written in Traditional characters also stands in its Simplified
 * fold), and the word lists of the entity passes as one hash set with a bit
 * per list.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "lib.h"

/* ---- gazetteer -------------------------------------------------------------- */

static struct ent_words *ent_words_new(void);
static void ent_words_free(struct ent_words *w);

void
gz_init(struct gazetteer *g)
{
    memset(g, 0, sizeof *g);
    g->words = ent_words_new();
}

void
gz_free(struct gazetteer *g)
{
    for (size_t i = 0; i < g->nents; i++)
        free(g->ents[i].name);
    free(g->ents);
    for (size_t i = 0; i < g->naliases; i++)
        free(g->aliases[i].form);
    free(g->aliases);
    for (size_t i = 0; i < g->nslots; i++)
        free(g->slots[i].key);
    free(g->slots);
    free(g->cjk_chars);
    ent_words_free(g->words);
    memset(g, 0, sizeof *g);
}

struct gz_slot *
gz_find(const struct gazetteer *g, const char *key, size_t len, uint64_t h)
{
    if (!g->nslots)
        return NULL;
    size_t mask = g->nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct gz_slot *sl = &g->slots[i];
        if (!sl->key)
            return NULL;
        if (sl->hash == h && strncmp(sl->key, key, len) == 0 && sl->key[len] == '\0')
            return sl;
    }
}

static struct gz_slot *
gz_insert(struct gazetteer *g, const char *key, size_t len)
{
    if ((g->used + 1) * 2 > g->nslots) {
        size_t nn = g->nslots ? g->nslots * 2 : 1024;
        struct gz_slot *old = g->slots;
        size_t on = g->nslots;
        g->slots = xcalloc(nn, sizeof *g->slots);
        g->nslots = nn;
        for (size_t i = 0; i < on; i++) {
            if (!old[i].key)
                continue;
            size_t j = old[i].hash & (nn - 1);
            while (g->slots[j].key)
                j = (j + 1) & (nn - 1);
            g->slots[j] = old[i];
        }
        free(old);
    }
    uint64_t h = ds_hash64(key, len);
    struct gz_slot *sl = gz_find(g, key, len, h);
    if (sl)
        return sl;
    size_t j = h & (g->nslots - 1);
    while (g->slots[j].key)
        j = (j + 1) & (g->nslots - 1);
    sl = &g->slots[j];
    sl->key = xstrndup(key, len);
    sl->hash = h;
    sl->prefix = false;
    sl->alias = -1;
    g->used++;
    return sl;
}

static uint32_t
gz_entity(struct gazetteer *g, const char *name, enum entity_kind kind)
{
    for (size_t i = 0; i < g->nents; i++)
        if (g->ents[i].kind == kind && strcmp(g->ents[i].name, name) == 0)
            return (uint32_t)i;
    if (g->nents == g->capents) {
        g->capents = g->capents ? g->capents * 2 : 256;
        g->ents = xrealloc(g->ents, g->capents * sizeof *g->ents);
    }
    g->ents[g->nents].name = xstrdup(name);
    g->ents[g->nents].kind = kind;
    return (uint32_t)g->nents++;
}

/* Register one alias; returns 0 or -1 (an alias with no word in it). */
static int
gz_add_alias(struct gazetteer *g, const char *alias, uint32_t ent, bool capital, int32_t place)
{
    struct toks t = {0};
    size_t n = strlen(alias);
    ex_tokenize(alias, n, &t);
    if (t.n == 0 || t.n > 8) {
        free(t.v);
        return -1;
    }
    char key[256];
    /* prefixes */
    for (size_t j = 0; j + 1 < t.n; j++) {
        size_t kl = tk_key(alias, t.v, 0, j, key, sizeof key);
        if (!kl) {
            free(t.v);
            return -1;
        }
        gz_insert(g, key, kl)->prefix = true;
        if ((t.v[j].flags & TK_POSS) && kl + 3 < sizeof key) {
            key[kl] = '\'';
            key[kl + 1] = 's';
            gz_insert(g, key, kl + 2)->prefix = true;
        }
    }
    size_t kl = tk_key(alias, t.v, 0, t.n - 1, key, sizeof key);
    if (!kl) {
        free(t.v);
        return -1;
    }
    struct gz_slot *sl = gz_insert(g, key, kl);
    {
        unsigned bit = ((unsigned)(unsigned char)key[0] << 8) | (unsigned char)key[1];
        g->first2[bit >> 3] |= (uint8_t)(1u << (bit & 7));
        uint32_t cp;
        if ((unsigned char)key[0] >= 0xE3 && utf8_decode(key, kl, &cp) == 3) {
            g->cjk_first[cp >> 3] |= (uint8_t)(1u << (cp & 7));
            if (!g->cjk_chars)
                g->cjk_chars = xcalloc(65536, 1);
            size_t chars = 0;
            for (size_t i = 0; i < kl; i++)
                chars += ((unsigned char)key[i] & 0xC0) != 0x80;
            if (chars > g->cjk_chars[cp])
                g->cjk_chars[cp] = (uint8_t)DS_MIN(chars, 255);
        }
    }
    bool has_lower = false, has_upper = false;
    for (size_t i = 0; i < n; i++) {
        if (ex_is_lower((unsigned char)alias[i]))
            has_lower = true;
        if (ex_is_upper((unsigned char)alias[i]))
            has_upper = true;
    }
    if (g->naliases == g->capaliases) {
        g->capaliases = g->capaliases ? g->capaliases * 2 : 1024;
        g->aliases = xrealloc(g->aliases, g->capaliases * sizeof *g->aliases);
    }
    struct gz_alias *al = &g->aliases[g->naliases];
    al->entity = ent;
    al->exact = has_upper && !has_lower;
    al->capital = capital;
    al->upper_first = ex_is_upper((unsigned char)alias[t.v[0].start]);
    if (!al->exact && !al->upper_first)
        g->lower_ok[(unsigned char)key[0]] = true;
    al->form = NULL;
    al->place = place;
    if (al->exact) {
        struct buf b = BUF_INIT;
        for (size_t i = 0; i < t.n; i++) {
            if (i)
                buf_putc(&b, ' ');
            buf_append(&b, alias + t.v[i].start, t.v[i].end - t.v[i].start);
        }
        al->form = buf_steal(&b);
    }
    al->next = sl->alias;
    sl->alias = (int32_t)g->naliases;
    g->naliases++;
    free(t.v);
    return 0;
}

/* gz_add_alias for alias as written and, when it holds Traditional
 * characters, for its Simplified fold too (util/hanfold.c), so a Chinese
 * name is written once, as word lists are (util/zh_lists.c). */
static int
gz_add_alias_folded(struct gazetteer *g, const char *alias, uint32_t ent, bool capital,
                    int32_t place)
{
    if (gz_add_alias(g, alias, ent, capital, place) != 0)
        return -1;
    char *f = zh_fold_copy(alias, strlen(alias));
    int rc = strcmp(f, alias) != 0 ? gz_add_alias(g, f, ent, capital, place) : 0;
    free(f);
    return rc;
}

static int
gz_kind_parse(const char *s, enum entity_kind *k)
{
    static const struct {
        const char *name;
        enum entity_kind kind;
    } kinds[] = {{"country", ENTITY_COUNTRY},     {"org", ENTITY_ORG},
                 {"organisation", ENTITY_ORG},    {"organization", ENTITY_ORG},
                 {"person", ENTITY_PERSON},       {"place", ENTITY_PLACE},
                 {"agreement", ENTITY_AGREEMENT}, {"policy", ENTITY_AGREEMENT}};
    for (size_t i = 0; i < DS_ARRAY_LEN(kinds); i++)
        if (strcmp(kinds[i].name, s) == 0) {
            *k = kinds[i].kind;
            return 0;
        }
    return -1;
}

/* The aliases of one line ("a|b|@北京=Beijing") for entity ent: an alias
 * starting with '@' is a capital's name in another script, one place
 * entity. Returns 0, or -1 with the error in err. */
static int
gz_load_aliases(struct gazetteer *g, char *list, uint32_t ent, const char *path, int lineno,
                struct ds_error *err)
{
    char *save = NULL;
    for (char *a = strtok_r(list, "|", &save); a; a = strtok_r(NULL, "|", &save)) {
        ds_str_trim(a);
        if (!*a)
            continue;
        bool capital = false;
        int32_t place = -1;
        if (*a == '@') {
            /* "@北京=Beijing": another script's name for the same
             * city, one place entity */
            a++;
            capital = true;
            char *eq = strchr(a, '=');
            if (eq) {
                *eq = '\0';
                ds_str_trim(a);
                ds_str_trim(eq + 1);
            }
            place = (int32_t)gz_entity(g, eq && eq[1] ? eq + 1 : a, ENTITY_PLACE);
        }
        if (gz_add_alias_folded(g, a, ent, capital, place) != 0) {
            ds_error_set(err, -1, "%s:%d: alias '%s' has no word in it (or over 8 words)", path,
                         lineno, a);
            return -1;
        }
    }
    return 0;
}

/* One line of a gazetteer file ("canonical<TAB>kind<TAB>aliases"; blank
 * lines and '#' comments skipped), kind the file's default. Returns 0, or
 * -1 with "file:line: message" in err. */
static int
gz_load_line(struct gazetteer *g, char *line, enum entity_kind kind, const char *path,
             int lineno, struct ds_error *err)
{
    char *q = line;
    while (*q == ' ')
        q++;
    if (*q == '\0' || *q == '#')
        return 0;
    char *f[3] = {line, NULL, NULL};
    int nf = 1;
    for (char *c = line; *c && nf < 3; c++)
        if (*c == '\t') {
            *c = '\0';
            f[nf++] = c + 1;
        }
    if (nf == 3 && strchr(f[2], '\t')) {
        ds_error_set(err, -1, "%s:%d: too many tab-separated fields (want canonical, kind, "
                     "aliases)", path, lineno);
        return -1;
    }
    ds_str_trim(f[0]);
    if (!*f[0]) {
        ds_error_set(err, -1, "%s:%d: empty canonical name", path, lineno);
        return -1;
    }
    enum entity_kind k = kind;
    if (f[1]) {
        ds_str_trim(f[1]);
        if (*f[1] && strcmp(f[1], "-") != 0 && gz_kind_parse(f[1], &k) != 0) {
            ds_error_set(err, -1, "%s:%d: unknown kind '%s' (want country, org, person, "
                         "place or agreement)", path, lineno, f[1]);
            return -1;
        }
    }
    uint32_t ent = gz_entity(g, f[0], k);
    if (gz_add_alias_folded(g, f[0], ent, false, -1) != 0) {
        ds_error_set(err, -1, "%s:%d: canonical name has no word in it (or over 8 words)", path,
                     lineno);
        return -1;
    }
    return f[2] ? gz_load_aliases(g, f[2], ent, path, lineno, err) : 0;
}

/* See lib.h. */
int
gz_load(struct gazetteer *g, const char *path, enum entity_kind kind, bool required,
        struct ds_error *err, uint64_t *hash)
{
    struct buf data = BUF_INIT;
    struct ds_error rerr;
    ds_error_clear(&rerr);
    if (ds_read_file(path, 16u << 20, &data, &rerr) != 0) {
        buf_free(&data);
        if (!required)
            return 0;
        ds_error_set(err, -1, "%s", rerr.msg); /* it names the path */
        return -1;
    }
    *hash = ds_hash64(data.data ? data.data : "", data.len) ^ (*hash * 0x100000001b3ull);
    static char empty[1];
    char *p = data.data ? data.data : empty;
    int lineno = 0, rc = 0;
    char *line;
    while (rc == 0 && (line = ex_next_line(&p)) != NULL)
        rc = gz_load_line(g, line, kind, path, ++lineno, err);
    buf_free(&data);
    return rc;
}

/* ---- word lists --------------------------------------------------------------- */

static const char *const wl_titles[] = {
    "president", "premier", "minister", "secretary", "spokesperson", "spokesman",
    "spokeswoman", "chairman", "chairwoman", "chairperson", "chair", "ceo", "cfo", "governor",
    "ambassador", "envoy", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "professor", "prof", "dr", "mr", "mrs", "ms", "miss", "sir", "lord", "lady",
    "dame", "king", "queen", "prince", "princess", "chancellor", "commissioner", "director",
    "chief", "adviser", "advisor", "economist", "analyst", "diplomat", "leader", "mayor", "judge",
    "justice", "general", "gen", "gov", "lt", "sgt", "admiral", "colonel", "captain", "coach",
    "manager", "striker",
    "midfielder", "defender", "goalkeeper", "deputy", "vice", "undersecretary", "counsellor",
    "counselor", "councillor", "founder", "co-founder", "cofounder", "executive", "researcher",
    "fellow", "lecturer", "scholar", "editor", "correspondent", "singer", "actor", "actress",
    "producer", "boss", "bishop", "pope", "sheikh", "emir", "attorney", "inspector",
    "superintendent", "detective", "sergeant", "lieutenant", "commander", "assistant", "head",
    "officer", "official", "chairs", "premiere", "mp", "mep", "senior", "associate", "dean",
    "principal", "treasurer", "presenter", "host", "comedian", "novelist", "writer", "musician",
    "drummer", "guitarist", "rapper", "star", "veteran", "counsel", "vice-premier",
    "vice-minister", "vice-president", "vice-chairman", "strategist", "trader", "partner",
    "chairman's", "owner", "investor", "expert", "specialist", "nominee", "candidate",
    "campaigner", "activist", "contact", "contacts", "keeper", "administrator",
    "demographer",
    /* jobs, roles and memberships written before a name ("Referee Ann
     * Lowe", "Tory Bill Cash", "Welshman Tom Rees") */
    "referee", "umpire", "lawyer", "solicitor", "barrister", "magistrate", "rabbi", "imam",
    "cleric", "journalist", "columnist", "songwriter", "composer", "conductor",
    "cinematographer", "choreographer", "photographer", "designer", "architect", "backbencher",
    "organiser", "organizer", "agent", "speaker", "col", "winger", "flanker", "fly-half",
    "scrum-half", "full-back", "centre-back", "batsman", "bowler", "jockey", "trainer",
    "skipper", "whip", "supt", "insp", "det", "cllr", "maj", "brig", "tory", "democrat", "republican", "briton", "frenchman", "welshman", "scotsman",
    "irishman", "englishman", "spaniard", "beatle",
    "archbishop", "cardinal", "reverend", NULL};
static const char *const wl_roles_after[] = {
    "adviser", "advisor", "professor", "head", "chair", "chairwoman", "spokesman", "spokeswoman",
    "assistant", "fellow", "minister", "president",
    "chairman", "chairwoman", "director", "spokesperson", "spokesman", "spokeswoman", "economist",
    "analyst", "secretary", "ceo", "chief", "founder", "governor", "ambassador", "researcher",
    "official", "officer", "leader", "editor", "lecturer", "scholar", "expert", "author", "dean",
    "commissioner", "representative", "manager", "partner", "member", "strategist", "deputy",
    "vice", "executive", "coach", "captain", "mayor", "senator", "lawmaker", "diplomat",
    "researcher", "envoy", "chancellor", "premier", "counsellor", "counselor", "consultant",
    "negotiator", "aide", "correspondent", "reporter", "journalist", "singer", "actor", "actress",
    /* jobs and kin seldom capitalised in a name after a comma ("X, a mining
     * engineer", not "Best Solo Female, ... Best Breakthrough Artist") */
    "engineer", "lawyer", "banker", "investor", "teacher", "farmer", "student", "scientist",
    "prosecutor", "councillor", "businessman", "businesswoman", "entrepreneur", "wife",
    "husband", "widow", "daughter", "who", "whose",
    /* kin, friends and peers ("X, Africa's richest man,", "X, his Turkish
     * counterpart,", "X, Pogačar's team-mate,") */
    "man", "woman", "son", "father", "mother", "brother", "sister", "friend", "mate",
    "counterpart", "colleague", "members", "successor", "predecessor",
    /* offices, callings and trades after "the" or "a" ("X, the speaker,", "X, a
     * barrister,", "X, a schoolteacher,") */
    "speaker", "barrister", "solicitor", "judge", "campaigner", "activist", "candidate",
    "commander", "presenter", "writer", "novelist", "composer", "conductor", "musician",
    "surgeon", "doctor", "nurse", "midwife", "schoolteacher", "priest", "pastor", "bishop",
    "promoter", "trainer", "player", "striker", "defender", "midfielder", "goalkeeper",
    "producer", "filmmaker", "photographer", "designer", "architect", NULL};
static const char *const wl_said_after[] = {
    "said", "says", "say", "told", "tells", "noted", "notes", "added", "adds", "stated",
    "explained", "warned", "argued", "stressed", "wrote", "writes", "highlighted", "asked",
    "replied", "urged", "insisted", "announced", "tweeted", "believes", "believed", "thinks",
    "commented", "confirmed", "denied", "claimed", "admitted", "acknowledged", "suggested",
    "predicted", "emphasized", "emphasised", "observed", "remarked", "recalled", "concluded",
    "cautioned", "advocates", "advocated", "argues", "contends", NULL};
static const char *const wl_said_before[] = {"said", "says", "according", "by", NULL};
static const char *const wl_stop[] = {
    "The", "A", "An", "In", "On", "At", "For", "But", "And", "Or", "As", "If", "It", "Its", "He",
    "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "Your", "My", "This", "That",
    "These", "Those", "There", "Here", "Then", "When", "While", "Where", "Why", "How", "What",
    "Who", "Which", "After", "Before", "Since", "Until", "With", "Without", "Despite",
    "According", "From", "To", "By", "Of", "Under", "Over", "Meanwhile", "However", "Moreover",
    "Although", "Though", "Because", "Also", "Some", "Many", "Most", "All", "Both", "Each",
    "Every", "No", "Not", "Yes", "So", "Such", "Other", "Another", "More", "Less", "Last",
    "Next", "First", "Second", "Third", "New", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Today", "Yesterday",
    "Tomorrow", "Now", "Still", "Even", "Just", "Only", "Read", "Photo", "Source", "Published",
    "Updated", "Mr", "Mrs", "Ms", "Dr", "Sir", "Economic", "Experts", "Analysts", "Officials",
    "Please", "Click", "Share", "Get", "See", "Try", "Stay", "Use", "Sponsored", "Content",
    "About", "Prime", "Minister", "President", "Vice", "Premier", "Secretary", "Foreign",
    "Trade", "Commerce", "Treasury", "Finance", "State", "Defense", "Defence", "Affairs",
    "Agriculture", "Industry", "Economy", "Justice", "Energy", "Health", "Education", "Interior",
    "Home", "Labor", "Labour", "Transport", "Culture", "Science", "Technology", "Development",
    "Reform", "National", "International", "Global", "General", "Central", "Federal", "Royal",
    "Senior", "Former", "Deputy", "Acting", "Chief", "Executive", "Associate", "Assistant",
    "Professor", "Director", "Chairman", "Governor", "Ambassador", "Commissioner", "Spokesperson",
    "Spokesman", "Spokeswoman", "Representative", "Senator", "Chancellor", "Mayor", "Judge",
    "Captain", "Coach", "Manager", "Chair", "Chinese", "American", "European", "Japanese",
    "Asian", "African", "Western", "Eastern", "Northern", "Southern", "North", "South", "East",
    "West", "Party", "Government", "Congress", "Parliament", "Council", "Committee",
    "Department", "Ministry", "Bureau", "Office", "House", "Senate", "Court", "Bank", "Group",
    "Company", "University", "Institute", "Academy", "Association", "Times", "Post", "News",
    "Daily", "Review", "Journal", "Press", "Expo", "Summit", "Forum", "Business", "Market",
    "Markets", "Street", "Road", "Avenue", "City", "County", "Province", "Region", "State",
    "Island", "Islands", "River", "Sea", "Ocean", "Lake", "Mount", "Valley", "Square", "Hall",
    "Centre", "Center", "Park", "Airport", "Station", "Port", "Bay", "Gulf", "Coast", "Free",
    "Area", "Zone", "Act", "Bill", "Law", "Plan", "Initiative", "Agreement", "Treaty", "Deal",
    "Partnership", "Economic", "Comprehensive", "Regional", "Cooperation", "Organisation",
    "Organization", "Union", "Nations", "United", "Republic", "Kingdom", "Democratic",
    "People", "Peoples", "Liberal", "Conservative", "Labour", "Social", "Sciences", "Studies",
    "Research", "Security", "Affairs", "Customs", "Commission", "Service", "Services", "Week",
    "Year", "Day", "Cup", "League", "Championship", "Open", "Award", "Awards", "Prize", "Festival",
    "Oscar", "Oscars", "Grammy", "Olympic", "Olympics", "Games", "World", "Premier", "Division",
    "Internet", "Web", "Online", "Digital", "Mobile", "Sketch", "Icon", "Title", "Chevron",
    "Arrow", "Artboard", "Created", "Path", "Layer", "Menu", "Burger", "Positive", "Print",
    "Search", "Site", "Mail", "Twitter", "Facebook", "Linkedin", "Google", "Apple", "AI",
    "Later", "Earlier", "Instead", "Finally", "Separately", "Previously", "Recently", "Currently",
    "Initially", "Eventually", "Speaking", "Asked", "Writing", "Overall", "Indeed", "Perhaps",
    "Similarly", "Likewise", "Thus", "Hence", "Therefore", "Nevertheless", "Nonetheless",
    "Otherwise", "Elsewhere", "Notably", "Importantly", "Ultimately", "Additionally",
    "Furthermore", "Tonight", "Officially", "Yet", "Once", "Twice", "Among", "Amid", "During",
    "Following", "Unlike", "Like", "Given", "Whether", "Either", "Neither", "Several", "Few",
    "Any", "Every", "Much", "Very", "Too", "Well", "Again", "Ahead", "Back", "Sources", "Source",
    "Reporting", "Additional", "Editing", "Copyright", "Related", "Advertisement", "Against",
    "Vs", NULL};
static const char *const wl_org_suffix[] = {
    "University", "College", "Institute", "Academy", "School", "Ministry", "Department",
    "Bureau", "Agency", "Administration", "Commission", "Committee", "Council", "Office",
    "Authority", "Bank", "Fund", "Exchange", "Corporation", "Corp", "Inc", "Ltd", "Group",
    "Holdings", "Company", "Co", "Association", "Federation", "Union", "Party", "Parliament",
    "Assembly", "Congress", "Senate", "Court", "Police", "Army", "Navy", "Force", "Forces",
    "Times", "Post", "News", "Daily", "Journal", "Review", "Herald", "Telegraph", "Guardian",
    "Tribune", "Gazette", "Press", "Television", "Radio", "Broadcasting", "Airlines", "Airways",
    "Motor", "Motors", "Systems", "Technologies", "Technology", "Electronics", "Pharmaceuticals",
    "Entertainment", "Records", "Studios", "Pictures", "Club", "FC", "United", "Rovers",
    "Athletic", "Wanderers", "Customs", "Chamber", "Foundation", "Society", "Network",
    "Sciences", "Studies", "Centre", "Center", "Secretariat", "Cabinet", "Reserve", "Treasury",
    "Organisation", "Organization", "Institution", "Board", "Trust", "Partners", "Capital",
    "Securities", "Insurance", "Energy", "Petroleum", "Telecom", "Telecommunications",
    "Communications", "Mobile", "Steel", "Industries", "Industry", "Consortium", "Alliance",
    "Coalition", "Confederation", "Cooperation", "Co-operation", "Prison", "Church",
    "Cathedral", "Hospital", "Stadium", "Trust", "Magazine", "Watch", "Societies", "Advisors",
    "Advisers", "Ventures", "Associates", "Contractors", "Workers", "Choir", "Lab", "Labs",
    "Shimbun", "Sports", "Rights", "Brothers", "Sisters", "Dems", "Lecture", "Rally", "Theatre", "Theater",
    "Tower", "Films", "Garden", "Gardens", "Hotel", "Hotels", "Parade", "Bros", "Utd", "Chiefs", "Opel", "Bosch",
    /* legal forms of other countries and the circuits of an appeals court */
    "AG", "GmbH", "KK", "NV", "plc", "Plc", "PLC", "LLC", "SpA", "Oyj", "Circuit",
    /* military units and clinics ("Coldstream Guards", "82nd Airborne
     * Division", "Pacific Fleet", "Mayo Clinic") */
    "Brigade", "Regiment", "Division", "Battalion", "Corps", "Squadron", "Fleet", "Command",
    "Guards", "Marines", "Rifles", "Infantry", "Artillery", "Clinic",
    /* a legislature's caucuses, political action committees, blocs of states */
    "Caucus", "PAC", "Community",
    /* a public service and a house that is a body ("Internal Revenue Service",
     * "Chatham House", "House of Representatives") */
    "Service", "House",
    /* guilds, tribunals, a body's units, galleries, rating agencies, leagues
     * ("Directors Guild", "Employment Appeal Tribunal", "Athletics Integrity
     * Unit", "Uffizi Galleries", "Fitch Ratings", "J1 League"; not a
     * competition, "Champions League": extract/entities.c) */
    "Guild", "Tribunal", "Unit", "Gallery", "Galleries", "Ratings", "League", "Faculty",
    "Guard", "International",
    /* orchestras, opera houses, museums and teams of a service that are
     * bodies ("London Symphony Orchestra", "Berlin Philharmonic",
     * "Metropolitan Opera", "Tokyo National Museum", "Lochaber Mountain
     * Rescue Team") */
    "Orchestra", "Philharmonic", "Opera", "Museum", "Team",
    /* legal forms of several countries ("Tullow Oil Plc", "ASML Holding NV") */
    "Plc", "PLC", "plc", "Limited", "LLC", "AG", "NV", "GmbH", "Tbk", "Bhd", "Berhad", NULL};
/* Words that head an organisation's name: "Office for National Statistics". */
static const char *const wl_org_head[] = {
    "Ministry", "Office", "Department", "Bank", "University", "Institute", "Agency", "Bureau",
    "Commission", "Council", "Academy", "Association", "Federation", "Organisation",
    "Organization", "Centre", "Center", "School", "College", "Committee", "Board", "Court",
    "Fund", "Foundation", "Society", "Chamber", "Embassy", "Administration", "Authority",
    "Union", "Confederation", "Secretariat", "Party", "Corps", "House", "Forces", "Chiefs",
    "Guild", "Tribunal", "League", "Faculty", "Conference", NULL};
/* Titles after which a single word is a person's surname. */
static const char *const wl_honorific[] = {
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Dame", "Baroness", "Baron",
    "President", "Premier", "Minister", "Chancellor", "Senator", "Sen", "Rep", "Governor",
    "Mayor", "Judge", "Justice", "Professor", "Prof", "Secretary", "King", "Queen", "Prince",
    "Princess", "Pope", "Ambassador", "General", "Gen", "Admiral", "Colonel", "Captain",
    "Commissioner", "Chairman", "Chairwoman", "Spokesman", "Spokeswoman", "Spokesperson",
    "Sheikh", "Emir", "Gov", "Mr.", "Mrs.", "Ms.", "Dr.", NULL};

/* Function words that never start a name. */
static const char *const wl_function[] = {
    "The", "A", "An", "In", "On", "At", "For", "And", "But", "Or", "Of", "To", "By", "With",
    "From", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our", "As", "If",
    "When", "While", "After", "Before", "Since", "Under", "Over", "Despite", "According",
    "Meanwhile", "However", "Both", "Each", "Every", "Some", "Many", "Most", "All", "Several",
    "Other", "Another", "Also", "Then", "Now", "Later", "Earlier", NULL};
static const char *const wl_connectors[] = {"of", "for", "and", "&", "on", "de", NULL};
static const char *const wl_gov_after[] = {
    "has", "have", "had", "is", "was", "will", "would", "could", "should", "may", "might",
    "must", "wants", "want", "wanted", "needs", "need", "needed", "also", "still", "said",
    "says", "insisted", "insists", "plans", "planned", "hopes", "hoped", "refused", "refuses",
    "demanded", "demands", "imposed", "imposes", "announced", "announces", "urged", "urges",
    "accused", "accuses", "agreed", "agrees", "signed", "responded", "retaliated", "rejected",
    "rejects", "denied", "denies", "warned", "warns", "called", "calls", "sees", "saw", "did",
    "does", "can", "cannot", "remains", "seems", "appears", "took", "takes", "held", "holds",
    "sent", "sought", "seeks", "pushed", "pushes", "pressed", "presses", "threatened",
    "threatens", "vowed", "vows", "pledged", "pledges", "criticised", "criticized", "blamed",
    "blames", "approved", "launched", "decided", "opposed", "opposes", "supports", "supported",
    "welcomed", "welcomes", "is", "are", "were", "argues", "argued", "believes", "claims",
    "claimed", "confirmed", "considers", "expects", "expected", "fears", "feared", "hit", "hits",
    "moved", "moves", "offered", "offers", "promised", "promises", "proposed", "proposes",
    "reacted", "reached", "responded", "slapped", "stepped", "struck", "tried", "tries",
    "upped", "wanted", "worries", "worried", "and", "or", NULL};
static const char *const wl_gov_before[] = {
    "with", "between", "against", "pressure", "pressured", "press", "pressed", "urged", "urge",
    "persuade", "warned", "accused", "criticised", "criticized", "told", "by", "than", "and",
    "for", "on", NULL};
static const char *const wl_cn_surnames[] = {
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang",
    "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai",
    "Jiang", "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Shi",
    "Shu", "Fu", "Zhong", "Cui", "Tan", "Fan", "Jin", "Wan", "Xi", "Yi", "Qian", "Kong", "Bai",
    "Mao", "Qin", "Qiu", "Hou", "Xue", "Lei", "Hao", "Gong", "Shao", "Meng", "Long", "Wen",
    "Duan", "Lei", "Kang", "Ji", "Niu", "Ouyang", "Yin", "Yan", "Pei", "Bo", "Ge", "Mo", "Rao",
    "Chu", "Gu", "Lai", "Lam", "Leung", "Chan", "Wong", "Ho", "Ng", "Tsang", "Cheung", "Lee",
    NULL};
static const char *const wl_pronouns[] = {"He", "She", "It", "They", "We", "I", "You", "His",
                                          "Her", "Its", NULL};

/* Each list becomes an open-addressing hash set, built once per extractor:
 * these lookups run for every capitalised token. */

static const char *const *const wl_lists[WL_COUNT] = {
    wl_titles, wl_roles_after, wl_said_after, wl_said_before, wl_stop, wl_org_suffix,
    wl_connectors, wl_gov_after, wl_gov_before, wl_cn_surnames, wl_pronouns, wl_org_head,
    wl_function, wl_honorific, ex_given_names,
};

_Static_assert(WL_COUNT <= 16, "tok.wl holds 16 lists per case");

struct ent_words {
    /* every word of every list once, with a bit per list it is in: one
     * probe answers all the lists for a token */
    const char **all;
    uint32_t *allbits;
    size_t allmask;
};

static uint32_t
wl_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h ^ (h >> 15);
}

/* The words of source s (0..WL_COUNT): list s, and last the second list
 * of given names; *id is the list they belong to. */
static const char *const *
wl_source(int s, int *id)
{
    *id = s < WL_COUNT ? s : WL_GIVEN;
    return s < WL_COUNT ? wl_lists[s] : ex_given_more;
}

static struct ent_words *
ent_words_new(void)
{
    struct ent_words *ew = xcalloc(1, sizeof *ew);
    size_t total = 0;
    int id;
    for (int s = 0; s <= WL_COUNT; s++)
        for (const char *const *w = wl_source(s, &id); *w; w++)
            total++;
    size_t cap = 64;
    while (cap < total * 3)
        cap *= 2;
    ew->all = xcalloc(cap, sizeof *ew->all);
    ew->allbits = xcalloc(cap, sizeof *ew->allbits);
    ew->allmask = cap - 1;
    for (int s = 0; s <= WL_COUNT; s++) {
        for (const char *const *wp = wl_source(s, &id); *wp; wp++) {
            const char *w = *wp;
            size_t j = wl_hash(w, strlen(w)) & ew->allmask;
            while (ew->all[j] && strcmp(ew->all[j], w) != 0)
                j = (j + 1) & ew->allmask;
            ew->all[j] = w;
            ew->allbits[j] |= 1u << id;
        }
    }
    return ew;
}

/* Bits of the lists holding w[0..n) exactly. */
uint32_t
ent_words_bits(const struct ent_words *ew, const char *w, size_t n)
{
    for (size_t j = wl_hash(w, n) & ew->allmask; ew->all[j]; j = (j + 1) & ew->allmask)
        if (ew->all[j][0] == w[0] && strncmp(ew->all[j], w, n) == 0 && ew->all[j][n] == '\0')
            return ew->allbits[j];
    return 0;
}

static void
ent_words_free(struct ent_words *ew)
{
    if (!ew)
        return;
    free(ew->all);
    free(ew->allbits);
    free(ew);
}
