build-dbg/obj/extract/arena.o: extract/arena.c extract/arena.h
extract/arena.h:
