build-dbg/obj/patterns/quantity.o: patterns/quantity.c \
 patterns/internal.h patterns/pat.h patterns/../extract/doc.h \
 patterns/../extract/arena.h patterns/../extract/error.h \
 patterns/quantity.h
patterns/internal.h:
patterns/pat.h:
patterns/../extract/doc.h:
patterns/../extract/arena.h:
patterns/../extract/error.h:
patterns/quantity.h:
