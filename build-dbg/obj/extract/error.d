build-dbg/obj/extract/error.o: extract/error.c extract/error.h
extract/error.h:
