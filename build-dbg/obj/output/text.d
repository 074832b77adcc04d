build-dbg/obj/output/text.o: output/text.c output/out.h \
 output/../extract/doc.h output/../extract/arena.h \
 output/../extract/error.h
output/out.h:
output/../extract/doc.h:
output/../extract/arena.h:
output/../extract/error.h:
