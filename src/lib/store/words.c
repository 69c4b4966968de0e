/*
 * store/words.c — text cut into words for keywords, keyness and "more like
 * this" (store.h): the index's own tokens, except that Chinese and
 * Japanese runs become dictionary words (util/segment.c: ICU, personal
 * names joined) instead of the overlapping bigrams the index keeps for
 * exact search. Each word is folded to Simplified as the index folds, so
 * 關稅 and 关税 count as one word; one-character words (的, 在, 了) are
 * left out, as one-letter English tokens are.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/store_similar.h"
#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "lib.h"

struct words_ctx {
  struct store *s;
  const char *text;
  size_t base; /* offset of the piece being tokenized in text */
  void (*fn)(const char *token, size_t start, size_t end, void *ud);
  void *ud;
  struct buf word;
};

/* A token of a non-CJK piece: its span moved to the whole text. */
static void words_shift_cb(const char *token, size_t start, size_t end,
                           void *ud) {
  struct words_ctx *c = ud;
  c->fn(token, c->base + start, c->base + end, c->ud);
}

/* One word of a CJK run, folded, when it has two characters or more. */
static void words_cjk_cb(size_t start, size_t end, void *ud) {
  struct words_ctx *c = ud;
  const char *w = c->text + c->base;
  buf_reset(&c->word);
  size_t chars = 0;
  for (size_t i = start; i < end; chars++) {
    uint32_t cp;
    i += (size_t)utf8_decode(w + i, end - i, &cp);
    char enc[4];
    cp = cp >= 0x3400 ? store_hanfold(cp) : utf8_tolower(cp);
    buf_append(&c->word, enc, (size_t)utf8_encode(cp, enc));
  }
  if (chars >= 2)
    c->fn(buf_str(&c->word), c->base + start, c->base + end, c->ud);
}

/* The end of the CJK run (Han, kana, hangul) or of the other text that
 * starts at i. */
static size_t words_run_end(const char *t, size_t len, size_t i, bool *cjk) {
  uint32_t cp;
  int l = utf8_decode(t + i, len - i, &cp);
  *cjk = utf8_is_cjk(cp);
  for (i += (size_t)l; i < len; i += (size_t)l) {
    l = utf8_decode(t + i, len - i, &cp);
    if (utf8_is_cjk(cp) != *cjk)
      break;
  }
  return i;
}

int store_tokenize_words(struct store *s, const char *text, size_t len,
                         void (*fn)(const char *token, size_t start, size_t end,
                                    void *ud),
                         void *ud, struct ds_error *err) {
  if (!s->seg)
    s->seg = seg_new();
  struct words_ctx c = {s, text, 0, fn, ud, BUF_INIT};
  int rc = 0;
  for (size_t i = 0; i < len && rc == 0;) {
    bool cjk;
    size_t e = words_run_end(text, len, i, &cjk);
    c.base = i;
    if (cjk)
      seg_words(s->seg, text + i, e - i, words_cjk_cb, &c);
    else
      rc = store_tokenize(s, text + i, e - i, words_shift_cb, &c, err);
    i = e;
  }
  buf_free(&c.word);
  return rc;
}

static int store_words_tokenize(void *ctx, const char *text, size_t len,
                                text_token_fn fn, void *ud) {
  struct ds_error err;
  ds_error_clear(&err);
  return store_tokenize_words(ctx, text, len, fn, ud, &err);
}

void store_text_tokenizer_words(struct store *s, struct text_tokenizer *out) {
  out->tokenize = store_words_tokenize;
  out->ctx = s;
}

bool store_term_is_cjk(const char *term) {
  uint32_t cp;
  return (unsigned char)term[0] >= 0xE3 &&
         utf8_decode(term, strlen(term), &cp) > 1 && utf8_is_cjk(cp);
}
