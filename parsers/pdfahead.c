/* pdfahead.c: pages' text layers read ahead by helper threads. */
#include "pdfahead.h"

#include <pthread.h>
#include <stdlib.h>

#define AHEAD_WINDOW 8       /* pages read and not yet taken, at most: each
			      * holds its characters (about 50 bytes each) */
#define AHEAD_MAX_HELPERS 7  /* helpers past this find the window full */

enum slot_state { SLOT_FREE, SLOT_READING, SLOT_DONE };

struct ahead_slot {
	int page;
	enum slot_state state;
	int rc;                  /* pdf_draw_text's */
	double w, h;             /* the size the helper read it at */
	struct pdf_text t;
};

struct pdf_ahead {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	const void *buf;
	size_t n;
	const char *password;
	int first;
	int next;                /* the first page nobody has started */
	int last;                /* one past the last page */
	int taken;               /* pages below this the caller is done with */
	int stop;
	struct ahead_slot slot[AHEAD_WINDOW];   /* page p in slot p % AHEAD_WINDOW */
	pthread_t th[AHEAD_MAX_HELPERS];
	int nth;
};

/* The next page for a helper, or -1 when there is none or the run
 * stops; waits while the window is full. Called locked. */
static int claim(struct pdf_ahead *a)
{
	for (;;) {
		if (a->next < a->last && (a->next - a->first) % (a->nth + 1) == 0)
			a->next++;   /* the caller's */
		else if (a->stop || a->next >= a->last)
			return -1;
		else if (a->next - a->taken < AHEAD_WINDOW)
			break;
		else
			pthread_cond_wait(&a->cv, &a->mu);
	}
	int p = a->next++;
	struct ahead_slot *s = &a->slot[p % AHEAD_WINDOW];

	s->page = p;
	s->state = SLOT_READING;
	return p;
}

static void *helper(void *arg)
{
	struct pdf_ahead *a = arg;
	struct pdf_draw *d = pdf_draw_open(a->buf, a->n, a->password);
	int p;

	if (!d)
		return NULL;   /* the caller reads every page itself */
	pthread_mutex_lock(&a->mu);
	while ((p = claim(a)) >= 0) {
		struct pdf_text t = { 0 };
		double w = 0, h = 0;
		int rc;

		pthread_mutex_unlock(&a->mu);
		rc = pdf_draw_size(d, p, &w, &h);
		if (rc == 0)
			rc = pdf_draw_text(d, p, w, h, &t);
		pthread_mutex_lock(&a->mu);
		struct ahead_slot *s = &a->slot[p % AHEAD_WINDOW];

		if (p < a->taken) {   /* the caller has gone past it */
			pdf_text_free(&t);
			if (s->page == p)   /* (else the slot is a later page's now) */
				s->state = SLOT_FREE;
		} else {
			s->rc = rc, s->w = w, s->h = h, s->t = t;
			s->state = SLOT_DONE;
		}
		pthread_cond_broadcast(&a->cv);
	}
	pthread_mutex_unlock(&a->mu);
	pdf_draw_close(d);
	return NULL;
}

struct pdf_ahead *pdf_ahead_new(const void *buf, size_t n, const char *password, int first, int last,
				int helpers)
{
	struct pdf_ahead *a;

	if (helpers <= 0 || last - first < 2)
		return NULL;
	if (helpers > AHEAD_MAX_HELPERS)
		helpers = AHEAD_MAX_HELPERS;
	if (!(a = calloc(1, sizeof(*a))))
		return NULL;
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->cv, NULL);
	a->buf = buf, a->n = n, a->password = password;
	a->first = a->next = a->taken = first;
	pthread_mutex_lock(&a->mu);   /* nth is read by the helpers */
	a->last = last;
	for (int i = 0; i < helpers; i++)
		if (pthread_create(&a->th[a->nth], NULL, helper, a) == 0)
			a->nth++;
	pthread_mutex_unlock(&a->mu);
	if (a->nth == 0) {
		pdf_ahead_free(a);
		return NULL;
	}
	return a;
}

/* Results for pages before page nobody will take. Called locked. */
static void drop_before(struct pdf_ahead *a, int page)
{
	for (int i = 0; i < AHEAD_WINDOW; i++) {
		struct ahead_slot *s = &a->slot[i];

		if (s->state == SLOT_DONE && s->page < page) {
			pdf_text_free(&s->t);
			s->state = SLOT_FREE;
		}
	}
}

int pdf_ahead_take(struct pdf_ahead *a, int page, double w, double h, struct pdf_text *t)
{
	struct ahead_slot *s;
	int got = 0;

	if (!a)
		return 0;
	pthread_mutex_lock(&a->mu);
	drop_before(a, page);
	if (page >= a->next) {
		a->next = page + 1;   /* the caller's */
	} else {
		s = &a->slot[page % AHEAD_WINDOW];
		while (s->page == page && s->state == SLOT_READING)
			pthread_cond_wait(&a->cv, &a->mu);
		if (s->page == page && s->state == SLOT_DONE) {
			got = s->rc == 0 && s->w == w && s->h == h;
			if (got)
				*t = s->t;
			else
				pdf_text_free(&s->t);
			s->state = SLOT_FREE;
		}
	}
	a->taken = page + 1;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	return got;
}

void pdf_ahead_free(struct pdf_ahead *a)
{
	if (!a)
		return;
	pthread_mutex_lock(&a->mu);
	a->stop = 1;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	for (int i = 0; i < a->nth; i++)
		pthread_join(a->th[i], NULL);
	drop_before(a, a->last);
	pthread_cond_destroy(&a->cv);
	pthread_mutex_destroy(&a->mu);
	free(a);
}
