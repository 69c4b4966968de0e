/*
 * fuzz_open.c — libFuzzer target for opening an index (issue 18): the
 * input's bytes replace the start of a small, valid dossier index (the
 * 100-byte SQLite header, with user_version at bytes 60-63 and the
 * application id at 68-71, then the schema page), and store_open() must
 * refuse it with a message or open it, migrate it and answer a count,
 * never crash, read out of bounds or loop. A damaged header is a normal
 * input here, not a bug.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *fo_template;    /* bytes of a fresh index with two documents */
static size_t fo_template_len;
static char fo_dir[64];

static void
fo_die(const char *what)
{
    fprintf(stderr, "fuzz_open: %s\n", what);
    abort();
}

static void
fo_write(const char *path, const char *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(bytes, 1, n, f) != n)
        fo_die("cannot write the test file");
    fclose(f);
}

/* Build the template once: a real index, checkpointed into one file. */
static void
fo_init(void)
{
    /* on tmpfs when there is one: every case writes and syncs a file */
    struct stat st;
    bool shm = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0;
    snprintf(fo_dir, sizeof fo_dir, "%s/fuzz_open.XXXXXX", shm ? "/dev/shm" : "/tmp");
    if (!mkdtemp(fo_dir))
        fo_die("mkdtemp");
    char *path = xasprintf("%s/template.db", fo_dir);
    struct store *s = NULL;
    struct ds_error err;
    if (store_open(path, STORE_CREATE, &s, &err) != 0)
        fo_die(err.msg);
    struct article a;
    memset(&a, 0, sizeof a);
    a.title = (char *)(uintptr_t) "Tariffs rise";
    a.body = (char *)(uintptr_t) "Steel tariffs rose on Monday, officials said.";
    a.raw = a.body;
    int64_t id;
    if (store_doc_insert(s, &a, 1, &id, &err) != 0)
        fo_die(err.msg);
    store_close(&s); /* the last connection checkpoints and removes the WAL */
    struct buf b = BUF_INIT;
    if (ds_read_file(path, 1 << 24, &b, &err) != 0)
        fo_die(err.msg);
    fo_template_len = b.len;
    fo_template = buf_steal(&b);
    remove(path);
    free(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fo_template)
        fo_init();
    char *bytes = xmalloc(fo_template_len);
    memcpy(bytes, fo_template, fo_template_len);
    memcpy(bytes, data, size < fo_template_len ? size : fo_template_len);
    char *path = xasprintf("%s/case.db", fo_dir);
    char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
    remove(wal);
    remove(shm);
    fo_write(path, bytes, fo_template_len);

    for (int ro = 0; ro < 2; ro++) {
        struct store *s = NULL;
        struct ds_error err;
        ds_error_clear(&err);
        if (store_open(path, ro ? STORE_READONLY : 0, &s, &err) != 0) {
            if (s || !err.msg[0])
                fo_die("a refusal must come with a message and no handle");
            continue;
        }
        struct store_stats st;
        if (store_stats(s, &st, &err) == 0)
            store_stats_clear(&st);
        else if (!err.msg[0])
            fo_die("a failed count must say why");
        store_close(&s);
    }
    remove(path);
    remove(wal);
    remove(shm);
    free(path);
    free(wal);
    free(shm);
    free(bytes);
    return 0;
}
