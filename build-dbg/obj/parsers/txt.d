build-dbg/obj/parsers/txt.o: parsers/txt.c parsers/txt.h \
 parsers/../extract/doc.h parsers/../extract/arena.h \
 parsers/../extract/error.h parsers/../extract/norm.h parsers/classify.h
parsers/txt.h:
parsers/../extract/doc.h:
parsers/../extract/arena.h:
parsers/../extract/error.h:
parsers/../extract/norm.h:
parsers/classify.h:
