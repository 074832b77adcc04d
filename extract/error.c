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
