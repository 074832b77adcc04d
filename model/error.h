/* error.h: one-line errors with a code and the place they were raised. */
#ifndef EX_ERROR_H
#define EX_ERROR_H

enum {
	EX_OK = 0,
	EX_EIO = -1,       /* cannot read: missing, unreadable, a directory */
	EX_EFORMAT = -2,   /* not a format we read, or broken beyond reading */
	EX_ELIMIT = -3,    /* a safety limit: size, ratio, page count */
	EX_EPASSWORD = -4, /* encrypted: needs a password, or the wrong one */
	EX_ENOMEM = -5,
	EX_EUSAGE = -6,    /* bad option value */
	EX_EEMPTY = -7,    /* empty file */
};

struct ex_error {
	int code;         /* < 0 */
	char msg[256];    /* one line, no file name, no newline */
	const char *src;  /* __FILE__ of the raise site */
	int line;         /* __LINE__ */
};

int ex_error_set(struct ex_error *e, int code, const char *src, int line,
		 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Sets *e and evaluates to the (negative) code. */
#define EX_FAIL(e, c, ...) ex_error_set((e), (c), __FILE__, __LINE__, __VA_ARGS__)

/* The message a code stands for ("out of memory" for EX_ENOMEM). */
const char *ex_code_message(int code);

/* Where a code comes up from code that returns codes, not messages (the
 * page stage, the pattern passes): an error already raised below keeps
 * its own message and place; otherwise the code is named here. */
int ex_error_code(struct ex_error *e, int code, const char *src, int line);
#define EX_FAIL_CODE(e, c) ex_error_code((e), (c), __FILE__, __LINE__)

#endif
