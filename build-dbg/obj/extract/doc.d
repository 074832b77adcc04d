build-dbg/obj/extract/doc.o: extract/doc.c extract/doc.h extract/arena.h \
 extract/error.h
extract/doc.h:
extract/arena.h:
extract/error.h:
