/*
 * extract/people_shapes.c — closed word lists that shape a person's name
 * across naming traditions, for the people pass (extract/people.c): the
 * capitalised particles of Irish names ("Ó", "Ní", "Mac"), run-together
 * initials ("K.V." of "K.V. Kamath") and the words that open an
 * organisation's name in Spanish, Portuguese, Italian, French, Malay and
 * Turkish ("Banco", "Grupo", "Ministerio", "Universiti"), which a person's
 * name never starts with; Dutch and German particles, Vietnamese family
 * names, words of kinship, surnames with an elided particle.
 */
#include "config.h"

#include <string.h>

#include "dossier/util.h"
#include "people.h"

/* Is token t exactly one of the words of list (NULL-terminated)? */
static bool
ps_listed(const struct ent_run *r, const struct tok *t, const char *const *list)
{
    size_t n = t->end - t->start;
    for (const char *const *w = list; *w; w++)
        if (strlen(*w) == n && memcmp(r->s + t->start, *w, n) == 0)
            return true;
    return false;
}

/* See people.h. */
bool
er_cap_particle(const struct ent_run *r, size_t k)
{
    static const char *const irish[] = {"Ó", "Ní", "Nic", "Mac", "Mhic", "Uí", "Ua", NULL};
    const struct tok *v = r->t.v;
    return k > 0 && k + 1 < r->t.n && ps_listed(r, &v[k], irish) && er_joined(&v[k + 1]) &&
           (v[k + 1].flags & TK_NAMEY) && (v[k - 1].flags & TK_NAMEY) &&
           !(v[k - 1].flags & TK_POSS);
}

/* See people.h. */
bool
er_initials(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    size_t n = t->end - t->start;
    if (n != 4)
        return false; /* "K.V.", "N.R."; three are an agency's ("F.B.I.") */
    for (size_t i = 0; i < n; i += 2)
        if (!ex_is_upper((unsigned char)r->s[t->start + i]) || r->s[t->start + i + 1] != '.')
            return false;
    static const char *const particles[] = {"de", "du", "da", "van", "von", "le", "la", NULL};
    const struct tok *v = r->t.v;
    size_t s = k + 1;
    if (s + 1 < r->t.n && ps_listed(r, &v[s], particles) && er_joined(&v[s + 1]))
        s++; /* "F.W. de Klerk" */
    return s < r->t.n && er_joined(&v[s]) && (v[s].flags & TK_NAMEY) && !er_is(r, &v[s], WL_STOP);
}

/* Does [a, b] open with a Vietnamese family name and go on as such a name
 * does: "Nguyen" and two or three words, or any of the common family
 * names and the middle name "Thi" or "Van" ("Vo Van Thuong", "Nguyen Thi
 * Kim Ngan")? */
static bool
ps_vietnamese(const struct ent_run *r, size_t a, size_t b)
{
    static const char *const family[] = {"Nguyen", "Nguyễn", "Tran", "Trần", "Le", "Lê", "Pham",
                                         "Phạm", "Hoang", "Hoàng", "Huynh", "Phan", "Vu", "Vũ",
                                         "Vo", "Võ", "Dang", "Đặng", "Bui", "Bùi", "Do", "Đỗ",
                                         "Ngo", "Ngô", "Duong", "Dương", "Dinh", "Đinh", NULL};
    static const char *const middle[] = {"Thi", "Thị", "Van", "Văn", NULL};
    static const char *const nguyen[] = {"Nguyen", "Nguyễn", NULL};
    const struct tok *v = r->t.v;
    if (b < a + 1 || b > a + 3 || !ps_listed(r, &v[a], family))
        return false;
    for (size_t k = a + 1; k <= b; k++)
        if (!(v[k].flags & TK_NAMEY) || v[k].sep != ' ')
            return false;
    return (b >= a + 2 && ps_listed(r, &v[a + 1], middle)) ||
           (b >= a + 2 && ps_listed(r, &v[a], nguyen));
}

/* Is token k an Irish or Scottish surname, "O'" or "Mc"/"Mac" and a
 * capital ("O'Brien", "McIlroy", "MacGabhann"), no possessive after it
 * ("McDonald's": a firm)? */
static bool
ps_gaelic(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    const char *w = r->s + t->start;
    size_t n = t->end - t->start;
    if ((t->flags & TK_POSS) || n < 4 || (t->end < r->n && r->s[t->end] == '\''))
        return false;
    if (w[0] == 'O' && w[1] == '\'' && ex_is_upper((unsigned char)w[2]))
        return true;
    if (n >= 6 && memcmp(w, "O\xe2\x80\x99", 4) == 0 && ex_is_upper((unsigned char)w[4]))
        return true;
    if (w[0] == 'M' && w[1] == 'c' && ex_is_upper((unsigned char)w[2]))
        return true;
    return n >= 5 && memcmp(w, "Mac", 3) == 0 && ex_is_upper((unsigned char)w[3]);
}

/* See people.h. */
bool
er_org_lead(const struct ent_run *r, size_t k)
{
    static const char *const lead[] = {
        "Banco", "Banca", "Banque", "Banka", "Grupo", "Gruppo", "Groupe", "Compañía",
        "Companhia", "Compagnie", "Compagnia", "Ministerio", "Ministério", "Ministère",
        "Ministero", "Universidad", "Universidade", "Université", "Università", "Universiti",
        "Universität", "Instituto", "Institut", "Istituto", "Fundación", "Fundação",
        "Fondation", "Fondazione", "Caixa", "Caja", "Cassa", "Caisse", "Sociedad", "Sociedade",
        "Société", "Società", "Corporación", "Empresa", "Empresas", "Consejo", "Conselho",
        "Conseil", "Consiglio", "Secretaría", "Tribunal", "Partido", "Partito", "Parti",
        "Agencia", "Agência", "Agence", "Comisión", "Comissão", "Syarikat", "Kumpulan",
        "Kementerian", "Confederación", "Confederação", "Federación", "Federação",
        "Asociación", "Associação", "Sindicato", "Syndicat", "Médecins", "Movimiento",
        "Colegio", "Cámara", "Câmara", "Guardia", "Policía", "Polizia", "Gendarmerie", NULL};
    return ps_listed(r, &r->t.v[k], lead);
}

/* Are tokens [a, b] a Korean name, a family name before a hyphened
 * given name whose second syllable is in lower case ("Lee Jae-myung",
 * "Park Ji-won", "Ban Ki-moon")? The shape is no place's or firm's. */
static bool
ps_korean(const struct ent_run *r, size_t a, size_t b)
{
    static const char *const family[] = {
        "Kim", "Lee", "Park", "Choi", "Cho", "Jung", "Chung", "Kang", "Yoon", "Yun", "Jang",
        "Lim", "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong",
        "Jeon", "Moon", "Yang", "Son", "Bae", "Baek", "Nam", "Noh", "Roh", "Ha", "Kwak", "Ryu",
        "Chae", "Ko", "Choo", "Chu", "Min", "Woo", "Heo", "Jeong", "Ban", "Yeo", "Byun", "Sohn",
        "Cha", "Yu", NULL};
    const struct tok *v = r->t.v;
    if (b != a + 2 || !ps_listed(r, &v[a], family) || v[a + 1].sep != ' ' ||
        !(v[a + 1].flags & TK_NAMEY) || v[a + 1].end - v[a + 1].start > 4 || v[b].sep != '-')
        return false;
    size_t n = v[b].end - v[b].start;
    return n >= 2 && n <= 5 && ex_is_lower((unsigned char)r->s[v[b].start]);
}

/* See people.h. */
bool
er_person_shape(const struct ent_run *r, size_t a, size_t b)
{
    static const char *const patronymic[] = {"bin", "binti", "bint", "ibn", NULL};
    /* Dutch and German particles: a place's name has none ("Jan van der
     * Berg", "Karl-Theodor zu Guttenberg") */
    static const char *const germanic[] = {"van", "von", "zu", "ter", "ten", "af", NULL};
    const struct tok *v = r->t.v;
    if (b > a && er_initials(r, a) && !er_org_word_at(r, b) &&
        (b == a + 1 || (b == a + 2 && !(v[a + 1].flags & TK_CAP))))
        return true; /* "K.V. Kamath", "F.W. de Klerk" */
    if (ps_vietnamese(r, a, b) || ps_korean(r, a, b))
        return true; /* "Vo Van Thuong", "Lee Jae-myung" */
    if (b > a && ps_gaelic(r, b) && (v[a].flags & TK_NAMEY) && !er_org_word_at(r, b) &&
        (b == a + 1 || (b == a + 2 && er_is(r, &v[a], WL_GIVEN))) &&
        (er_is(r, &v[a], WL_GIVEN) || v[a].end - v[a].start < 4 ||
         memcmp(r->s + v[a].end - 3, "ian", 3) != 0))
        return true; /* "Darragh O'Brien", "Mary Lou McDonald"; not "Caledonian
                        MacBrayne", "Hooker Robin McBryde" */
    if (b == a + 2 && (v[a].flags & TK_NAMEY) && er_al_surname(r, a + 1) &&
        !er_al_surname(r, a) && !er_org_word_at(r, a) && !er_org_word_at(r, b))
        return true; /* "Yazan Al-Naimat", "Mohamed El-Erian" */
    for (size_t k = a + 1; k < b; k++)
        if (er_cap_particle(r, k) ||
            (ps_listed(r, &v[k], patronymic) && (v[k - 1].flags & TK_NAMEY) &&
             (v[k + 1].flags & TK_NAMEY)) ||
            (ps_listed(r, &v[k], germanic) && (v[k - 1].flags & TK_NAMEY) &&
             (k == a + 1 || (k == a + 2 && v[a + 1].sep == '-')) &&
             !er_org_word_at(r, b)))
            return true; /* "Aengus Ó Snodaigh", "Mohd Faiz bin Ismail", "Jan van der Berg" */
    return false;
}

/* See people.h. */
bool
er_kin(const struct ent_run *r, const struct tok *t)
{
    /* not "son": also a Korean surname */
    static const char *const kin[] = {"wife", "husband", "widow", "widower", "sons", "daughter",
                                      "daughters", "brother", "brothers", "sister", "sisters",
                                      "grandson", "granddaughter", "nephew", "niece", "cousin",
                                      "fiancee", "fiancé", "fiancée", "friend", "colleague",
                                      "mentor",
                                      /* parents, children and the family
                                       * of an obituary, in lower case */
                                      "father", "mother", "parents", "children",
                                      "stepson", "stepdaughter", "stepfather", "stepmother",
                                      "grandfather", "grandmother", "grandchildren",
                                      "grandsons", "granddaughters", "nephews", "nieces",
                                      "cousins", "uncle", "aunt", "twin", NULL};
    return ps_listed(r, t, kin);
}

/* See people.h. */
bool
er_kin_of(const struct ent_run *r, size_t i)
{
    static const char *const kin[] = {"son", "daughter", "sons", "daughters", "child",
                                      "children", "widow", "grandson", "granddaughter",
                                      "nephew", "niece", NULL};
    const struct tok *v = r->t.v;
    return i >= 2 && er_tok_is(r, i - 1, "of") && v[i - 1].sep == ' ' &&
           ps_listed(r, &v[i - 2], kin); /* "the son of Archibald Carruthers" */
}

/* See people.h. */
bool
er_elided(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    const char *p = r->s + t->start;
    size_t n = t->end - t->start, al = p[1] == '\'' ? 1 : 3;
    if (n < 4 || (p[0] != 'd' && p[0] != 'l') || k == 0 || !er_joined(t))
        return false;
    if (al == 3 && memcmp(p + 1, "\xE2\x80\x99", 3) != 0)
        return false;
    return n > al + 2 && ex_is_upper((unsigned char)p[1 + al]);
}

/* Is token k a place or a people's name in the gazetteer ("Guinea",
 * "Irish", "Asia")? */
static bool
ps_gazetteer_kind(const struct ent_run *r, size_t k, bool country_only)
{
    const struct tok *t = &r->t.v[k];
    char key[48];
    size_t n = t->end - t->start;
    if (n >= sizeof key)
        return false;
    for (size_t p = 0; p < n; p++)
        key[p] = (char)ex_lower((unsigned char)r->s[t->start + p]);
    const struct gz_slot *sl = gz_find(r->g, key, n, ds_hash64(key, n));
    for (int32_t a = sl ? sl->alias : -1; a >= 0; a = r->g->aliases[a].next) {
        enum entity_kind kind = r->g->ents[r->g->aliases[a].entity].kind;
        if (kind == ENTITY_COUNTRY || (kind == ENTITY_PLACE && !country_only))
            return true;
    }
    return false;
}

static bool
ps_gazetteer_place(const struct ent_run *r, size_t k)
{
    return ps_gazetteer_kind(r, k, false);
}

/* See people.h. */
bool
er_place_compound(const struct ent_run *r, size_t a, size_t b)
{
    /* combining forms of peoples and places, and prefixes, that open an
     * adjective ("Indo-Pacific", "Sino-Indian", "Trans-Pacific") */
    static const char *const forms[] = {
        "Indo", "Sino", "Anglo", "Franco", "Russo", "Austro", "Afro", "Euro", "Italo",
        "Greco", "Graeco", "Judeo", "Hispano", "Luso", "Nippo", "Turco", "Ibero", "Balto",
        "Slavo", "Germano", "Serbo", "Finno", "Ugro", "Celto", "Belgo", "Polono", "Trans",
        "Pan", "Mid", "Sub", "Inter", "Pre", "Post", "Anti", "Pro", "Neo", "Non", NULL};
    /* oceans, regions and peoples a compound ends with ("Asia-Pacific",
     * "Anglo-Saxon", "Greco-Roman", "Sub-Saharan") */
    static const char *const ends[] = {
        "Pacific", "Atlantic", "Arctic", "Antarctic", "Caribbean", "Mediterranean", "Baltic",
        "Saharan", "Saxon", "Roman", "Christian", "Muslim", "Islamic", "Asian", "European",
        "American", "African", "Arab", "Arabian", "Semitic", "Soviet", NULL};
    const struct tok *v = r->t.v;
    bool one_word = b > a;
    for (size_t k = a + 1; k <= b; k++) {
        bool hyphen = v[k].sep == '-' && v[k - 1].end + 1 == v[k].start;
        if (hyphen && (ps_listed(r, &v[k - 1], forms) || ps_listed(r, &v[k], ends)))
            return true; /* also inside a longer run: "Zoe Indo-Pacific" */
        one_word = one_word && hyphen;
    }
    for (size_t k = a; one_word && k <= b; k++)
        if (ps_gazetteer_place(r, k))
            return true; /* "Guinea-Bissau", "Asia-Pacific"; not "Ella Jordan-Smith" */
    /* a word and a country is a national body, "Air France", "Football
     * Australia", "Greenpeace Belgium"; not "Thomas Jordan" (a given name) */
    return b == a + 1 && v[b].sep == ' ' && !er_is(r, &v[a], WL_GIVEN) &&
           !er_in(r, &v[a], WL_TITLES) && !er_is(r, &v[a], WL_HONORIFIC) && /* "Baroness
                                                                               Scotland" */
           !(v[a].flags & TK_POSS) && ps_gazetteer_kind(r, b, true);
}
