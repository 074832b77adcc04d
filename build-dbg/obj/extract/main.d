build-dbg/obj/extract/main.o: extract/main.c extract/../output/out.h \
 extract/../output/../extract/doc.h extract/../output/../extract/arena.h \
 extract/../output/../extract/error.h extract/../patterns/pat.h \
 extract/../patterns/../extract/doc.h extract/doc.h extract/pipeline.h
extract/../output/out.h:
extract/../output/../extract/doc.h:
extract/../output/../extract/arena.h:
extract/../output/../extract/error.h:
extract/../patterns/pat.h:
extract/../patterns/../extract/doc.h:
extract/doc.h:
extract/pipeline.h:
