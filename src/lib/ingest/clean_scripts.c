/*
 * ingest/clean_scripts.c — page furniture in Vietnamese, Czech and
 * Slovak, Greek, Hindi, Arabic, Hebrew, Korean, Thai and Ukrainian, the
 * languages clean_langs.c's tables do not have: whole-line labels (an ad
 * label, a share or comments button, with or without its count:
 * "Bình luận (12)"), the heads of related lists, run-ins before another
 * story's headline ("Xem thêm: ...", "यह भी पढ़ें: ..."), and a site's
 * appeal to follow it somewhere ("Ακολουθήστε μας στο Google News"). The
 * shapes are clean_langs.c's; the tables hold the words as they open a
 * line (the compare folds ASCII only, so capitals are listed where a
 * script has them). A sentence that opens with one of the words goes on
 * past it and stays.
 */
#include "config.h"

#include <string.h>

#include "dossier/util.h"
#include "lib.h"

static const char *const labels[] = {
    /* vi */ "chia sẻ", "quảng cáo", "tin liên quan", "bình luận", "gửi bình luận", "xem thêm",
    "đọc nhiều", "tin cùng chuyên mục", "in bài viết", "zalo",
    /* cs, sk */ "sdílet", "tisk", "zvětšit písmo", "přečtěte si také", "čtěte také",
    "související články", "nejčtenější", "diskuse", "komentáře", "přijmout vše", "odmítnout",
    "domů", "zdieľať", "čítajte aj", "súvisiace články", "diskusia", "najčítanejšie",
    /* el */ "Κοινοποίηση", "ΚΟΙΝΟΠΟΙΗΣΗ", "Διαφήμιση", "ΔΙΑΦΗΜΙΣΗ", "Διαβάστε επίσης",
    "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ", "Δείτε ακόμα", "Δείτε επίσης", "ΔΕΙΤΕ ΑΚΟΜΑ", "Σχόλια", "ΣΧΟΛΙΑ",
    "Σχετικά άρθρα", "Δημοφιλή", "Τα πιο δημοφιλή",
    /* hi */ "होम", "विज्ञापन", "शेयर करें", "शेयर", "यह भी पढ़ें", "टिप्पणियां", "टिप्पणी",
    "संबंधित खबरें", "ज्यादा पढ़ी गई", "सबसे ज्यादा पढ़ी गई",
    /* ar */ "إعلان", "اعلان", "شارك", "شارك الخبر", "اقرأ أيضا", "اقرأ أيضاً", "أخبار ذات صلة",
    "الأكثر قراءة", "تعليقات", "التعليقات",
    /* he */ "שתפו", "שתף", "פרסומת", "קראו עוד", "קראו גם", "כתבות נוספות", "תגובות",
    "הכי נקראות",
    /* ko */ "공유하기", "공유", "글자크기", "글자 크기", "광고", "관련기사", "관련 기사",
    "많이 본 뉴스", "댓글", "기사 제보하기", "기사제보", "무단 전재 및 재배포 금지",
    "무단전재 및 재배포 금지", "구독",
    /* th */ "แชร์", "โฆษณา", "อ่านเพิ่มเติม", "ข่าวที่เกี่ยวข้อง", "ข่าวยอดนิยม", "ความคิดเห็น",
    /* uk */ "Поділитися", "Читайте також", "Дивіться також", "Коментарі", "Популярне",
};

/* Labels that head a list of other stories' headlines. */
static const char *const list_heads[] = {
    "tin liên quan", "xem thêm", "đọc nhiều", "tin cùng chuyên mục", "související články",
    "nejčtenější", "přečtěte si také", "súvisiace články", "najčítanejšie", "Δείτε ακόμα",
    "Δείτε επίσης", "ΔΕΙΤΕ ΑΚΟΜΑ", "Σχετικά άρθρα", "Διαβάστε επίσης", "Δημοφιλή",
    "संबंधित खबरें", "यह भी पढ़ें", "ज्यादा पढ़ी गई", "أخبار ذات صلة", "اقرأ أيضا", "اقرأ أيضاً",
    "الأكثر قراءة", "כתבות נוספות", "קראו עוד", "קראו גם", "הכי נקראות", "관련기사", "관련 기사",
    "많이 본 뉴스", "ข่าวที่เกี่ยวข้อง", "ข่าวยอดนิยม", "Читайте також", "Дивіться також",
    "Популярне",
};

/* Run-in prefixes: the prefix, then another story's headline. */
static const char *const runins[] = {
    "xem thêm:", "đọc thêm:", "tin liên quan:", "přečtěte si také:", "čtěte také:",
    "čtěte též:", "čítajte aj:", "Διαβάστε επίσης:", "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ:", "Δείτε επίσης:",
    "यह भी पढ़ें:", "ये भी पढ़ें:", "اقرأ أيضا:", "اقرأ أيضاً:", "اقرأ أيضا :", "קראו עוד:",
    "קראו גם:", "관련기사:", "อ่านเพิ่มเติม:", "อ่านข่าว:", "Читайте також:", "Дивіться також:",
};

/* A site's appeal to follow it on a network or a channel. */
static const char *const follows[] = {
    "Ακολουθήστε μας", "हमारे", "تابعونا", "ติดตามเรา", "Підписуйтесь на", "Підписуйтеся на",
    "Sledujte nás", "theo dõi", "팔로우", "עקבו אחרינו",
};

static size_t
before_count(const char *s, size_t n)
{
    if (n < 5 || s[n - 1] != ')')
        return n;
    size_t i = n - 1;
    while (i && s[i - 1] >= '0' && s[i - 1] <= '9')
        i--;
    if (i == n - 1 || i < 3 || s[i - 1] != '(' || s[i - 2] != ' ')
        return n;
    return i - 2;
}

static bool
in_table(const char *s, size_t n, const char *const *t, size_t nt)
{
    while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
        n--;
    return n && ing_ieq_any(s, n, t, nt);
}

/* A sentence's end in these scripts: a full stop, a Hindi danda. */
static bool
sentence_end(const char *s, size_t n)
{
    return s[n - 1] == '.' || s[n - 1] == '!' ||
           (n >= 3 && memcmp(s + n - 3, "\xe0\xa5\xa4", 3) == 0); /* । */
}

/* See lib.h. */
bool
ing_script_related_heading(const char *s, size_t n)
{
    /* a rail of one section's stories: "Next in Business", "More in Sport" */
    if ((ing_istarts(s, n, "next in ") || ing_istarts(s, n, "more in ")) && n < 40 &&
        s[8] >= 'A' && s[8] <= 'Z' && ing_count_words_max(s, n, 5) <= 4 &&
        !ing_ends_with_any(s, n, ".?!"))
        return true;
    return n <= 80 && in_table(s, n, list_heads, DS_ARRAY_LEN(list_heads));
}

/* See lib.h. */
const char *
ing_script_shape(const char *s, size_t n)
{
    if (n > 300 || n == 0)
        return NULL;
    if (n <= 80 && ing_script_related_heading(s, n))
        return "label";
    size_t ln = before_count(s, n);
    if (ln <= 80 && !sentence_end(s, ln) && in_table(s, ln, labels, DS_ARRAY_LEN(labels)))
        return "label";
    if (sentence_end(s, n) || ing_count_words_max(s, n, 31) > 30)
        return ing_saver_shape(s, n);
    for (size_t i = 0; i < DS_ARRAY_LEN(runins); i++) {
        size_t pl = strlen(runins[i]);
        if (n > pl + 1 && ing_istarts(s, n, runins[i]))
            return "related";
    }
    if (ing_count_words_max(s, n, 13) <= 12)
        for (size_t i = 0; i < DS_ARRAY_LEN(follows); i++)
            if (ing_istarts(s, n, follows[i]) &&
                (strcmp(follows[i], "हमारे") != 0 || ing_ifind(s, n, "जुड़ें")))
                return "app";
    return ing_saver_shape(s, n);
}
