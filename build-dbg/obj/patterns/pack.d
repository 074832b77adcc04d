build-dbg/obj/patterns/pack.o: patterns/pack.c patterns/internal.h \
 patterns/pat.h patterns/../extract/doc.h patterns/../extract/arena.h \
 patterns/../extract/error.h patterns/../extract/norm.h \
 patterns/quantity.h
patterns/internal.h:
patterns/pat.h:
patterns/../extract/doc.h:
patterns/../extract/arena.h:
patterns/../extract/error.h:
patterns/../extract/norm.h:
patterns/quantity.h:
