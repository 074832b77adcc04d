build-dbg/obj/patterns/set.o: patterns/set.c patterns/internal.h \
 patterns/pat.h patterns/../extract/doc.h patterns/../extract/arena.h \
 patterns/../extract/error.h
patterns/internal.h:
patterns/pat.h:
patterns/../extract/doc.h:
patterns/../extract/arena.h:
patterns/../extract/error.h:
