build-dbg/obj/patterns/values.o: patterns/values.c patterns/internal.h \
 patterns/pat.h patterns/../extract/doc.h patterns/../extract/arena.h \
 patterns/../extract/error.h patterns/quantity.h
patterns/internal.h:
patterns/pat.h:
patterns/../extract/doc.h:
patterns/../extract/arena.h:
patterns/../extract/error.h:
patterns/quantity.h:
