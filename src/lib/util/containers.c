/* util/containers.c — string and u64 hash maps (see containers.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/containers.h"
#include "dossier/util.h"

/* ---- string -> u64 -------------------------------------------------------- */

static void
strmap_rehash(struct strmap *m, size_t cap)
{
    free(m->slots);
    m->cap = cap;
    m->slots = xcalloc(cap, sizeof *m->slots);
    for (size_t i = 0; i < m->n; i++) {
        size_t j = (size_t)m->e[i].hash & (cap - 1);
        while (m->slots[j])
            j = (j + 1) & (cap - 1);
        m->slots[j] = (uint32_t)(i + 1);
    }
}

/* The slot holding key, or the empty slot where it would go. */
static size_t
strmap_slot(const struct strmap *m, const char *key, size_t len, uint64_t h)
{
    size_t j = (size_t)h & (m->cap - 1);
    while (m->slots[j]) {
        const struct strmap_entry *e = &m->e[m->slots[j] - 1];
        if (e->hash == h && strncmp(e->key, key, len) == 0 && e->key[len] == '\0')
            break;
        j = (j + 1) & (m->cap - 1);
    }
    return j;
}

/* Bytes of a block of keys: a vocabulary's keys, written in the order
 * they are first seen, so the common words sit together in a few blocks
 * instead of each in a heap chunk of its own (16 bytes of header each,
 * among everything else allocated while the map grew): a lookup's compare
 * reads memory another recent lookup has brought into the cache. */
#define STRMAP_BLOCK 16384

/* A copy of key[0..len) and a NUL in m's blocks. */
static char *
strmap_key(struct strmap *m, const char *key, size_t len)
{
    size_t head = sizeof(char *);
    if (!m->block || m->room - m->used < len + 1) {
        size_t room = head + len + 1 > STRMAP_BLOCK ? head + len + 1 : STRMAP_BLOCK;
        char *b = xmalloc(room);
        memcpy(b, &m->block, head); /* the chain, for strmap_free */
        m->block = b;
        m->used = head;
        m->room = room;
    }
    char *k = m->block + m->used;
    memcpy(k, key, len);
    k[len] = '\0';
    m->used += len + 1;
    return k;
}

struct strmap_entry *
strmap_find(const struct strmap *m, const char *key, size_t len)
{
    if (!m->cap)
        return NULL;
    size_t j = strmap_slot(m, key, len, ds_hash64(key, len));
    return m->slots[j] ? &m->e[m->slots[j] - 1] : NULL;
}

struct strmap_entry *
strmap_upsert(struct strmap *m, const char *key, size_t len, bool *added)
{
    /* at most half full: a lookup that misses (most upserts of a growing
     * vocabulary) probes ~2.5 slots, against ~8.5 at three quarters, and
     * every probe that finds a slot taken reads an entry elsewhere */
    if ((m->n + 1) * 2 > m->cap)
        strmap_rehash(m, m->cap ? m->cap * 2 : 64);
    uint64_t h = ds_hash64(key, len);
    size_t j = strmap_slot(m, key, len, h);
    if (added)
        *added = !m->slots[j];
    if (m->slots[j])
        return &m->e[m->slots[j] - 1];
    if (m->n == m->ecap) {
        m->ecap = m->ecap ? m->ecap * 2 : 32;
        m->e = xrealloc(m->e, m->ecap * sizeof *m->e);
    }
    m->e[m->n] = (struct strmap_entry){strmap_key(m, key, len), h, 0};
    m->slots[j] = (uint32_t)(++m->n);
    return &m->e[m->n - 1];
}

void
strmap_free(struct strmap *m)
{
    for (char *b = m->block, *prev; b; b = prev) {
        memcpy(&prev, b, sizeof prev);
        free(b);
    }
    free(m->e);
    free(m->slots);
    *m = (struct strmap)STRMAP_INIT;
}

/* ---- u64 -> u64 ------------------------------------------------------------ */

/* A 64-bit mix (splitmix64's finaliser): ids and hashes alike spread over
 * the table. */
static size_t
u64map_home(uint64_t k, size_t cap)
{
    k ^= k >> 30;
    k *= 0xbf58476d1ce4e5b9ULL;
    k ^= k >> 27;
    k *= 0x94d049bb133111ebULL;
    k ^= k >> 31;
    return (size_t)k & (cap - 1);
}

static size_t
u64map_slot(const struct u64map *m, uint64_t key)
{
    size_t j = u64map_home(key, m->cap);
    while (m->used[j] && m->keys[j] != key)
        j = (j + 1) & (m->cap - 1);
    return j;
}

uint64_t *
u64map_find(const struct u64map *m, uint64_t key)
{
    if (!m->cap)
        return NULL;
    size_t j = u64map_slot(m, key);
    return m->used[j] ? &m->values[j] : NULL;
}

uint64_t *
u64map_upsert(struct u64map *m, uint64_t key, bool *added)
{
    if ((m->n + 1) * 4 > m->cap * 3) {
        struct u64map old = *m;
        m->cap = old.cap ? old.cap * 2 : 64;
        m->keys = xcalloc(m->cap, sizeof *m->keys);
        m->values = xcalloc(m->cap, sizeof *m->values);
        m->used = xcalloc(m->cap, 1);
        for (size_t i = 0; i < old.cap; i++)
            if (old.used[i]) {
                size_t j = u64map_slot(m, old.keys[i]);
                m->used[j] = 1;
                m->keys[j] = old.keys[i];
                m->values[j] = old.values[i];
            }
        free(old.keys);
        free(old.values);
        free(old.used);
    }
    size_t j = u64map_slot(m, key);
    if (added)
        *added = !m->used[j];
    if (!m->used[j]) {
        m->used[j] = 1;
        m->keys[j] = key;
        m->values[j] = 0;
        m->n++;
    }
    return &m->values[j];
}

void
u64map_free(struct u64map *m)
{
    free(m->keys);
    free(m->values);
    free(m->used);
    *m = (struct u64map)U64MAP_INIT;
}
