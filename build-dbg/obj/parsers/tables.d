build-dbg/obj/parsers/tables.o: parsers/tables.c parsers/tables.h \
 parsers/layout.h parsers/../extract/doc.h parsers/../extract/arena.h \
 parsers/../extract/error.h parsers/../extract/norm.h
parsers/tables.h:
parsers/layout.h:
parsers/../extract/doc.h:
parsers/../extract/arena.h:
parsers/../extract/error.h:
parsers/../extract/norm.h:
