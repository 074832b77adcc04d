#include "error.h"

#include <stdarg.h>
#include <stdio.h>

int ex_error_set(struct ex_error *e, int code, const char *src, int line,
		 const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	e->code = code;
	e->src = src;
	e->line = line;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	/* One line: a library message may carry newlines. */
	for (char *p = e->msg; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	return code;
}

const char *ex_code_message(int code)
{
	switch (code) {
	case EX_EIO: return "cannot be read";
	case EX_EFORMAT: return "not a format extract reads, or broken beyond reading";
	case EX_ELIMIT: return "over a safety limit";
	case EX_EPASSWORD: return "encrypted, and the password is missing or wrong";
	case EX_ENOMEM: return "out of memory";
	case EX_EUSAGE: return "bad option value";
	case EX_EEMPTY: return "empty file";
	default: return "internal error";
	}
}

int ex_error_code(struct ex_error *e, int code, const char *src, int line)
{
	if (e && e->code < 0)
		return e->code;
	return ex_error_set(e, code, src, line, "%s", ex_code_message(code));
}
