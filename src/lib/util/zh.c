/*
 * util/zh.c — Chinese words for name patterns (see zh.h): family names,
 * characters no given name holds, titles before a name and reporting verbs
 * after one. Each list is written once, in Traditional characters where
 * the scripts differ: its Simplified forms are made when it is first used
 * (util/zh_lists.c), so both scripts match. Written from the
 * common-surname lists (the Hundred Family Surnames and census rankings),
 * not from any article.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/util.h"
#include "dossier/zh.h"

/* Single family names (with their folds: zh_cps). */
static const uint32_t zh_single[] = {
    0x4E01, 0x4E07, 0x4E25, 0x4E54, 0x4E60, 0x4E8E, 0x4ED8, 0x4EFB, 0x4F0D,
    0x4F55, 0x4F59, 0x4FAF, 0x4FDE, 0x502A, 0x5085, 0x5170, 0x5173, 0x5189,
    0x51AF, 0x51BC, 0x51CC, 0x5218, 0x5289, 0x5305, 0x533A, 0x5340, 0x534E,
    0x5353, 0x5355, 0x535C, 0x5362, 0x53F2, 0x53F6, 0x5411, 0x5415, 0x5433,
    0x5434, 0x5442, 0x5468, 0x5510, 0x55AC, 0x55AE, 0x56B4, 0x590F, 0x59DA,
    0x59DC, 0x5B54, 0x5B59, 0x5B5F, 0x5B63, 0x5B6B, 0x5B81, 0x5B89, 0x5B8B,
    0x5BE7, 0x5C1A, 0x5C39, 0x5C91, 0x5CB3, 0x5D14, 0x5DE6, 0x5DEB, 0x5E38,
    0x5E84, 0x5E9E, 0x5EB7, 0x5ED6, 0x5F20, 0x5F35, 0x5F6D, 0x5F90, 0x6210,
    0x621A, 0x6234, 0x6587, 0x65B9, 0x65BD, 0x6613, 0x66F2, 0x66F9, 0x66FE,
    0x6731, 0x674E, 0x675C, 0x6768, 0x6797, 0x67EF, 0x67F3, 0x6817, 0x6881,
    0x6885, 0x694A, 0x6A0A, 0x6B27, 0x6B50, 0x6B66, 0x6BB5, 0x6BB7, 0x6BD5,
    0x6BDB, 0x6C5F, 0x6C64, 0x6C6A, 0x6C88, 0x6D2A, 0x6D82, 0x6E29, 0x6E38,
    0x6E6F, 0x6EAB, 0x6F58, 0x7126, 0x718A, 0x725B, 0x738B, 0x7518, 0x7530,
    0x7533, 0x7562, 0x767D, 0x76DB, 0x76E7, 0x77F3, 0x795D, 0x79E6, 0x7A0B,
    0x7AE0, 0x7AE5, 0x7B26, 0x7D00, 0x7DF4, 0x7EAA, 0x7EC3, 0x7F57, 0x7F85,
    0x7FC1, 0x7FD2, 0x7FDF, 0x803F, 0x8042, 0x8076, 0x8096, 0x80E1, 0x8212,
    0x82CF, 0x82D7, 0x8303, 0x838A, 0x83AB, 0x83EF, 0x8427, 0x842C, 0x8449,
    0x845B, 0x8463, 0x848B, 0x8499, 0x84DD, 0x8521, 0x8523, 0x856D, 0x859B,
    0x85CD, 0x8607, 0x862D, 0x8881, 0x88F4, 0x8983, 0x8A31, 0x8A79, 0x8B1D,
    0x8B5A, 0x8BB8, 0x8C22, 0x8C2D, 0x8C37, 0x8CC0, 0x8CC8, 0x8CF4, 0x8D3A,
    0x8D3E, 0x8D56, 0x8D75, 0x8D99, 0x8DEF, 0x8F9B, 0x8F9C, 0x9093, 0x90A2,
    0x90B1, 0x90B5, 0x90B9, 0x90D1, 0x90DD, 0x90ED, 0x9112, 0x9127, 0x912D,
    0x91D1, 0x9322, 0x937E, 0x9418, 0x949F, 0x94B1, 0x9586, 0x95DC, 0x95EB,
    0x962E, 0x9646, 0x9648, 0x9673, 0x9676, 0x9678, 0x96F7, 0x970D, 0x97CB,
    0x97D3, 0x97E6, 0x97E9, 0x984F, 0x9867, 0x987E, 0x989C, 0x99AC, 0x99AE,
    0x99F1, 0x9A6C, 0x9A86, 0x9AD8, 0x9B4F, 0x9B6F, 0x9C81, 0x9EA5, 0x9EA6,
    0x9EC3, 0x9EC4, 0x9ECE, 0x9F4A, 0x9F50, 0x9F8D, 0x9F90, 0x9F94, 0x9F99,
    0x9F9A, 0x53E4,
};

/* Characters of function words: never part of a given name. */
static const uint32_t zh_stops[] = {
    0x4E0A, 0x4E0B, 0x4E0D, 0x4E0E, 0x4E26, 0x4E2A, 0x4E2D, 0x4E3A, 0x4E4B,
    0x4E5F, 0x4E86, 0x4E8E, 0x4EA6, 0x4EBA, 0x4ECA, 0x4ECE, 0x4ED6, 0x4EE5,
    0x4EEC, 0x4F1A, 0x4F46, 0x4F4D, 0x4F60, 0x4F86, 0x500B, 0x5011, 0x5167,
    0x5176, 0x5185, 0x5219, 0x5230, 0x5247, 0x524D, 0x5373, 0x53BB, 0x53C8,
    0x53CA, 0x53EF, 0x5404, 0x540D, 0x540E, 0x5411, 0x548C, 0x5728, 0x5916,
    0x5979, 0x5BF9, 0x5C06, 0x5C07, 0x5C0D, 0x5C31, 0x5DF2, 0x5E74, 0x5E76,
    0x5F8C, 0x5F9E, 0x6211, 0x6216, 0x6240, 0x628A, 0x6307, 0x65BC, 0x65E5,
    0x65F6, 0x6628, 0x662F, 0x6642, 0x66FE, 0x6703, 0x6708, 0x6709, 0x6765,
    0x67D0, 0x6B64, 0x6BCF, 0x6C92, 0x6CA1, 0x70BA, 0x7684, 0x7740, 0x79F0,
    0x7A31, 0x7B49, 0x7D66, 0x7ED9, 0x800C, 0x80FD, 0x8207, 0x8457, 0x8868,
    0x88AB, 0x88E1, 0x8981, 0x8A72, 0x8AAA, 0x8B93, 0x8BA9, 0x8BE5, 0x8BF4,
    0x8FC7, 0x8FD8, 0x8FD9, 0x9019, 0x904E, 0x9084, 0x90A3, 0x90FD, 0x91CC,
};

/* Characters of transliterated foreign names (the common syllables of the
 * Xinhua tables: 克 里 斯 特 爾 拉 尼 ...), Traditional where the scripts
 * differ; the common Chinese family names (李 林 楊 許 葉) left out. 文
 * (凱文, 文森特) only joins a name after a title, three characters or more. */
static const uint32_t zh_translit[] = {
    0x6587,
    /* 京 龍 斐: 普京, 馬克龍, 斐迪南 */
    0x4EAC, 0x9F8D, 0x6590,
    0x4E01, 0x4E39, 0x4E9E, 0x4EA8, 0x4F0A, 0x4F0D, 0x4F11, 0x4F2F, 0x4F3D,
    0x53EF, 0x4F50, 0x4F5B, 0x4F69, 0x4F9D, 0x4FEE, 0x502B, 0x5091, 0x514B, 0x5167,
    0x51E1, 0x51F1, 0x5207, 0x5217, 0x5229, 0x52A0, 0x52AA, 0x52D2, 0x52DE,
    0x5357, 0x535A, 0x5361, 0x5384, 0x53E4, 0x53F2, 0x5409, 0x54C8, 0x5580,
    0x55AC, 0x56E0, 0x5716, 0x572D, 0x574E, 0x5766, 0x57C3, 0x57FA, 0x5854,
    0x585E, 0x590F, 0x591A, 0x592B, 0x5947, 0x5948, 0x594E, 0x5951, 0x5967,
    0x59AE, 0x59C6, 0x5A01, 0x5A03, 0x5A1C, 0x5B54, 0x5B5F, 0x5B89, 0x5BC6,
    0x5BCC, 0x5BDF, 0x5BE7, 0x5C24, 0x5C3C, 0x5CA1, 0x5DF4, 0x5E03, 0x5E0C,
    0x5E15, 0x5E1D, 0x5E2D, 0x5EAB, 0x5EB7, 0x5EF7, 0x5F17, 0x5F7C, 0x5FB7,
    0x6069, 0x60E0, 0x611B, 0x6208, 0x6234, 0x624E, 0x6258, 0x62C9, 0x62D4,
    0x62DC, 0x63D0, 0x63DA, 0x654F, 0x65AF, 0x65BD, 0x65FA, 0x6602, 0x6606,
    0x666E, 0x66FC, 0x6717, 0x672C, 0x672D, 0x675C, 0x6771, 0x677E, 0x67CF,
    0x67E5, 0x67EF, 0x6839, 0x683C, 0x6851, 0x6885, 0x68EE, 0x6B3D, 0x6B50,
    0x6BD4, 0x6C83, 0x6C99, 0x6CD5, 0x6CE2, 0x6CF0, 0x6D1B, 0x6D77, 0x6D85,
    0x6E6F, 0x6EAB, 0x6F22, 0x6F58, 0x6FA4, 0x70CF, 0x723E, 0x7279, 0x73C0,
    0x73ED, 0x7433, 0x745E, 0x745F, 0x746A, 0x74E6, 0x7518, 0x7562, 0x76AE,
    0x76E7, 0x798F, 0x79D1, 0x7A46, 0x7C73, 0x7D04, 0x7D0D, 0x7D10, 0x7D22,
    0x7D72, 0x7DAD, 0x7F85, 0x8003, 0x8036, 0x80AF, 0x80E1, 0x820D, 0x827E,
    0x829D, 0x82AC, 0x82E5, 0x82F1, 0x8303, 0x8328, 0x8332, 0x838E, 0x83AB,
    0x83F2, 0x840A, 0x842C, 0x8482, 0x8499, 0x84CB, 0x857E, 0x85A9, 0x8607,
    0x862D, 0x897F, 0x8A79, 0x8A87, 0x8AFE, 0x8B1D, 0x8C6A, 0x8C9D, 0x8CA2,
    0x8CBB, 0x8CC8, 0x8CF4, 0x8CFD, 0x8D6B, 0x8DEF, 0x8F9B, 0x8FE6, 0x8FEA,
    0x9053, 0x9054, 0x9081, 0x90A6, 0x91CC, 0x932B, 0x9580, 0x963F, 0x9686,
    0x96C5, 0x96F7, 0x970D, 0x97CB, 0x9813, 0x99AC, 0x99AE, 0x9B6F, 0x9B91,
    0x9E97, 0x9EA5, 0x9ECE, 0x9ED8, 0x9EDB, 0x9F4A, 0x9F90, 0x672B,
};

static struct zh_cps zh_translit_s = ZH_CPS(zh_translit);
static struct zh_cps zh_single_s = ZH_CPS(zh_single);
static struct zh_cps zh_stops_s = ZH_CPS(zh_stops);

/* Double family names (checked before the single ones). */
static const char *const zh_double[] = {
    "歐陽", "司馬", "諸葛", "上官", "司徒", "夏侯", "皇甫", "尉遲", "公孫", "慕容", "長孫", "宇文",
    "令狐", "端木", "軒轅", "澹臺", "呼延", "申屠", NULL,
};
static struct zh_list zh_double_l = ZH_LIST(zh_double);

/* Titles and roles written before a name; a longer one that ends in a
 * shorter one ("副總理", "國家主席") is found by the shorter. */
static const char *const zh_titles[] = {
    "代表", "理事", "大臣",
    "主席", "總統", "總理", "首相", "部長", "外長", "財長", "發言人", "特首", "行政長官", "董事長", "總裁",
    "首席執行官", "經理", "行長", "主任", "局長", "署長", "司長", "處長", "廳長", "大使", "教授", "市長",
    "省長", "州長", "書記", "議員", "委員", "委員長", "秘書長", "會長", "理事長", "院長", "校長", "創辦人",
    "創始人", "經濟學家", "分析師", "研究員", "記者", "法官", "律師", "總監", "負責人", "特使", "顧問",
    "學者", "議長", "國務卿", "總幹事", "主委", "首長", "總督", "高管", "合夥人", "策略師", "總編輯", "博士",
    "執行長", "首席執行長", "統計師", "首席統計師", "經濟師", "首席經濟師",
    /* police ranks (高級警司, 總督察) and sports roles (主教練, 隊長) */
    "警司", "督察", "警長", "警員", "教練", "隊長", "領隊", "主帥",
    /* more roles: athletes (選手, 騎師, 外援), experts, press secretaries
     * (not 球員 nor 秘書 alone: 球員全季表現, 副秘書長) */
    "選手", "騎師", "練馬師", "外援", "專家", "院士", "新聞秘書",
    /* positions on a team, singers and actors, candidates, party members,
     * the accused and magistrates (外籍球員, not 球員 alone) */
    "後衛", "前鋒", "中鋒", "控衛", "門將", "外籍球員", "歌手", "演員", "藝人",
    "候選人", "黨籍", "黨籍的", "被告", "被告人", "裁判官",
    /* verbs of appointment name the person next as a title does
     * (任命張明為局長, 委任林志恒為行政總裁, 免去王志剛的職務) */
    "任命", "委任", "免去",
    /* local government (區長, 鎮長, 村長, 村支書), the arts and the
     * sciences (導演, 作家, 名伶, 物理學家), the head of a unit (主管),
     * and an age before a name (72歲的王建國) */
    "區長", "縣長", "鎮長", "鄉長", "村長", "里長", "支書", "導演", "編劇", "作家",
    "詩人", "名伶", "學家", "主管", "導師", "歲的",
    /* people at work and parents (護士李明, 志工王美華, 家長楊勇) */
    "護士", "醫生", "志工", "義工", "家長",
    /* an award given to, a candidate named by (頒給舒淇, 提名的黃敏惠) */
    "頒給", "頒予", "授予", "提名的",
    /* Malay honorifics (拿督斯里魏家祥, 丹斯里林國華), prosecutors and
     * ministers of Korea (檢察官, 長官), doctors in Taiwan (醫師), players
     * (好手, 名將), kin (妻子何嘉欣, 女兒麥穎思), teachers (師傅), students */
    "拿督斯里", "丹斯里", "拿督", "拿汀", "檢察官", "長官", "次長", "醫師", "好手", "名將", "妻子", "丈夫",
    "女兒", "兒子", "太太", "師傅", "研究生",
    /* being met, received or interviewed names the person next as a title
     * does (會見了王毅, 接見李洋, 採訪了張明) */
    "會見了", "接見", "拜會了", "拜會", "採訪了", "專訪", "看望", "慰問", "祝賀", "接替",
    /* legislators in Taiwan (立委), commissioners (專員), a film's cast
     * (主演), a group's head (組長), pharmacists, police and couriers
     * (民警, 騎手), and hiring a person as an appointment does (續聘, 聘任) */
    "立委", "專員", "主演", "組長", "藥師", "民警", "騎手", "續聘", "聘任", "聘請",
    /* commanders (海軍司令, 司令員), astronauts (航天員),
     * prosecutors in Hong Kong and Singapore (主控官) and designers
     * (總設計師); not 董事, which 董事長 holds */
    "司令", "司令員", "航天員", "太空人", "主控官", "設計師",
    /* an appellant (上訴人劉家明; not 原告 nor 申請人: often a firm) and a role
     * given by 為 (導演為麥兆輝, 主演為) */
    "上訴人", "導演為", "主演為", NULL,
};
static struct zh_list zh_titles_l = ZH_LIST(zh_titles);

/* Reporting verbs, roles and honorifics written right after a name. */
static const char *const zh_said[] = {
    "表示", "說", "稱", "指", "指出", "認為", "強調", "透露", "介紹", "回應", "宣布", "警告", "坦言",
    "直言", "提到", "補充", "解釋", "呼籲", "承認", "否認", "批評", "先生", "女士", "博士", "教授",
    "小姐", "主席", "總統", "總理", "部長", "會見", "出席", "訪問", "簽署", "致辭", "發表", "主持", "表態",
    "重申", "預計", "估計", "相信", "曾經", "昨日", "今日", "週一", "週二", "週三", "週四", "週五",
    "在記者會", "對記者", "接受", "說道", "賽後", "會後", "事後", "日前", "近日",
    /* the form of address of appointments lists (劉小濤等同志, 王浩同志) */
    "同志", "等同志",
    /* a visit's verbs (普京週五抵達, 馬克龍結束訪問) */
    "抵達", "結束", "到訪", "會晤", "會談", "致電",
    /* a player's deeds (後衛徐杰全場送出: the segmenter reads 徐杰全) */
    "全場",
    /* a winner's verbs (由鄭秀文奪得, 劉允祐奪冠) */
    "奪得", "奪冠", "摘得", "奪金",
    /* a role written after the name (方洪波董事長, 周其鳳院士, 李華剛總裁),
     * and deeds only a person does (張明執導, 雷軍增持, 鄭麗文勝出) */
    "董事長", "總裁", "院士", "研究員", "執導", "增持", "減持", "當選", "勝出",
    /* a scorer's deeds (武磊梅開二度, 由費利佩打入) and a senior of the
     * same school or team (蘇炳添師兄) */
    "梅開二度", "打入", "攻入", "破門", "帽子戲法", "師兄", "師姐", NULL,
};
static struct zh_list zh_said_l = ZH_LIST(zh_said);

/* Function words and time words of two characters or more that say nothing
 * of what an article is about (both scripts). */
static const char *const zh_stop[] = {
    "我們", "他們", "她們", "你們", "這個", "那個", "這些", "那些", "沒有", "可以", "一個", "以及",
    "進行", "已經", "目前", "今年", "去年", "明年", "其中", "因為", "所以", "如果", "但是", "還是",
    "自己", "就是", "也是", "不是", "可能", "需要", "通過", "由於", "對於", "之後", "之前", "以來",
    "不會", "從中", "應當", "週一", "週二", "週三", "週四", "週五", "週六", "週日", "今天", "昨天",
    "明天", "表示", "認為", "指出", "以上", "以下", "不過", "而且", "並且", "或者", "此外", "另外",
    "同時", "這樣", "那樣", "什麼", "為了", "一些", "有關", "相關", "高達", "達到", "成為", "以後",
    "上月", "本月", "本週", NULL,
};
static struct zh_list zh_stop_l = ZH_LIST(zh_stop);

size_t
zh_surname(const char *s, size_t n)
{
    size_t l = zh_forms_at(zh_forms(&zh_double_l), s, 0, n, NULL);
    if (l)
        return l;
    uint32_t cp;
    int k = utf8_decode(s, n, &cp);
    return k > 0 && zh_cps_has(&zh_single_s, cp) ? (size_t)k : 0;
}

bool
zh_given_ok(uint32_t cp)
{
    if (cp < 0x3400 || cp > 0x9FFF)
        return false;
    return !zh_cps_has(&zh_stops_s, cp);
}

bool
zh_translit_ok(uint32_t cp)
{
    return zh_cps_has(&zh_translit_s, cp);
}

bool
zh_is_stopword(const char *w, size_t n)
{
    if (zh_forms_is(zh_forms(&zh_stop_l), w, n))
        return true;
    /* numerals and scales alone (萬億, 三十): numbers, not words */
    static const uint32_t nums[] = {0x96F6, 0x3007, 0x4E00, 0x4E8C, 0x4E24, 0x5169, 0x4E09,
                                    0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
                                    0x767E, 0x5343, 0x4E07, 0x842C, 0x4EBF, 0x5104, 0x5146};
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        i += (size_t)utf8_decode(w + i, n - i, &cp);
        bool num = false;
        for (size_t k = 0; k < DS_ARRAY_LEN(nums) && !num; k++)
            num = nums[k] == cp;
        if (!num)
            return false;
    }
    return n > 0;
}

size_t
zh_title_before(const char *s, size_t lo, size_t end)
{
    return zh_forms_before(zh_forms(&zh_titles_l), s, lo, end, NULL);
}

size_t
zh_title_at(const char *s, size_t p, size_t hi)
{
    return zh_forms_at(zh_forms(&zh_titles_l), s, p, hi, NULL);
}

size_t
zh_said_after(const char *s, size_t start, size_t hi)
{
    return zh_forms_at(zh_forms(&zh_said_l), s, start, hi, NULL);
}
