build-dbg/obj/output/json.o: output/json.c output/out.h \
 output/../extract/doc.h output/../extract/arena.h \
 output/../extract/error.h
output/out.h:
output/../extract/doc.h:
output/../extract/arena.h:
output/../extract/error.h:
