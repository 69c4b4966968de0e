/*
 * tmpdir.h — a temporary directory for the unit tests that make index
 * files (test_store, test_zbody, test_bodychunk, test_incremental): made
 * under $TMPDIR (or /tmp) at the start, removed with everything in it at
 * the end. The test defines _XOPEN_SOURCE 700 before its first include,
 * for nftw().
 */
#ifndef DOSSIER_TESTS_TMPDIR_H
#define DOSSIER_TESTS_TMPDIR_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "dossier/util.h"

static char tmpdir[256];

/* Make tmpdir as TMPDIR/name.XXXXXX; 0, or -1 with the reason printed. */
static inline int
tmpdir_make(const char *name)
{
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/%s.XXXXXX", base && *base ? base : "/tmp", name);
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return -1;
    }
    return 0;
}

/* name inside tmpdir (caller frees). */
static inline char *
tmp_path(const char *name)
{
    return xasprintf("%s/%s", tmpdir, name);
}

static inline int
tmpdir_rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* Remove tmpdir and everything in it. */
static inline void
tmpdir_remove(void)
{
    nftw(tmpdir, tmpdir_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

#endif
