/*
 * containers.h — the hash maps every part uses instead of writing its own:
 * a string map (NUL-terminated keys, copied) and a u64 map, both to a
 * 64-bit value, open addressing with linear probing, growing at half full
 * (a string map, whose probes read entries kept apart) or 3/4 full (a u64
 * map). A string map keeps its entries in insertion order (m->e[0..n)), so what is
 * built by walking it is deterministic. Allocation failure aborts
 * (xmalloc), so no call fails.
 */
#ifndef DOSSIER_CONTAINERS_H
#define DOSSIER_CONTAINERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- string -> u64 -------------------------------------------------------- */

struct strmap_entry {
    char *key;      /* owned by the map */
    uint64_t hash;
    uint64_t value;
};

struct strmap {
    struct strmap_entry *e; /* entries in insertion order */
    size_t n, ecap;
    uint32_t *slots;        /* entry index + 1; 0 = empty */
    size_t cap;             /* power of two, 0 before the first insert */
    char *block;            /* the keys, packed in blocks (each starts with a pointer
                             * to the one before), not one allocation each */
    size_t used, room;      /* bytes of block used and in all */
};

#define STRMAP_INIT {NULL, 0, 0, NULL, 0, NULL, 0, 0}

/* The entry for key (len bytes), or NULL. Borrowed: valid until the next
 * insert or strmap_free. */
struct strmap_entry *strmap_find(const struct strmap *m, const char *key, size_t len);
/* The entry for key, added with value 0 when absent (*added tells which;
 * added may be NULL). Borrowed as above. */
struct strmap_entry *strmap_upsert(struct strmap *m, const char *key, size_t len, bool *added);
/* Free every key and the tables; the map is empty and reusable after. */
void strmap_free(struct strmap *m);

/* ---- u64 -> u64 ------------------------------------------------------------ */

struct u64map {
    uint64_t *keys;
    uint64_t *values;
    unsigned char *used;
    size_t n, cap;          /* cap: power of two, 0 before the first insert */
};

#define U64MAP_INIT {NULL, NULL, NULL, 0, 0}

/* The value slot of key, or NULL. Borrowed until the next insert. */
uint64_t *u64map_find(const struct u64map *m, uint64_t key);
/* The value slot of key, added as 0 when absent. Borrowed as above. */
uint64_t *u64map_upsert(struct u64map *m, uint64_t key, bool *added);
void u64map_free(struct u64map *m);

#endif
