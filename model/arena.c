/* arena.c: bump allocator in a chain of blocks. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define ALIGN 16
/* A document past ARENA_HUGE_AFTER bytes takes blocks of a transparent
 * huge page: its memory is touched once, and a 2 MB page is one fault
 * where 4 KB pages were 512 (200 000 paragraphs: a fifth of the time
 * went to page faults). Blocks and big objects of that size or more are
 * aligned to it and marked MADV_HUGEPAGE, which the kernel may take or
 * leave (its setting "madvise", Debian's default, takes it). */
#define ARENA_HUGE (2u << 20)
#define ARENA_HUGE_AFTER (16u << 20)

struct arena_block {
	struct arena_block *next;
	size_t size, used;
	_Alignas(ALIGN) unsigned char data[];
};

struct arena {
	struct arena_block *head;
	size_t block_size;
	size_t total;
};

struct arena *arena_new(size_t block_size)
{
	struct arena *a = calloc(1, sizeof(*a));

	if (!a)
		return NULL;
	a->block_size = block_size < 256 ? 256 : block_size;
	return a;
}

void arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	if (!a)
		return;
	for (b = a->head; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

static struct arena_block *arena_block_new(size_t size)
{
	struct arena_block *b = NULL;

	if (sizeof(*b) + size >= ARENA_HUGE) {
		size_t len = (sizeof(*b) + size + ARENA_HUGE - 1) & ~(size_t)(ARENA_HUGE - 1);

		if (posix_memalign((void **)&b, ARENA_HUGE, len))
			return NULL;
		madvise(b, len, MADV_HUGEPAGE);
	} else if (!(b = malloc(sizeof(*b) + size))) {
		return NULL;
	}
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

/* n bytes, not cleared. */
static void *take(struct arena *a, size_t n)
{
	struct arena_block *b;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ALIGN)
		return NULL;
	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	a->total += n;
#ifdef ARENA_DEBUG
	/* One block per object: ASan catches any overflow past n. */
	b = arena_block_new(n);
	if (!b)
		return NULL;
	b->used = n;
	b->next = a->head;
	a->head = b;
	return b->data;
#else
	b = a->head;
	if (!b || b->size - b->used < n) {
		size_t bs = a->total > ARENA_HUGE_AFTER ? ARENA_HUGE - sizeof(*b) : a->block_size;
		size_t sz = n > bs / 4 ? n : bs;

		b = arena_block_new(sz);
		if (!b)
			return NULL;
		if (sz == n && a->head) {
			/* Big object: keep the current block for small ones. */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = b->data + b->used;

	b->used += n;
	return p;
#endif
}

void *arena_alloc(struct arena *a, size_t n)
{
	void *p = take(a, n);

	if (p)
		memset(p, 0, n ? n : 1);
	return p;
}

void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n, size_t elem)
{
	size_t keep = old ? (old_n < new_n ? old_n : new_n) * elem : 0;
	void *p;

	if (new_n && elem > SIZE_MAX / new_n)
		return NULL;
	/* only what is not copied is cleared: a long array grows by doubling */
	p = take(a, new_n * elem);
	if (p) {
		if (keep)
			memcpy(p, old, keep);
		memset((char *)p + keep, 0, new_n * elem - keep);
	}
	return p;
}

void *arena_push(struct arena *a, void **arr, size_t *n, size_t *cap, size_t elem)
{
	void *p;

	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;

		p = arena_grow(a, *arr, *n, nc, elem);
		if (!p)
			return NULL;
		*arr = p;
		*cap = nc;
	}
	p = (char *)*arr + (*n)++ * elem;
	memset(p, 0, elem);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t arena_used(const struct arena *a)
{
	return a->total;
}
