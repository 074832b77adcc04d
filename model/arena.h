/* arena.h: one memory region per document, freed in one call.
 * Everything a document holds (pages, blocks, words, strings) is
 * allocated here; nothing in the model is freed on its own.
 * Built with -DARENA_DEBUG (make asan), every allocation is a separate
 * malloc so AddressSanitizer sees overflows between objects. */
#ifndef EX_ARENA_H
#define EX_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(size_t block_size);
void arena_free(struct arena *a);

/* Zeroed memory, aligned for any type; NULL only when malloc fails. */
void *arena_alloc(struct arena *a, size_t n);
/* Grow an array allocated in the arena: returns a copy with room for
 * new_n elements (the old copy stays until arena_free). */
void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n, size_t elem);
/* Appends one zeroed element to a growing array *arr of *n elements with
 * room for *cap, doubling the room when full. Returns the new element,
 * or NULL when memory runs out. */
void *arena_push(struct arena *a, void **arr, size_t *n, size_t *cap, size_t elem);
/* arena_push with the array's type checked: ARENA_PUSH(a, arr, n, cap). */
#define ARENA_PUSH(a, arr, n, cap) \
	arena_push((a), (void **)&(arr), &(n), &(cap), sizeof(*(arr)))
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Bytes handed out so far (for memory accounting in benches). */
size_t arena_used(const struct arena *a);

#endif
